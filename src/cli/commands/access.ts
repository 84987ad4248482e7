/**
 * Access from the command line: API keys (create, list, revoke), the audit trail of one person,
 * erasure and retention, in the organisation of --org (the default one without). The command line
 * acts as the operator: its actions are audited under "cli:<user>" (operator.ts).
 */
import type { Command } from "commander";
import { loadConfig } from "../../config.ts";
import { Scope } from "../../domain/access.ts";
import { LerError } from "../../domain/errors.ts";
import type { Engine } from "../../engine/types.ts";
import { reportError } from "../exit.ts";
import { operator, recordOperator } from "../operator.ts";
import { type CommonOptions, withCommon, withEngine } from "../options.ts";
import { table } from "../table.ts";

const print = (o: CommonOptions, asJson: unknown, text: string) =>
  process.stdout.write(o.json ? `${JSON.stringify(asJson)}\n` : `${text}\n`);

/** Runs a command body with an engine, reporting any error the documented way. */
const run =
  <O extends CommonOptions>(body: (engine: Engine, o: O, ...args: string[]) => Promise<void> | void) =>
  async (...args: unknown[]) => {
    const positional = args.filter((a): a is string => typeof a === "string");
    const o = args.find((a) => typeof a === "object" && a !== null && !Array.isArray(a)) as O;
    try {
      await withEngine(o, async (engine) => body(engine, o, ...positional));
    } catch (e) {
      reportError(e, !!o.json);
    }
  };

const audit = (engine: Engine, action: "erase" | "retention" | "audit", personIds: string[]) =>
  recordOperator(engine, action, personIds);

interface CreateOptions extends CommonOptions {
  name: string;
  scope: string[];
  expiresIn?: string;
}

function registerKeys(program: Command): void {
  const keys = program.command("keys").description("API keys: create (shown once), list, revoke");
  withCommon(keys.command("create").description("create a key and print it once"))
    .requiredOption("--name <name>", "who or what the key is for")
    .requiredOption(
      "--scope <scope...>",
      `one or more of ${Scope.options.join(", ")} (admin holds every scope)`,
    )
    .option("--expires-in <days>", "expire after this many days (default: never)")
    .action(
      run<CreateOptions>((engine, o) => {
        const scopes = o.scope.flatMap((s) => s.split(","));
        const expiresInDays = o.expiresIn === undefined ? undefined : Number(o.expiresIn);
        const { token, key } = engine.access.createKey({
          name: o.name,
          scopes: scopes as Scope[],
          expiresInDays,
        });
        print(
          o,
          { token, key },
          `${token}\n\nkey ${key.id} "${key.name}" (${key.scopes.join(", ")}${key.expiresAt ? `, expires ${key.expiresAt}` : ""}).\nThis is the only time the key is shown: only its SHA-256 is stored.`,
        );
      }),
    );
  withCommon(keys.command("list").description("list keys (never the key itself)")).action(
    run((engine, o) => {
      const list = engine.access.listKeys();
      print(
        o,
        { keys: list },
        table(
          ["id", "name", "org", "scopes", "created", "expires", "revoked"],
          list.map((k) => [
            k.id,
            k.name,
            k.org,
            k.scopes.join(","),
            k.createdAt,
            k.expiresAt ?? "",
            k.revokedAt ?? "",
          ]),
        ),
      );
    }),
  );
  withCommon(keys.command("revoke").description("revoke a key by id, or every live key of a name"))
    .argument("<id-or-name>")
    .action(
      run((engine, o, idOrName) => {
        const revoked = engine.access.revokeKey(idOrName!);
        print(o, { revoked }, `revoked ${revoked.map((k) => `${k.id} "${k.name}"`).join(", ")}`);
      }),
    );
}

interface PersonOptions extends CommonOptions {
  person: string;
}

function registerPersonCommands(program: Command): void {
  withCommon(
    program.command("audit").description("who has read, matched, ingested or erased this person's record"),
  )
    .requiredOption("--person <id>", "the person's id")
    .action(
      run<PersonOptions>((engine, o) => {
        const trail = engine.access.auditOf(o.person);
        audit(engine, "audit", [o.person]);
        print(
          o,
          trail,
          [
            table(
              ["at", "key", "org", "action", "from", "request"],
              trail.entries.map((e) => [e.at, e.keyName, e.org, e.action, e.remote ?? "", e.requestId ?? ""]),
            ),
            ...trail.erasures.map(
              (r) => `erased ${r.at} by ${r.by} (${r.reason}): ${JSON.stringify(r.removed)}`,
            ),
          ].join("\n"),
        );
      }),
    );
  withCommon(program.command("erase").description("erase a person from every copy and print the receipt"))
    .requiredOption("--person <id>", "the person's id")
    .action(
      run<PersonOptions>(async (engine, o) => {
        const receipt = await engine.erase(o.person, operator());
        audit(engine, "erase", [o.person]);
        print(
          o,
          { receipt },
          `erased: ${JSON.stringify(receipt.removed)}\nreceipt subject ${receipt.subject}`,
        );
      }),
    );
  withCommon(
    program
      .command("retention")
      .description("erase everyone whose newest document is older than the retention setting"),
  )
    .option("--days <n>", "override the configured retention (security.retentionDays)")
    .action(
      run<CommonOptions & { days?: string }>(async (engine, o) => {
        const days = o.days === undefined ? loadConfig({}).security.retentionDays : Number(o.days);
        if (days === undefined || !(days > 0))
          throw new LerError(
            "invalid_input",
            "no retention is set: pass --days N or set LER_MATCH_RETENTION_DAYS",
          );
        const { erased } = await engine.applyRetention(days);
        print(o, { erased, days }, `erased ${erased} people with nothing newer than ${days} days`);
      }),
    );
}

export function registerAccessCommands(program: Command): void {
  registerKeys(program);
  registerPersonCommands(program);
}
