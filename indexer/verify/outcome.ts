/** What checking one proof found, before trust and dates turn it into a status. */
import type { VerificationCode } from "../../src/domain/verification.ts";

export interface ProofOutcome {
  code: VerificationCode;
  detail: string;
  proof: string | null;
  /** The issuer the JWT / proof binds, when the proof names it apart from the credential. */
  issuer?: string;
}
