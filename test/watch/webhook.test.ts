import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliver, SIGNATURE_HEADER, sign } from "../../src/watch/webhook.ts";

const SECRET = "a-shared-secret-of-some-length";
const NOW = Date.parse("2026-01-01T00:00:00Z");

let server: Server;
let url: string;
let answers: number[] = [];
const received: { body: string; signature: string }[] = [];

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => resolve(body));
  });

beforeAll(async () => {
  server = createServer(async (req, res) => {
    received.push({ body: await read(req), signature: String(req.headers[SIGNATURE_HEADER]) });
    res.statusCode = answers.shift() ?? 200;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise((r) => server.close(r)));

describe("webhook delivery", () => {
  it("signs the body so the receiver can check it, and retries with doubling back-off", async () => {
    answers = [500, 503, 200];
    received.length = 0;
    const waits: number[] = [];
    const delivery = await deliver(
      { alerts: [{ candidateId: "p-1", status: "expired" }] },
      { url, secret: SECRET, attempts: 5, backoffMs: 1000 },
      { nowMs: () => NOW, sleep: async (ms) => void waits.push(ms), fetch },
    );
    expect(delivery.delivered).toBe(true);
    expect(delivery.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
    expect(waits).toEqual([1000, 2000]);
    const last = received.at(-1)!;
    expect(last.signature).toBe(sign(last.body, SECRET, NOW / 1000));
    expect(last.signature).not.toBe(sign(last.body, "another-secret-of-some-length", NOW / 1000));
  });

  it("gives up after the last attempt and logs every one", async () => {
    answers = [500, 500];
    const delivery = await deliver(
      { alerts: [] },
      { url, secret: SECRET, attempts: 2, backoffMs: 10 },
      { nowMs: () => NOW, sleep: async () => undefined, fetch },
    );
    expect(delivery).toMatchObject({
      delivered: false,
      attempts: [
        { attempt: 1, status: 500 },
        { attempt: 2, status: 500 },
      ],
    });
  });

  it("a receiver that is down is an attempt with an error, not a crash", async () => {
    const delivery = await deliver(
      {},
      { url: "http://127.0.0.1:9/none", secret: SECRET, attempts: 1, backoffMs: 0 },
      { nowMs: () => NOW, sleep: async () => undefined, fetch },
    );
    expect(delivery.delivered).toBe(false);
    expect(delivery.attempts[0]!.error).toBeTruthy();
  });
});
