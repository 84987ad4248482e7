/**
 * Proof that code runs offline: while the guard is up, any socket connect, DNS lookup or fetch
 * throws and is counted. Verification tests and bench:verify run under it.
 */
import dns from "node:dns";
import net from "node:net";

export interface NetworkGuard {
  /** Attempts made while the guard was up: each one names what was tried. */
  readonly attempts: string[];
  release(): void;
}

export function forbidNetwork(): NetworkGuard {
  const attempts: string[] = [];
  const refuse = (what: string) => {
    attempts.push(what);
    throw new Error(`network access during an offline run: ${what}`);
  };
  const connect = net.Socket.prototype.connect;
  const lookup = dns.lookup;
  const promisesLookup = dns.promises.lookup;
  const fetch = globalThis.fetch;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    return refuse(`socket connect ${JSON.stringify(args[0])}`);
  } as typeof connect;
  dns.lookup = ((host: string) => refuse(`dns lookup ${host}`)) as unknown as typeof dns.lookup;
  dns.promises.lookup = ((host: string) => refuse(`dns lookup ${host}`)) as typeof dns.promises.lookup;
  globalThis.fetch = ((input: unknown) => refuse(`fetch ${String(input)}`)) as typeof fetch;
  return {
    attempts,
    release() {
      net.Socket.prototype.connect = connect;
      dns.lookup = lookup;
      dns.promises.lookup = promisesLookup;
      globalThis.fetch = fetch;
    },
  };
}
