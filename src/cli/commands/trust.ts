/** `ler-match trust …`: the issuer trust list, issuer keys and JSON-LD contexts, over engine.trust. */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { LerError } from "../../domain/errors.ts";
import type { TrustService } from "../../engine/trust.ts";
import { reportError } from "../exit.ts";
import { type CommonOptions, withCommon, withEngine } from "../options.ts";
import { table } from "../table.ts";

const print = (o: CommonOptions, value: unknown, text: string) =>
  process.stdout.write(o.json ? `${JSON.stringify(value)}\n` : `${text}\n`);

/** Commander calls an action with (...arguments, options, command). */
function run<A extends unknown[]>(body: (o: CommonOptions, ...args: A) => Promise<void>) {
  return async (...args: unknown[]) => {
    const o = args[args.length - 2] as CommonOptions;
    try {
      await body(o, ...(args.slice(0, -2) as A));
    } catch (e) {
      reportError(e, !!o.json);
    }
  };
}

function readFile(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (cause) {
    throw new LerError("invalid_input", `${what} ${path} could not be read: ${(cause as Error).message}`, {
      cause,
    });
  }
}

function readKeyFile(path: string): unknown {
  try {
    return JSON.parse(readFile(path, "key file"));
  } catch (cause) {
    if (cause instanceof LerError) throw cause;
    throw new LerError(
      "invalid_input",
      `key file ${path} could not be read as JSON: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
}

/** `trust <name> <entry>`: takes one entry off a list, and says which. */
function registerRemoval(
  trust: Command,
  name: string,
  description: string,
  [argument, help]: [string, string],
  remove: (trust: TrustService, entry: string) => void,
): void {
  withCommon(trust.command(name).description(description))
    .argument(argument, help)
    .action(
      run(async (o: CommonOptions, entry: string) => {
        await withEngine(o, async (e) => remove(e.trust, entry));
        print(o, { removed: entry }, `removed ${entry}`);
      }),
    );
}

export function registerTrustCommands(program: Command): void {
  const trust = program
    .command("trust")
    .description(
      "the issuers whose signed credentials count as verified, and keys for did:web / https issuers",
    );
  withCommon(trust.command("add").description("trust an issuer (a DID or URL as credentials name it)"))
    .argument("<issuer>", "issuer id: did:key:…, did:web:…, https://…")
    .requiredOption("--name <name>", "the name shown on verified badges")
    .action(
      run(async (o: CommonOptions & { name?: string }, id: string) => {
        const { issuer, created } = await withEngine(o, async (e) => e.trust.addIssuer({ id, name: o.name }));
        print(o, { issuer, created }, `${created ? "trusted" : "renamed"} ${issuer.id} as "${issuer.name}"`);
      }),
    );
  withCommon(trust.command("list").description("the trust list and the issuer keys")).action(
    run(async (o: CommonOptions) => {
      const { issuers, keys } = await withEngine(o, async (e) => ({
        issuers: e.trust.issuers(),
        keys: e.trust.keys(),
      }));
      print(
        o,
        { issuers, keys },
        [
          table(
            ["issuer", "name", "added"],
            issuers.map((i) => [i.id, i.name, i.addedAt]),
          ),
          "",
          table(
            ["key", "controller"],
            keys.map((k) => [k.id, k.controller]),
          ),
        ].join("\n"),
      );
    }),
  );
  registerRemoval(trust, "remove", "stop trusting an issuer", ["<issuer>", "issuer id"], (t, id) =>
    t.removeIssuer(id),
  );
  withCommon(
    trust
      .command("add-key")
      .description(
        "add public keys from a file you obtained yourself (a verification method, an array, or a DID document); never fetched",
      ),
  )
    .argument("<file>", "JSON key file")
    .action(
      run(async (o: CommonOptions, file: string) => {
        const input = readKeyFile(file);
        const { keys, created } = await withEngine(o, async (e) => e.trust.addKeys(input));
        print(
          o,
          { keys, created },
          `${keys.length} key(s), ${created} new: ${keys.map((k) => k.id).join(", ")}`,
        );
      }),
    );
  registerRemoval(trust, "remove-key", "forget an issuer key", ["<key>", "verification method id"], (t, id) =>
    t.removeKey(id),
  );
  registerContextCommands(trust);
  withCommon(
    trust
      .command("reverify")
      .description(
        "verify the stored documents that carry a proof again, against the trust list, keys and contexts as they are now",
      ),
  ).action(
    run(async (o: CommonOptions) => {
      const report = await withEngine(o, (e) => e.trust.reverify());
      const summary = `${report.checked} document(s) with a proof checked, ${report.changed.length} changed, ${report.skipped.length} skipped`;
      print(
        o,
        report,
        [
          summary,
          ...(report.changed.length
            ? [
                "",
                table(
                  ["document", "was", "now", "reason"],
                  report.changed.map((c) => [c.name, c.from, c.to, c.reason]),
                ),
              ]
            : []),
          ...(report.skipped.length
            ? [
                "",
                table(
                  ["skipped", "why"],
                  report.skipped.map((s) => [s.name, s.reason]),
                ),
              ]
            : []),
        ].join("\n"),
      );
    }),
  );
}

/** JSON-LD contexts no npm package bundles (CLR 2.0), pinned to the SHA-256 of the file's bytes. */
function registerContextCommands(trust: Command): void {
  withCommon(
    trust
      .command("add-context")
      .description(
        "pin a JSON-LD context file you obtained yourself for its exact URL (never fetched); its bytes may never change",
      ),
  )
    .argument("<url>", "the context URL exactly as credentials name it in @context")
    .argument("<file>", "the context file")
    .option("--sha256 <hex>", "refuse the file unless it has this SHA-256 (a digest you trust)")
    .action(
      run(async (o: CommonOptions & { sha256?: string }, url: string, file: string) => {
        const content = readFile(file, "context file");
        const { context, created } = await withEngine(o, async (e) =>
          e.trust.addContext({ url, content, ...(o.sha256 ? { sha256: o.sha256 } : {}) }),
        );
        print(
          o,
          { context, created },
          `${created ? "pinned" : "already pinned"} ${context.url} (sha256 ${context.sha256}, ${context.bytes} bytes)`,
        );
      }),
    );
  withCommon(
    trust.command("list-contexts").description("the contexts the operator added, with their pins"),
  ).action(
    run(async (o: CommonOptions) => {
      const contexts = await withEngine(o, async (e) => e.trust.contexts());
      print(
        o,
        { contexts },
        table(
          ["context", "sha256", "bytes", "added", "intact"],
          contexts.map((c) => [c.url, c.sha256, c.bytes, c.addedAt, c.intact ? "yes" : "NO: refused"]),
        ),
      );
    }),
  );
  registerRemoval(
    trust,
    "remove-context",
    "forget a context the operator added",
    ["<url>", "context URL"],
    (t, url) => t.removeContext(url),
  );
}
