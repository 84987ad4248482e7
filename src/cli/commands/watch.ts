import { appendFileSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import type { Command } from "commander";
import type { AlertsReport } from "../../domain/alerts.ts";
import { fromZod, LerError } from "../../domain/errors.ts";
import type { AlertsQuery } from "../../engine/alerts.ts";
import { deliver, WebhookConfig } from "../../watch/webhook.ts";
import { reportError } from "../exit.ts";
import { type CommonOptions, withCommon, withEngine } from "../options.ts";
import { table } from "../table.ts";

interface WatchOptions extends CommonOptions {
  positions?: string;
  withinDays: string;
  webhook?: string;
  secret?: string;
  attempts: string;
  log?: string;
}

export function registerWatchCommand(program: Command): void {
  withCommon(
    program
      .command("watch")
      .description(
        "required licences and certifications that expire within N days, have expired, or were revoked",
      ),
  )
    .option(
      "--positions <file>",
      "positions to watch: [{ id?, title?, requirements }] (default: the saved positions)",
    )
    .option("--within-days <n>", "warn this many days before expiry", "30")
    .option("--webhook <url>", "also POST the alerts there, signed (HMAC-SHA256) with --secret")
    .option("--secret <secret>", "webhook signing secret (default: $LER_MATCH_WEBHOOK_SECRET)")
    .option("--attempts <n>", "delivery attempts, with exponential back-off", "5")
    .option("--log <file>", "append each delivery attempt to this JSON-lines log")
    .action(async (o: WatchOptions) => {
      try {
        const report = await withEngine(o, async (engine) => {
          const positions = o.positions ? readPositions(o.positions) : undefined;
          const found = await engine.alerts({
            withinDays: Number(o.withinDays),
            positions: positions as AlertsQuery["positions"],
          });
          if (o.webhook) {
            const config = WebhookConfig.safeParse({
              url: o.webhook,
              secret: o.secret ?? process.env.LER_MATCH_WEBHOOK_SECRET,
              attempts: Number(o.attempts),
            });
            if (!config.success) throw fromZod(config.error, "webhook");
            const delivery = await deliver(found, config.data, {
              nowMs: engine.now,
              sleep: (ms) => sleep(ms),
              fetch,
            });
            if (o.log)
              for (const a of delivery.attempts)
                appendFileSync(o.log, `${JSON.stringify({ url: delivery.url, ...a })}\n`);
            if (!delivery.delivered)
              process.stderr.write(
                `ler-match: webhook not delivered after ${delivery.attempts.length} attempts\n`,
              );
          }
          return found;
        });
        process.stdout.write(o.json ? `${JSON.stringify(report)}\n` : `${render(report)}\n`);
      } catch (e) {
        reportError(e, !!o.json);
      }
    });
}

/** The file's JSON as given; the engine validates it (zod) and names what is wrong. */
function readPositions(path: string): unknown {
  try {
    const json = JSON.parse(readFileSync(path, "utf8"));
    return Array.isArray(json) ? json : json.positions;
  } catch (cause) {
    throw new LerError("invalid_input", `cannot read positions from ${path}`, { cause });
  }
}

function render(r: AlertsReport): string {
  const head = `${r.alerts.length} alerts over ${r.positions} positions (as of ${r.asOf.slice(0, 10)}, within ${r.withinDays} days)`;
  if (r.alerts.length === 0) return head;
  return `${head}\n\n${table(
    ["status", "person", "credential", "issuer", "date", "position"],
    r.alerts.map((a) => [
      a.status,
      a.name ?? a.candidateId,
      a.credential.label,
      a.issuer ?? "–",
      a.date ?? "–",
      a.positionTitle ?? a.positionId,
    ]),
  )}`;
}
