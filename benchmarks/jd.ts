/**
 * Job-description understanding throughput on one core (`npm run bench:jd`): job descriptions
 * and sentences per second through parseJobDescription with the starter taxonomy and occupations,
 * beside literal label matching over the same texts (every label and alias found verbatim) in
 * the same run. The texts are the demo job descriptions and the test suite's, repeated.
 */
import { DEMO_JOB_DESCRIPTIONS } from "../api/pages/demo-jds.ts";
import { parseJobDescription } from "../taxonomy/jd/index.ts";
import { normaliseText } from "../taxonomy/resolver/index.ts";
import { loadStarterOccupations, loadStarterTaxonomy } from "../taxonomy/starter.ts";
import { CUSTOMER_SERVICE_JD, NURSING_JD, WELDING_JD } from "../test/jd/fixtures.ts";
import { fmtMs, timed } from "./lib/stats.ts";

const ROUNDS = Number(process.argv.find((a) => a.startsWith("--rounds="))?.slice(9) ?? 50);
const texts = [...DEMO_JOB_DESCRIPTIONS.map((d) => d.text), NURSING_JD, WELDING_JD, CUSTOMER_SERVICE_JD];
const sentences = texts.reduce((n, t) => n + t.split(/[.!?\n]+/).filter((s) => s.trim()).length, 0);

const taxonomy = loadStarterTaxonomy();
const occupations = loadStarterOccupations();
const names = [...taxonomy.all()].flatMap((c) => [c.label, ...c.aliases].map((n) => ` ${normaliseText(n)} `));

const literal = (text: string) => {
  const t = ` ${normaliseText(text)} `;
  return names.filter((n) => t.includes(n)).length;
};

parseJobDescription(texts[0]!, { taxonomy, occupations }); // warm the concept index
const run = (fn: (t: string) => unknown) =>
  timed(() => {
    for (let r = 0; r < ROUNDS; r++) for (const t of texts) fn(t);
  }).ms;

const engineMs = run((t) => parseJobDescription(t, { taxonomy, occupations }));
const literalMs = run(literal);
const n = ROUNDS * texts.length;
const rows = [
  ["parseJobDescription", engineMs],
  ["literal label matching", literalMs],
] as const;
console.log(`${texts.length} job descriptions (${sentences} sentences) × ${ROUNDS} rounds, one core\n`);
console.log("system                   JDs/s     sentences/s   ms/JD");
for (const [name, ms] of rows)
  console.log(
    `${name.padEnd(24)} ${((n / ms) * 1000).toFixed(0).padStart(7)}   ${(((sentences * ROUNDS) / ms) * 1000).toFixed(0).padStart(11)}   ${fmtMs(ms / n)}`,
  );
console.log(`\nratio parseJobDescription / literal: ${(engineMs / literalMs).toFixed(2)}×`);
