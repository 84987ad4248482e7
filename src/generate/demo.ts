/**
 * The demo population: the starter taxonomy's occupations, plus the five roles the match page's
 * demo job descriptions are written for, drawn more often — so a visitor who picks a demo job
 * description meets a realistic pool: a handful of people who qualify and a spread below them.
 */
import { CREDENTIAL_TYPES } from "../../taxonomy/model.ts";
import {
  loadStarterConcepts,
  loadStarterOccupations,
  type OccupationProfile,
} from "../../taxonomy/starter.ts";
import type { NewPosition } from "../domain/positions.ts";
import { degreeCredential } from "./degrees.ts";
import { DEFAULT_AS_OF, type GeneratedDocument, generatePopulation } from "./population.ts";

export const DEMO_OCCUPATIONS: readonly OccupationProfile[] = [
  {
    id: "demo.backend-engineer",
    label: "Backend engineer",
    aliases: [],
    essential: [
      "sw.python",
      "sw.sql",
      "sw.postgresql",
      "cloud.docker",
      "cloud.kubernetes",
      "sw.rest-apis",
      "sw.git",
    ],
    optional: ["cloud.aws", "data.apache-kafka", "sw.unit-testing", "sw.code-review", "cloud.ci-cd"],
  },
  {
    id: "demo.data-engineer",
    label: "Data engineer",
    aliases: [],
    essential: ["sw.python", "sw.sql", "data.apache-spark", "data.etl", "data.data-warehousing", "sw.git"],
    optional: [
      "data.apache-airflow",
      "data.dbt",
      "data.apache-kafka",
      "cloud.aws",
      "data.data-pipeline-orchestration",
    ],
  },
  {
    id: "demo.icu-nurse",
    label: "Intensive care nurse",
    aliases: [],
    essential: [
      "hc.rn",
      "hc.bls",
      "hc.acls",
      "hc.nursing.iv-therapy",
      "hc.nursing.patient-assessment",
      "hc.electronic-health-records",
      "hc.nursing.critical-care-nursing",
    ],
    optional: ["lang.spanish", "hc.nursing.medication-administration", "hc.nursing.vital-signs-monitoring"],
  },
  {
    id: "demo.structural-welder",
    label: "Structural welder",
    aliases: [],
    essential: [
      "trades.welding.gmaw",
      "trades.welding.gtaw",
      "trades.blueprint-reading",
      "trades.forklift-certification",
      "trades.welding.structural-welding",
    ],
    optional: [
      "trades.aws-certified-welder",
      "trades.welding.plasma-cutting",
      "trades.personal-protective-equipment",
    ],
  },
  {
    id: "demo.customer-support",
    label: "Customer support specialist",
    aliases: [],
    essential: [
      "tv.communication",
      "sales.zendesk",
      "sales.salesforce",
      "tv.problem-solving",
      "tv.conflict-resolution",
    ],
    optional: ["lang.spanish", "biz.microsoft-excel", "tv.active-listening"],
  },
];

/** How many times each demo role is entered in the draw, against one for every starter occupation. */
const DEMO_ROLE_SHARE = 6;

/**
 * LER documents for the demo — native records, JSON Resumes and OB3 degree credentials: 2,400
 * people by default, the same every time.
 */
export function generateDemoDocuments(
  seed = 42,
  people = 2400,
  asOf?: string,
): (GeneratedDocument | object)[] {
  const occupations = [
    ...loadStarterOccupations(),
    ...DEMO_OCCUPATIONS.flatMap((o) => Array.from({ length: DEMO_ROLE_SHARE }, () => o)),
  ];
  const population = generatePopulation({ people, seed, asOf, occupations, concepts: loadStarterConcepts() });
  const labelOf = new Map(occupations.map((o) => [o.id, o.label]));
  const nameOf = new Map(
    population.documents.map((d) =>
      "basics" in d ? [d.basics.email, d.basics.name] : [d.person.id, d.person.name],
    ),
  );
  const year = Number((asOf ?? DEFAULT_AS_OF).slice(0, 4));
  const degrees = [...population.occupationOf].flatMap(([id, occupation]) => {
    const holder = { id, name: nameOf.get(id) ?? id, occupationLabel: labelOf.get(occupation) ?? "" };
    return degreeCredential(holder, seed, year) ?? [];
  });
  return [...population.documents, ...degrees];
}

/**
 * The demo organisation's saved positions: its five roles, essential skills at practitioner and
 * weighted double (the licences and certifications among them required), so the roles, team and
 * alerts pages have the organisation's own targets to show.
 */
export function demoPositions(): NewPosition[] {
  const typeOf = new Map(loadStarterConcepts().map((c) => [c.id, c.type]));
  // a role cannot be done without the licences and certifications it lists as essential
  const isCredential = (concept: string) => CREDENTIAL_TYPES.has(typeOf.get(concept) ?? "");
  return DEMO_OCCUPATIONS.map((o) => ({
    id: o.id.replace(/^demo\./, ""),
    name: o.label,
    requirements: [
      ...o.essential.map((concept) => ({ concept, minLevel: 3, weight: 2, required: isCredential(concept) })),
      ...o.optional.map((concept) => ({ concept, weight: 1 })),
    ],
  }));
}
