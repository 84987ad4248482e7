/**
 * Evidence rows for a page of candidates in one raw better-sqlite3 statement: the match path reads
 * them on every request, and drizzle's per-row mapping plus the objects it allocates dominated a
 * match's time. Rows come back as arrays (`raw()`), one EvidenceRow literal is built per row.
 */
import type { Database } from "better-sqlite3";
import type { EvidenceRow } from "../domain/evidence.ts";
import type { SourceKind } from "../domain/schemas.ts";
import { isRevoked, isVerifiedDocument } from "./rows.ts";

const COLUMNS = `
  select a.id, a.candidate_id, a.document_id, a.concept_id, a.skill_text, a.resolution_method,
         a.resolution_confidence, a.raw_level, a.scale, a.level, a.source_kind, a.issuer, a.issued_at,
         a.last_practiced_at, a.valid_until, a.where_practiced, a.source_path,
         d.verification, d.revocation, d.title, d.format, d.verified_by
  from assertions a join documents d on d.id = a.document_id`;
const SELECT = `${COLUMNS} where a.candidate_id in (select value from json_each(?))`;
const SELECT_OF_CONCEPTS = `${COLUMNS} where a.concept_id in (select value from json_each(?))`;
// rowid = insertion order, i.e. the order the document listed its skills
const ORDER = "order by a.candidate_id, a.rowid";
/** The same rows restricted to the concepts a position bears on: the rest never change its scores. */
const ON_CONCEPTS = "and a.concept_id in (select value from json_each(?))";

type Cell = string & number & null;

export type EvidenceQuery = (
  ids: readonly string[],
  concepts?: readonly string[],
) => Map<string, EvidenceRow[]>;

export function evidenceQuery(sqlite: Database): EvidenceQuery {
  const all = sqlite.prepare(`${SELECT} ${ORDER}`).raw(true);
  const onConcepts = sqlite.prepare(`${SELECT} ${ON_CONCEPTS} ${ORDER}`).raw(true);
  return (ids, concepts) => {
    const out = new Map<string, EvidenceRow[]>();
    if (ids.length === 0) return out;
    let current = "";
    let list: EvidenceRow[] = [];
    const rows = concepts
      ? onConcepts.all(JSON.stringify(ids), JSON.stringify(concepts))
      : all.all(JSON.stringify(ids));
    for (const r of rows as Cell[][]) {
      const row = evidenceRow(r);
      if (row.candidateId !== current) {
        current = row.candidateId;
        list = [];
        out.set(current, list);
      }
      list.push(row);
    }
    return out;
  };
}

/** Every assertion of these concepts, whoever holds it, in the same row order. */
export function evidenceOfConceptsQuery(sqlite: Database): (concepts: readonly string[]) => EvidenceRow[] {
  const ofConcepts = sqlite.prepare(`${SELECT_OF_CONCEPTS} ${ORDER}`).raw(true);
  return (concepts) =>
    concepts.length === 0 ? [] : (ofConcepts.all(JSON.stringify(concepts)) as Cell[][]).map(evidenceRow);
}

function evidenceRow(r: Cell[]): EvidenceRow {
  const sourceKind: SourceKind = r[10]!;
  const verified = isVerifiedDocument(r[17]!, sourceKind);
  return {
    id: r[0]!,
    candidateId: r[1]!,
    documentId: r[2]!,
    conceptId: r[3]!,
    skillText: r[4]!,
    resolution: { method: r[5]!, confidence: r[6]! },
    rawLevel: r[7]!,
    scale: r[8]!,
    level: r[9]!,
    sourceKind,
    issuer: r[11]!,
    issuedAt: r[12]!,
    lastPracticedAt: r[13]!,
    validUntil: r[14]!,
    wherePracticed: r[15]!,
    sourcePath: r[16]!,
    verified,
    verifiedBy: verified ? r[21]! : null,
    revoked: isRevoked(r[18]!),
    documentTitle: r[19]!,
    documentFormat: r[20]!,
  };
}
