/**
 * The operator's side of the sample run: the issuers trusted, and the keys supplied for issuers
 * whose identifiers do not carry their key (did:web, https). Each key here is the Multikey the
 * sample's proof names as its verification method fragment: an operator who obtained the issuer's
 * DID document would add the same key; nothing is fetched.
 */
import type { IssuerKey } from "../../src/domain/verification.ts";

const key = (controller: string, multibase: string): IssuerKey => ({
  id: `${controller}#${multibase}`,
  controller,
  type: "Multikey",
  publicKeyMultibase: multibase,
});

export const SAMPLE_KEYS: IssuerKey[] = [
  key("https://example.com/issuers/876543", "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"),
  key("https://example.com/issuers/876543", "z6MkvREVgsHx7Ppae68vCoByy73ZD4aMSJiPML2cryVL8JAx"),
  key("https://example.edu/issuers/565049", "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"),
  key("https://state.gov/issuers/565049", "z6MkoMGF38Ck9xkdqrbZt4h9eHb1qc3GhAAkoSWa4Vy3SHRN"),
  key("https://1edtech.edu/issuers/565049", "z6Mknyb2Gb4NxzW3xSr9ChTtdQZ1zs77piQ3r9SaJ9vMzmrs"),
  key(
    "did:web:dc.1edtech.org:wellspring2022:wellspring-portal:org:da1e96e9-afcc-4eed-b9a2-2ddf7353214c",
    "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi",
  ),
  key(
    "did:web:digitalcredentials.github.io:vc-test-fixtures:dids:oidf",
    "z6MkjXe1vZvPRqFuc9nRBtZ3e1Y9XKDFSbjFAfzLfW2bD6cZ",
  ),
];

export const SAMPLE_ISSUERS = [
  {
    id: "did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q",
    name: "Digital Credentials Consortium (MIT)",
  },
  { id: "did:key:z6MkjoriXdbyWD25YXTed114F8hdJrLXQ567xxPHAUKxpKkS", name: "DCC test fixtures" },
  { id: "https://example.com/issuers/876543", name: "1EdTech example issuer" },
  { id: "https://example.edu/issuers/565049", name: "Example University (1EdTech CLR example)" },
  { id: "https://1edtech.edu/issuers/565049", name: "1EdTech University" },
  { id: "https://state.gov/issuers/565049", name: "State Department (1EdTech example)" },
  {
    id: "did:web:dc.1edtech.org:wellspring2022:wellspring-portal:org:da1e96e9-afcc-4eed-b9a2-2ddf7353214c",
    name: "Wellspring portal (1EdTech)",
  },
  { id: "did:web:digitalcredentials.github.io:vc-test-fixtures:dids:oidf", name: "DCC OIDF fixture issuer" },
];
