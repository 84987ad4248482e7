/**
 * One long job description must not stall the server: while a maximum-size /v1/parse-jd request
 * is being understood, /health still answers within 100 ms. A real HTTP server on 127.0.0.1, so
 * the requests really queue on the one event loop the parse runs on.
 */
import type { AddressInfo } from "node:net";
import { Worker } from "node:worker_threads";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CUSTOMER_SERVICE_JD, NURSING_JD, SOFTWARE_JD, WELDING_JD } from "../jd/fixtures.ts";
import { type JsonResponse, makeRig, type TestRig } from "./fixture.ts";

const MAX_CHARS = 100_000;
const HEALTH_WITHIN_MS = 100;
const POSTING = [SOFTWARE_JD, NURSING_JD, WELDING_JD, CUSTOMER_SERVICE_JD].join("\n");
const LONGEST = POSTING.repeat(Math.ceil(MAX_CHARS / POSTING.length)).slice(0, MAX_CHARS);

let rig: TestRig;
let server: ReturnType<typeof serve>;
let base: string;

beforeAll(async () => {
  rig = await makeRig();
  rig.engine.parseJobDescription(SOFTWARE_JD); // builds the concept index before anything is timed
  server = serve({ fetch: rig.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rig.close();
});

const postJson = async (path: string, body: unknown): Promise<JsonResponse> =>
  (await fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${rig.adminKey}` },
    body: JSON.stringify(body),
  })) as JsonResponse;

/**
 * Probes /health from another thread, so a probe is sent on time even while this thread's event
 * loop is busy parsing: its latency is how long the server kept it waiting.
 */
const PROBER = `
const { parentPort, workerData } = require("node:worker_threads");
const now = () => performance.timeOrigin + performance.now();
let stopped = false;
parentPort.on("message", () => { stopped = true; });
(async () => {
  const probes = [];
  while (!stopped) {
    const sent = now();
    const response = await fetch(workerData.url);
    await response.arrayBuffer();
    probes.push({ sent, received: now(), status: response.status });
    if (probes.length === 1) parentPort.postMessage({ ready: true });
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  parentPort.postMessage({ probes });
})();
`;

interface Probe {
  sent: number;
  received: number;
  status: number;
}

function startProber(url: string) {
  const worker = new Worker(PROBER, { eval: true, workerData: { url } });
  const message = (want: "ready" | "probes") =>
    new Promise<{ probes?: Probe[] }>((resolve, reject) => {
      const on = (m: { ready?: boolean; probes?: Probe[] }) => {
        if (want in m) {
          worker.off("message", on);
          resolve(m);
        }
      };
      worker.on("message", on);
      worker.once("error", reject);
    });
  const ready = message("ready");
  return {
    ready,
    async stop(): Promise<Probe[]> {
      const done = message("probes");
      worker.postMessage("stop");
      const { probes } = await done;
      await worker.terminate();
      return probes ?? [];
    },
  };
}

const clock = () => performance.timeOrigin + performance.now();

describe("a maximum-size job description", () => {
  it("leaves /health answering within 100 ms while it is parsed", async () => {
    const prober = startProber(`${base}/health`);
    await prober.ready;
    const began = clock();
    const response = await postJson("/v1/parse-jd", { text: LONGEST });
    const body = await response.json();
    const ended = clock();
    const probes = await prober.stop();
    expect(response.status).toBe(200);
    expect(body.requirements.length).toBeGreaterThan(0);
    const during = probes.filter((p) => p.sent >= began && p.sent <= ended);
    expect(during.length).toBeGreaterThanOrEqual(3);
    expect(during.every((p) => p.status === 200)).toBe(true);
    const slowest = Math.max(...during.map((p) => p.received - p.sent));
    expect(slowest).toBeLessThan(HEALTH_WITHIN_MS);
  });

  it("is understood by POST /v1/match too", async () => {
    const response = await postJson("/v1/match", { jobDescription: LONGEST });
    expect(response.status).toBe(200);
    expect((await response.json()).jobDescription.requirements.length).toBeGreaterThan(0);
  });

  it("is refused one character past the limit, naming it", async () => {
    const response = await postJson("/v1/parse-jd", { text: `${LONGEST}x` });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("invalid_input");
    expect(error.message).toContain(String(MAX_CHARS));
  });
});
