/** Realistic job descriptions in the three layouts people paste: markdown, HTML and plain text. */

export const SOFTWARE_JD = `# Senior Backend Engineer

We are looking for an engineer to build our payments platform.

## Requirements
- 5+ years of experience with Python and PostgreSQL
- Strong knowledge of Docker and Kubernetes
- Proficient in Go; familiarity with Terraform
- Excellent communication skills

## Nice to have
- Experience with Apache Kafka, Redis, Snorkel, FooBarDB
- AWS certification is a plus

## Benefits
- Health insurance, 401k matching
`;

export const NURSING_JD = `<h1>Registered Nurse - Medical/Surgical Unit</h1>
<p>Join our 32-bed med-surg unit caring for adult patients.</p>
<h2>Responsibilities</h2>
<ul>
<li>Perform patient assessment and document care in Epic</li>
<li>Medication administration and IV therapy</li>
</ul>
<h2>Minimum Qualifications</h2>
<ul>
<li>Active RN license</li>
<li>BLS and ACLS certification required</li>
<li>2 years of acute care experience</li>
</ul>
<h2>Preferred Qualifications</h2>
<ul>
<li>Wound care experience &amp; phlebotomy</li>
</ul>`;

export const WELDING_JD = `Structural Welder

Duties:
Weld structural steel using MIG and flux-cored processes. Read blueprints and welding symbols.

Requirements:
Must be proficient in SMAW and GMAW.
Expert in TIG welding on stainless steel.
OSHA 10 required.

Preferred:
Forklift certification is a plus.
`;

export const CUSTOMER_SERVICE_JD = `Customer Service Representative

**What you'll do**
Answer customer calls, emails and chats; resolve billing questions in Zendesk.

**What you need**
- Excellent communication skills and active listening
- Basic Microsoft Excel
- Conflict resolution, empathy, typing

**Bonus**
- Bilingual in Spanish
`;
