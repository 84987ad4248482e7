/** `ler-match trust …`: the issuer trust list and issuer keys, over engine.trust. */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { LerError } from "../../domain/errors.ts";
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

function readKeyFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (cause) {
    throw new LerError(
      "invalid_input",
      `key file ${path} could not be read as JSON: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
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
  withCommon(trust.command("remove").description("stop trusting an issuer"))
    .argument("<issuer>", "issuer id")
    .action(
      run(async (o: CommonOptions, id: string) => {
        await withEngine(o, async (e) => e.trust.removeIssuer(id));
        print(o, { removed: id }, `removed ${id}`);
      }),
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
  withCommon(trust.command("remove-key").description("forget an issuer key"))
    .argument("<key>", "verification method id")
    .action(
      run(async (o: CommonOptions, id: string) => {
        await withEngine(o, async (e) => e.trust.removeKey(id));
        print(o, { removed: id }, `removed ${id}`);
      }),
    );
}
