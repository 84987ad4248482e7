/** @jsxImportSource hono/jsx */

import { effectiveStatus } from "../../src/domain/verification.ts";
import type { CandidateProfile, ProfileEvidence } from "../../src/engine/types.ts";
import { LevelBar, TableHead } from "./components.tsx";
import { Layout } from "./layout.tsx";
import { evidenceBadge, levelName, VERIFICATION_TEXT } from "./levels.ts";
import { RolesThatFit } from "./roles-section.tsx";

const day = (d: string | null) => (d ? d.slice(0, 10) : "");

function EvidenceItem({ e }: { e: ProfileEvidence }) {
  const source = evidenceBadge(e);
  const body = (
    <>
      “{e.skillText}” {e.rawLevel ? `· ${e.rawLevel}${e.scale ? ` (${e.scale})` : ""}` : "· no level stated"}{" "}
      · <span class={`tag ${source.cls}`}>{source.text}</span> {e.documentTitle ? `· ${e.documentTitle}` : ""}
      {e.issuer ? ` · ${e.issuer}` : ""}
      {e.issuedAt ? ` · issued ${day(e.issuedAt)}` : ""}
      {e.lastPracticedAt ? ` · last practiced ${day(e.lastPracticedAt)}` : ""}
      {e.wherePracticed ? ` · at ${e.wherePracticed}` : ""}
      {e.validUntil ? ` · valid until ${day(e.validUntil)}` : ""}
    </>
  );
  return (
    <li>
      {e.excluded === null ? (
        body
      ) : (
        <s class="expired">
          {body} (not counted: {e.excluded})
        </s>
      )}
    </li>
  );
}

export function CandidateView(props: {
  profile: CandidateProfile;
  roles?: Parameters<typeof RolesThatFit>[0];
}) {
  const { candidate, skills, documents, unresolved } = props.profile;
  return (
    <Layout title={candidate.name ?? candidate.id}>
      <h1>{candidate.name ?? candidate.id}</h1>
      <p class="muted">
        {candidate.id}
        {candidate.location ? ` · ${candidate.location}` : ""} · {skills.length} skills from{" "}
        {documents.length} documents
      </p>
      {props.roles && <RolesThatFit {...props.roles} />}
      <h2>Skills</h2>
      <table class="data" aria-label="skills">
        <TableHead columns={["Skill", "Level", "Evidence"]} />
        <tbody>
          {skills.map((s) => (
            <tr>
              <td>
                <strong>{s.label}</strong>
                {s.verified && <span class="tag verified"> verified</span>}
              </td>
              <td>
                <LevelBar need={null} has={s.level} outcome="met" /> {levelName(s.level)}
              </td>
              <td>
                <ul>
                  {s.evidence.map((e) => (
                    <EvidenceItem e={e} />
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {unresolved.length > 0 && (
        <p class="unresolved">
          Written skills not matched to the taxonomy: {unresolved.map((u) => u.skillText).join(", ")}
        </p>
      )}
      <h2>Documents</h2>
      <table class="data" aria-label="documents">
        <TableHead columns={["Document", "Format", "Issuer", "Issued", "Valid until", "Verification"]} />
        <tbody>
          {documents.map((d) => (
            <tr>
              <td>{d.title ?? d.fileName ?? d.id}</td>
              <td>{d.format}</td>
              <td>{d.issuer ?? ""}</td>
              <td>{day(d.issuedAt)}</td>
              <td>{day(d.validUntil)}</td>
              <td title={d.verificationDetail?.reason ?? ""}>
                {
                  VERIFICATION_TEXT[
                    effectiveStatus(d.verificationDetail ?? { status: "unsigned" }, d.revocation)
                  ]
                }
                {d.verificationDetail?.attestedBy ? ` · attested by ${d.verificationDetail.attestedBy}` : ""}
                {d.credentialStatus != null && d.revocation === "unchecked" ? " · status not checked" : ""}
                {d.verificationDetail ? <div class="muted">{d.verificationDetail.reason}</div> : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
