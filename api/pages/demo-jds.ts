/** Job descriptions a visitor can pick on the match page to try the engine on the demo data. */
export const DEMO_JOB_DESCRIPTIONS: { id: string; title: string; text: string }[] = [
  {
    id: "backend-engineer",
    title: "Senior Backend Engineer",
    text: `Senior Backend Engineer

We build the data platform behind our logistics products.

Requirements:
- 5+ years of experience with Python
- Strong knowledge of PostgreSQL
- Hands-on experience with Docker
- Experience designing REST APIs

Nice to have:
- Kubernetes
- Familiarity with AWS
- Exposure to Apache Kafka`,
  },
  {
    id: "data-engineer",
    title: "Data Engineer",
    text: `Data Engineer

We move a billion events a day from our apps into the warehouse our analysts trust.

What you'll do:
- Build and run batch and streaming pipelines
- Model data in our warehouse

Requirements:
- 3+ years of Python and SQL
- Experience with Apache Spark
- ETL and data warehousing

Nice to have:
- Apache Airflow or dbt
- Kafka
- AWS`,
  },
  {
    id: "icu-nurse",
    title: "Registered Nurse, ICU",
    text: `Registered Nurse – Intensive Care Unit

Required qualifications:
- Active Registered Nurse (RN) license
- BLS and ACLS certification
- Proficient in IV therapy and patient assessment
- Experience with electronic health records
- Bachelor of Science in Nursing (BSN) or equivalent experience

Preferred:
- Critical care nursing experience
- Bilingual English/Spanish a plus`,
  },
  {
    id: "welder",
    title: "Structural Welder",
    text: `Structural Welder

Must have:
- MIG welding (GMAW) and TIG welding (GTAW)
- Ability to read blueprints
- Forklift certification

Bonus:
- AWS D1.1 certification
- Experience with plasma cutting`,
  },
  {
    id: "customer-support",
    title: "Customer Support Specialist",
    text: `Customer Support Specialist

What you need:
- Excellent communication skills
- Experience with Zendesk or Salesforce
- Problem solving and conflict resolution

Nice to have:
- Spanish language skills
- Familiarity with Microsoft Excel`,
  },
];
