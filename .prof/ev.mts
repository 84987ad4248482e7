import Database from "better-sqlite3";
import { evidenceQuery } from "../src/store/evidence-query.ts";
const db = new Database("/tmp/wt17-demo.db", { readonly: true });
const ids = (db.prepare("select id from candidates limit 20 offset 500").pluck().all() as string[]);
const q = evidenceQuery(db);
const raw = db.prepare(`select a.id, a.candidate_id, a.document_id, a.concept_id, a.skill_text, a.resolution_method,
         a.resolution_confidence, a.raw_level, a.scale, a.level, a.source_kind, a.issuer, a.issued_at,
         a.last_practiced_at, a.valid_until, a.where_practiced, a.source_path,
         d.verification, d.revocation, d.title, d.format
  from assertions a join documents d on d.id = a.document_id
  where a.candidate_id in (select value from json_each(?))
  order by a.candidate_id, a.rowid`).raw(true);
const onlyIds = db.prepare(`select a.id from assertions a where a.candidate_id in (select value from json_each(?))`).raw(true);
const time = (name: string, f: () => unknown) => { for (let i = 0; i < 100; i++) f(); const t = performance.now(); for (let i = 0; i < 1000; i++) f(); console.log(name, ((performance.now() - t) / 1000).toFixed(3), "ms"); };
const j = JSON.stringify(ids);
time("evidenceFor", () => q(ids));
time("raw all", () => raw.all(j));
time("ids only", () => onlyIds.all(j));
console.log((raw.all(j) as unknown[]).length);
const v1 = db.prepare(`select a.* from assertions a where a.candidate_id in (select value from json_each(?))`).raw(true);
time("a.* no join no order", () => v1.all(j));
const v2 = db.prepare(`select a.id, d.verification from assertions a join documents d on d.id = a.document_id where a.candidate_id in (select value from json_each(?))`).raw(true);
time("join 2 cols", () => v2.all(j));
const v3 = db.prepare(`select a.source_path from assertions a where a.candidate_id in (select value from json_each(?))`).raw(true);
time("source_path", () => v3.all(j));
console.log(db.prepare("select avg(length(source_path)), avg(length(skill_text)), avg(length(id)) from assertions").get());
console.log(db.prepare("select avg(length(raw)) from documents").get());
import { conceptsBearingOn } from "../src/match/bearing.ts";
const concepts = ["sw.python", "sw.sql", "cloud.docker", "cloud.aws", "sw.git"];
const bearing = db.prepare(`select distinct concept_id from assertions where concept_id like 'sw.%' or concept_id like 'cloud.%' limit 133`).pluck().all() as string[];
time("evidenceFor + 133 concepts", () => q(ids, bearing));
console.log([...q(ids, bearing).values()].reduce((n, l) => n + l.length, 0));
