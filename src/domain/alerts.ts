/**
 * What the credential watch reports (src/watch/alerts.ts): required licences and certifications
 * that expire soon, have expired, or were revoked. Declared as zod so the OpenAPI document
 * describes the real shape.
 */
import { z } from "zod";

export const AlertStatus = z.enum(["revoked", "expired", "expiring"]);
export type AlertStatus = z.infer<typeof AlertStatus>;

export const CredentialAlert = z.object({
  positionId: z.string(),
  positionTitle: z.string().nullable(),
  candidateId: z.string(),
  name: z.string().nullable(),
  status: AlertStatus,
  credential: z.object({
    conceptId: z.string(),
    label: z.string(),
    skillText: z.string(),
    documentId: z.string(),
    title: z.string().nullable(),
  }),
  issuer: z.string().nullable(),
  /** the credential's validUntil (for a revoked one, when given) */
  date: z.string().nullable(),
  /** whole days from the engine's "now" to `date`; negative once expired */
  daysLeft: z.number().int().nullable(),
});
export type CredentialAlert = z.infer<typeof CredentialAlert>;

export const AlertsReport = z.object({
  asOf: z.string(),
  withinDays: z.number().int(),
  positions: z.number().int(),
  alerts: z.array(CredentialAlert),
});
export type AlertsReport = z.infer<typeof AlertsReport>;
