/**
 * Evidence rows for a page of candidates in one raw better-sqlite3 statement: the match path reads
 * them on every request, and drizzle's per-row mapping plus the objects it allocates dominated a
 * match's time. Rows come back as arrays (`raw()`), one row literal is built per row.
 *
 * Most of what is left is SQLite handing over each value (a string made per column per row), so a
 * match page reads only the columns an explanation shows (`explainedEvidenceQuery`).
 */
import type { Database } from "better-sqlite3";
import type { EvidenceRow, ExplainedRow } from "../domain/evidence.ts";
import type { SourceKind } from "../domain/schemas.ts";
import { isRevoked, isVerifiedDocument } from "./rows.ts";

/** What an explanation reads, in the order every statement here selects it. */
const EXPLAINED = `a.id, a.candidate_id, a.document_id, a.concept_id, a.skill_text, a.raw_level, a.scale,
  a.level, a.source_kind, a.issuer, a.issued_at, a.last_practiced_at, a.valid_until, a.where_practiced,
  d.verification, d.revocation, d.verified_by`;
/** The rest of a full row: how the skill was resolved, where it sat, the document's title and format. */
const PROVENANCE = "a.resolution_method, a.resolution_confidence, a.source_path, d.title, d.format";
const FROM = "from assertions a join documents d on d.id = a.document_id";
/** `column` is one of the values of a JSON array bound as one parameter: one statement for any number of ids. */
const inJsonArray = (column: string) => `${column} in (select value from json_each(?))`;
const OF_CANDIDATES = `where ${inJsonArray("a.candidate_id")}`;
const OF_CONCEPTS = `where ${inJsonArray("a.concept_id")}`;
/** The same rows restricted to the concepts a position bears on: the rest never change its scores. */
const ON_CONCEPTS = `and ${inJsonArray("a.concept_id")}`;
// rowid = insertion order, i.e. the order the document listed its skills
const ORDER = "order by a.candidate_id, a.rowid";

type Cell = string & number & null;

export type EvidenceQuery<Row> = (ids: readonly string[], concepts?: readonly string[]) => Map<string, Row[]>;

function explainedRow(r: Cell[]): ExplainedRow {
  const sourceKind: SourceKind = r[8]!;
  const verified = isVerifiedDocument(r[14]!, sourceKind);
  return {
    id: r[0]!,
    candidateId: r[1]!,
    documentId: r[2]!,
    conceptId: r[3]!,
    skillText: r[4]!,
    rawLevel: r[5]!,
    scale: r[6]!,
    level: r[7]!,
    sourceKind,
    issuer: r[9]!,
    issuedAt: r[10]!,
    lastPracticedAt: r[11]!,
    validUntil: r[12]!,
    wherePracticed: r[13]!,
    verified,
    verifiedBy: verified ? r[16]! : null,
    revoked: isRevoked(r[15]!),
  };
}

/** A full row: the explained row, with how the skill was resolved and where it sat added in place. */
function evidenceRow(r: Cell[]): EvidenceRow {
  return Object.assign(explainedRow(r), {
    resolution: { method: r[17]!, confidence: r[18]! },
    sourcePath: r[19]!,
    documentTitle: r[20]!,
    documentFormat: r[21]!,
  });
}

/** Rows per candidate (grouped in candidate order, then document order), built by `toRow`. */
function perCandidate<Row extends { candidateId: string }>(
  sqlite: Database,
  columns: string,
  toRow: (r: Cell[]) => Row,
): EvidenceQuery<Row> {
  const all = sqlite.prepare(`select ${columns} ${FROM} ${OF_CANDIDATES} ${ORDER}`).raw(true);
  const onConcepts = sqlite
    .prepare(`select ${columns} ${FROM} ${OF_CANDIDATES} ${ON_CONCEPTS} ${ORDER}`)
    .raw(true);
  return (ids, concepts) => {
    const out = new Map<string, Row[]>();
    if (ids.length === 0) return out;
    let current = "";
    let list: Row[] = [];
    const rows = concepts
      ? onConcepts.all(JSON.stringify(ids), JSON.stringify(concepts))
      : all.all(JSON.stringify(ids));
    for (const r of rows as Cell[][]) {
      const row = toRow(r);
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

/** Whole evidence rows per candidate. */
export const evidenceQuery = (sqlite: Database): EvidenceQuery<EvidenceRow> =>
  perCandidate(sqlite, `${EXPLAINED}, ${PROVENANCE}`, evidenceRow);

/** The rows an explanation reads per candidate: what a match page needs, and nothing else. */
export const explainedEvidenceQuery = (sqlite: Database): EvidenceQuery<ExplainedRow> =>
  perCandidate(sqlite, EXPLAINED, explainedRow);

/** Every assertion of these concepts, whoever holds it, in the same row order. */
export function evidenceOfConceptsQuery(sqlite: Database): (concepts: readonly string[]) => EvidenceRow[] {
  const ofConcepts = sqlite
    .prepare(`select ${EXPLAINED}, ${PROVENANCE} ${FROM} ${OF_CONCEPTS} ${ORDER}`)
    .raw(true);
  return (concepts) =>
    concepts.length === 0 ? [] : (ofConcepts.all(JSON.stringify(concepts)) as Cell[][]).map(evidenceRow);
}
