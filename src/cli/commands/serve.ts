import { serve } from "@hono/node-server";
import type { Command } from "commander";
import { createApp } from "../../../api/app.ts";
import { loadConfig } from "../../config.ts";
import { openEngine } from "../../engine/open.ts";
import type { Engine } from "../../engine/types.ts";
import { reportError } from "../exit.ts";
import { type CommonOptions, withCommon } from "../options.ts";

export interface ServeOptions extends CommonOptions {
  port?: string;
  host?: string;
}

export function registerServeCommand(program: Command): void {
  withCommon(program.command("serve").description("serve the API and the pages"))
    .option("--port <port>", "port (default: $LER_MATCH_PORT or 8787)")
    .option("--host <host>", "interface (default: 127.0.0.1)")
    .action(async (o: ServeOptions) => {
      try {
        await startServer(o);
      } catch (e) {
        reportError(e, !!o.json);
      }
    });
}

/** Opens the engine and serves it until SIGINT/SIGTERM; resolves once listening. */
export async function startServer(o: ServeOptions, engine?: Engine): Promise<void> {
  const config = loadConfig({
    db: o.db,
    backend: o.backend,
    port: o.port as unknown as number,
    host: o.host,
  });
  const eng = engine ?? (await openEngine({ db: config.db, backend: config.backend }));
  if (config.security.retentionDays !== undefined) {
    const { erased } = await eng.applyRetention(config.security.retentionDays);
    process.stderr.write(
      `ler-match: retention (${config.security.retentionDays} days) erased ${erased} people\n`,
    );
  }
  const app = createApp({ engine: eng, config });
  await new Promise<void>((resolve) => {
    const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
      process.stderr.write(
        `ler-match: serving http://${config.host}:${info.port} (API docs at /docs); every /v1 route needs an API key, ` +
          `answering to ${config.security.allowedHosts.join(", ")}\n`,
      );
      resolve();
    });
    const stop = () => server.close(() => eng.close().then(() => process.exit(0)));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
