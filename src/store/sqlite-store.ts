/**
 * The system of record on SQLite (better-sqlite3 + drizzle). The file is created and migrated on
 * first open. Every statement is prepared once; reads over many candidates pass the ids as one JSON
 * array (json_each) so 50 candidates cost one query, not 50.
 */

import type Database from "better-sqlite3";
import {
  and,
  asc,
  eq,
  getTableColumns,
  gt,
  isNotNull,
  lte,
  notExists,
  or,
  type Placeholder,
  type SQL,
  sql,
} from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { DEFAULT_ORG } from "../domain/access.ts";
import { wallClock } from "../domain/clock.ts";
import { LerError } from "../domain/errors.ts";
import type { IndexableCandidate } from "../domain/evidence.ts";
import { type Candidate, isAnonymousPerson, type LerDocument } from "../domain/schemas.ts";
import { countedChangeStamp, heldUntilChanged } from "./counted-stats.ts";
import { openDatabase } from "./database.ts";
import { evidenceOfConceptsQuery, evidenceQuery, explainedEvidenceQuery } from "./evidence-query.ts";
import { type OrgQueries, scopeToOrg } from "./org-scope.ts";
import { createPositionStore } from "./positions.ts";
import {
  documentFromRow,
  type IndexJoinRow,
  indexableFromRow,
  toAssertionRow,
  toDocumentRow,
} from "./rows.ts";
import { assertions, candidates, degrees, documents, outbox } from "./schema/index.ts";
import { createSecurityStore } from "./security-store.ts";
import { createTaxonomyTables } from "./taxonomy-store.ts";
import { createTrustStore } from "./trust-store.ts";
import type { DocumentWrite, OutboxItem, Store, StoreStats, WriteOutcome } from "./types.ts";

/**
 * Candidates per page when streaming the index view: no cursor stays open across a yield, so the
 * store can be written mid-walk (candidates added after the walk's position are then included).
 */
const PAGE = 500;

const p = sql.placeholder;
/** `column IN (ids)` with the ids bound as one JSON array, so the statement is prepared once. */
const inJson = (column: SQLiteColumn, name: string): SQL =>
  sql`${column} in (select value from json_each(${p(name)}))`;

export function openStore(path: string): Store {
  try {
    const { sqlite, db } = openDatabase(path);
    return createStore(sqlite, db);
  } catch (cause) {
    throw new LerError("store_failed", `could not open the store at ${path}: ${(cause as Error).message}`, {
      cause,
    });
  }
}

/** A named placeholder for every column of a table, for a prepared single-row insert. */
const placeholdersFor = <T extends SQLiteTable>(table: T) =>
  Object.fromEntries(Object.keys(getTableColumns(table)).map((k) => [k, p(k)])) as {
    [K in keyof T["$inferInsert"]]-?: Placeholder;
  };

function prepareStatements(db: BetterSQLite3Database) {
  return {
    // only what an index needs: building an index reads every row of the store
    indexRows: db
      .select({
        id: assertions.id,
        candidateId: assertions.candidateId,
        conceptId: assertions.conceptId,
        level: assertions.level,
        sourceKind: assertions.sourceKind,
        issuer: assertions.issuer,
        issuedAt: assertions.issuedAt,
        lastPracticedAt: assertions.lastPracticedAt,
        validUntil: assertions.validUntil,
        docVerification: documents.verification,
        docRevocation: documents.revocation,
      })
      .from(assertions)
      .innerJoin(documents, eq(documents.id, assertions.documentId))
      .where(and(inJson(assertions.candidateId, "ids"), isNotNull(assertions.conceptId)))
      .orderBy(asc(assertions.candidateId), sql`${assertions}.rowid`)
      .prepare(),
    documentHash: db
      .select({ contentHash: documents.contentHash, candidateId: documents.candidateId, org: candidates.org })
      .from(documents)
      .innerJoin(candidates, eq(candidates.id, documents.candidateId))
      .where(eq(documents.id, p("id")))
      .prepare(),
    holder: db
      .select({ org: candidates.org, name: candidates.name, email: candidates.email })
      .from(candidates)
      .where(eq(candidates.id, p("id")))
      .prepare(),
    namesOf: db
      .select({ id: candidates.id, name: candidates.name })
      .from(candidates)
      .where(inJson(candidates.id, "ids"))
      .prepare(),
    orgMembers: db
      .select({ id: candidates.id })
      .from(candidates)
      .where(and(eq(candidates.org, p("org")), inJson(candidates.id, "ids")))
      .prepare(),
    orgCandidateIds: db
      .select({ id: candidates.id })
      .from(candidates)
      .where(eq(candidates.org, p("org")))
      .orderBy(asc(candidates.id))
      .prepare(),
    // written out: the joins name both tables' columns, which drizzle's interpolation leaves unqualified
    orgStats: db
      .select({
        candidates: sql<number>`(select count(*) from candidates where org = ${p("org")})`,
        documents: sql<number>`(select count(*) from documents d join candidates c on c.id = d.candidate_id where c.org = ${p("org")})`,
        assertions: sql<number>`(select count(*) from assertions a join candidates c on c.id = a.candidate_id where c.org = ${p("org")})`,
        outboxPending: sql<number>`(select count(*) from outbox o join candidates c on c.id = o.candidate_id where c.org = ${p("org")})`,
      })
      .from(sql`(select 1)`)
      .prepare(),
    upsertCandidate: db
      .insert(candidates)
      .values(placeholdersFor(candidates))
      .onConflictDoUpdate({
        target: candidates.id,
        // a document that does not name the person must not erase what another one said
        set: {
          name: sql`coalesce(excluded.name, ${candidates.name})`,
          email: sql`coalesce(excluded.email, ${candidates.email})`,
          location: sql`coalesce(excluded.location, ${candidates.location})`,
        },
      })
      .prepare(),
    deleteDocument: db
      .delete(documents)
      .where(eq(documents.id, p("id")))
      .prepare(),
    insertDocument: db.insert(documents).values(placeholdersFor(documents)).prepare(),
    insertAssertion: db.insert(assertions).values(placeholdersFor(assertions)).prepare(),
    insertDegree: db.insert(degrees).values(placeholdersFor(degrees)).prepare(),
    allDegrees: db.select().from(degrees).orderBy(asc(degrees.candidateId), asc(degrees.id)).prepare(),
    dropPendingFor: db
      .delete(outbox)
      .where(eq(outbox.candidateId, p("candidateId")))
      .prepare(),
    enqueue: db
      .insert(outbox)
      .values({
        candidateId: p("candidateId"),
        op: p("op"),
        createdAt: p("now"),
        attempts: 0,
        nextAttemptAt: p("now"),
      })
      .prepare(),
    getCandidate: db
      .select({
        id: candidates.id,
        name: candidates.name,
        email: candidates.email,
        location: candidates.location,
      })
      .from(candidates)
      .where(eq(candidates.id, p("id")))
      .prepare(),
    documentsOf: db
      .select()
      .from(documents)
      .where(eq(documents.candidateId, p("id")))
      .orderBy(asc(documents.ingestedAt), asc(documents.id))
      .prepare(),
    getDocument: db
      .select()
      .from(documents)
      .where(eq(documents.id, p("id")))
      .prepare(),
    withProofs: db
      .select({ id: documents.id })
      .from(documents)
      .where(
        and(
          isNotNull(documents.verificationDetail),
          or(
            isNotNull(documents.compactJws),
            sql`exists (select 1 from json_each(${documents.verificationDetail}, '$.credentials') where json_extract(value, '$.code') <> 'no_proof')`,
          ),
        ),
      )
      .orderBy(asc(documents.id))
      .prepare(),
    deleteCandidate: db
      .delete(candidates)
      .where(eq(candidates.id, p("id")))
      .prepare(),
    deleteIfNoDocuments: db
      .delete(candidates)
      .where(
        and(
          eq(candidates.id, p("id")),
          notExists(
            db
              .select({ one: sql`1` })
              .from(documents)
              .where(eq(documents.candidateId, p("id"))),
          ),
        ),
      )
      .prepare(),
    candidatePage: db
      .select({ id: candidates.id, org: candidates.org })
      .from(candidates)
      .where(gt(candidates.id, p("after")))
      .orderBy(asc(candidates.id))
      .limit(p("limit"))
      .prepare(),
    existingCandidates: db
      .select({ id: candidates.id, org: candidates.org })
      .from(candidates)
      .where(inJson(candidates.id, "ids"))
      .orderBy(asc(candidates.id))
      .prepare(),
    allCandidateIds: db.select({ id: candidates.id }).from(candidates).orderBy(asc(candidates.id)).prepare(),
    setRevocation: db
      .update(documents)
      .set({ revocation: sql`${p("status")}` })
      .where(eq(documents.id, p("id")))
      .returning({ candidateId: documents.candidateId })
      .prepare(),
    withStatus: db
      .select({
        id: documents.id,
        candidateId: documents.candidateId,
        credentialStatus: documents.credentialStatus,
      })
      .from(documents)
      .where(isNotNull(documents.credentialStatus))
      .orderBy(asc(documents.id))
      .prepare(),
    outboxPending: db
      .select({ id: outbox.id, candidateId: outbox.candidateId, op: outbox.op, attempts: outbox.attempts })
      .from(outbox)
      .where(lte(outbox.nextAttemptAt, p("now")))
      .orderBy(asc(outbox.id))
      .limit(p("limit"))
      .prepare(),
    outboxAck: db.delete(outbox).where(inJson(outbox.id, "ids")).prepare(),
    outboxRetry: db
      .update(outbox)
      .set({
        attempts: sql`${outbox.attempts} + 1`,
        lastError: sql`${p("error")}`,
        nextAttemptAt: sql`${p("next")}`,
      })
      .where(eq(outbox.id, p("id")))
      .prepare(),
    stats: db
      .select({
        candidates: sql<number>`(select count(*) from ${candidates})`,
        documents: sql<number>`(select count(*) from ${documents})`,
        assertions: sql<number>`(select count(*) from ${assertions})`,
        outboxPending: sql<number>`(select count(*) from ${outbox})`,
      })
      .from(sql`(select 1)`)
      .prepare(),
  };
}

const storeFailed = (what: string, cause: unknown) =>
  cause instanceof LerError
    ? cause
    : new LerError("store_failed", `${what}: ${(cause as Error).message}`, { cause });

const personConflict = (candidateId: string) =>
  new LerError(
    "conflict",
    `person id "${candidateId}" is already in use; give this person an id of its own`,
    { details: { candidateId } },
  );

/** A non-empty name or email that differs from the one on record: only an administrator may change it. */
const identityLocked = (candidateId: string, fields: string[]) =>
  new LerError(
    "identity_locked",
    `the document names person "${candidateId}" with a different ${fields.join(" and ")}; only an administrator may change who a person is`,
    { details: { candidateId, fields } },
  );

const changedIdentity = (held: { name: string | null; email: string | null }, next: Candidate): string[] =>
  (["name", "email"] as const).filter((f) => held[f] !== null && next[f] != null && held[f] !== next[f]);

const documentConflict = (documentId: string) =>
  new LerError(
    "conflict",
    `document id "${documentId}" already belongs to another person's record; give this document an id of its own`,
    { details: { documentId } },
  );

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

function createStore(sqlite: Database.Database, db: BetterSQLite3Database): Store {
  const q = prepareStatements(db);

  const enqueue = (candidateId: string, op: OutboxItem["op"]) => {
    // the newest operation for a candidate supersedes any still pending: the worker reads the
    // store's current state anyway, so one item per candidate is enough
    q.dropPendingFor.run({ candidateId });
    q.enqueue.run({ candidateId, op, now: wallClock() });
  };

  const write = sqlite.transaction((w: DocumentWrite): WriteOutcome => {
    const org = w.org ?? DEFAULT_ORG;
    const existing = q.documentHash.get({ id: w.document.id });
    const holder = q.holder.get({ id: w.candidate.id });
    // ids are one space for the deployment: another organisation's person or document is a clash,
    // answered like any other clash and without a word of what it holds
    if (holder && holder.org !== org) throw personConflict(w.candidate.id);
    if (existing && existing.org !== org) throw documentConflict(w.document.id);
    const moves = existing !== undefined && existing.candidateId !== w.candidate.id;
    // Only a holder known by nothing but the document's own content may change with its content:
    // anyone else's document under a reused id is a clash, not a reason to delete them.
    if (moves && !isAnonymousPerson(existing.candidateId)) throw documentConflict(w.document.id);
    if (existing?.contentHash === w.document.contentHash && !moves) return "unchanged";
    const changed = holder && !w.mayChangeIdentity ? changedIdentity(holder, w.candidate) : [];
    if (changed.length) throw identityLocked(w.candidate.id, changed);
    q.upsertCandidate.run({ ...w.candidate, org });
    if (existing) {
      q.deleteDocument.run({ id: w.document.id }); // cascades to its assertions
      if (moves) {
        // a re-issue of an anonymous holder's document: that holder may have nothing left
        const orphan = q.deleteIfNoDocuments.run({ id: existing.candidateId }).changes > 0;
        enqueue(existing.candidateId, orphan ? "delete" : "upsert");
      }
    }
    q.insertDocument.run(toDocumentRow(w.document));
    for (const a of w.assertions) q.insertAssertion.run(toAssertionRow(a));
    for (const d of w.degrees ?? []) q.insertDegree.run({ ...d });
    enqueue(w.candidate.id, "upsert");
    return existing ? "replaced" : "stored";
  });

  // called inside `writeMany`'s transaction, `write` runs in a savepoint: a failure undoes one document
  const writeMany = sqlite.transaction((ws: readonly DocumentWrite[]) =>
    ws.map((w) => {
      try {
        return write(w);
      } catch (cause) {
        return storeFailed(`could not store document "${w.document.id}"`, cause);
      }
    }),
  );

  const deleteCandidate = sqlite.transaction((id: string): boolean => {
    const { changes } = q.deleteCandidate.run({ id }); // cascades to documents and assertions
    if (changes === 0) return false;
    enqueue(id, "delete");
    return true;
  });

  const setRevocation = sqlite.transaction((id: string, status: LerDocument["revocation"]) => {
    const row = q.setRevocation.get({ id, status });
    if (!row) throw new LerError("not_found", `no document with id "${id}"`);
    enqueue(row.candidateId, "upsert");
  });

  const evidenceFor = evidenceQuery(sqlite);
  const explainedEvidenceFor = explainedEvidenceQuery(sqlite);
  const changeStamp = countedChangeStamp(sqlite);
  const orgStats = heldUntilChanged(changeStamp, (org: string) => q.orgStats.get({ org })!);
  const allStats = heldUntilChanged(changeStamp, (_: "all") => q.stats.get()!);

  const indexablePage = (page: { id: string; org: string }[]): IndexableCandidate[] => {
    const ids = page.map((c) => c.id);
    const byCandidate = new Map<string, IndexableCandidate>(
      page.map(({ id, org }) => [id, { id, org, rows: [] }]),
    );
    for (const row of q.indexRows.all({ ids: JSON.stringify(ids) }) as IndexJoinRow[])
      byCandidate.get(row.candidateId)?.rows.push(indexableFromRow(row));
    return [...byCandidate.values()];
  };

  function* indexableCandidates(ids: readonly string[] | undefined): Iterable<IndexableCandidate> {
    if (ids) {
      for (const chunk of chunks([...new Set(ids)], PAGE)) {
        yield* indexablePage(q.existingCandidates.all({ ids: JSON.stringify(chunk) }));
      }
      return;
    }
    let after = "";
    for (;;) {
      const page = q.candidatePage.all({ after, limit: PAGE });
      if (page.length === 0) return;
      yield* indexablePage(page);
      after = page[page.length - 1]!.id;
    }
  }

  const orgQueries: OrgQueries = {
    members: (org, ids) => q.orgMembers.all({ org, ids: JSON.stringify(ids) }).map((r) => r.id),
    allIds: (org) => q.orgCandidateIds.all({ org }).map((r) => r.id),
    stats: orgStats,
    trust: (org) => createTrustStore(db, org),
    positions: (org) => createPositionStore(db, org),
  };
  const views = new Map<string, Store>();
  const root: Store = {
    writeDocument(w) {
      try {
        return write(w);
      } catch (cause) {
        throw storeFailed(`could not store document "${w.document.id}"`, cause);
      }
    },
    writeDocuments(ws) {
      try {
        return writeMany(ws);
      } catch (cause) {
        const failure = storeFailed("could not commit the batch", cause);
        return ws.map(() => failure);
      }
    },
    getCandidate: (id) => q.getCandidate.get({ id }) as Candidate | undefined,
    listDocuments: (candidateId) => q.documentsOf.all({ id: candidateId }).map(documentFromRow),
    documentsWithProofs: () => q.withProofs.all().map((r) => r.id),
    getDocument(id) {
      const row = q.getDocument.get({ id });
      return row ? documentFromRow(row) : undefined;
    },
    evidenceFor,
    explainedEvidenceFor,
    namesOf: (ids) =>
      new Map(ids.length ? q.namesOf.all({ ids: JSON.stringify(ids) }).map((r) => [r.id, r.name]) : []),
    deleteCandidate(id) {
      try {
        return deleteCandidate(id);
      } catch (cause) {
        throw storeFailed(`could not delete candidate "${id}"`, cause);
      }
    },
    indexableCandidates,
    candidateIds: () => q.allCandidateIds.all().map((r) => r.id),
    allDegrees: () => q.allDegrees.all(),
    evidenceOfConcepts: evidenceOfConceptsQuery(sqlite),
    setRevocation(id, status) {
      try {
        setRevocation(id, status);
      } catch (cause) {
        throw storeFailed(`could not set the revocation of "${id}"`, cause);
      }
    },
    documentsWithCredentialStatus: () =>
      q.withStatus.all().map((r) => ({
        id: r.id,
        candidateId: r.candidateId,
        credentialStatus: JSON.parse(r.credentialStatus!) as unknown,
      })),
    outboxPending: (limit, nowMs) => q.outboxPending.all({ limit, now: nowMs }),
    outboxAck(ids) {
      if (ids.length) q.outboxAck.run({ ids: JSON.stringify(ids) });
    },
    outboxRetry(id, error, nextAttemptMs) {
      q.outboxRetry.run({ id, error, next: nextAttemptMs });
    },
    stats: (): StoreStats => allStats("all"),
    trust: orgQueries.trust(DEFAULT_ORG),
    security: createSecurityStore(db, sqlite),
    checkpoint: () => void sqlite.pragma("wal_checkpoint(TRUNCATE)"),
    positions: orgQueries.positions(DEFAULT_ORG),
    forOrg(org) {
      const view = views.get(org) ?? scopeToOrg(root, org, orgQueries);
      views.set(org, view);
      return view;
    },
    taxonomy: createTaxonomyTables(db),
    close: () => sqlite.close(),
  };
  return root;
}
