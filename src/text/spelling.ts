/**
 * American spellings folded to the British ones ESCO is written in, one lower-case word at a time,
 * before stemming: "organizational" and "organisational", "optimize" and "optimise", "behavior" and
 * "behaviour" stem apart otherwise, and Porter would even read "organization" as "organ". Tables,
 * applied first match wins; a word no rule names is returned as it is.
 */

/** Whole words whose spelling differs in no pattern worth a rule. */
const WORDS: ReadonlyMap<string, string> = new Map([
  ["aluminum", "aluminium"],
  ["aging", "ageing"],
  ["catalog", "catalogue"],
  ["catalogs", "catalogues"],
  ["cataloging", "cataloguing"],
  ["dialog", "dialogue"],
  ["dialogs", "dialogues"],
  ["analog", "analogue"],
  ["defense", "defence"],
  ["offense", "offence"],
  ["enroll", "enrol"],
  ["fulfill", "fulfil"],
  ["gray", "grey"],
  ["jewelry", "jewellery"],
  ["judgment", "judgement"],
  ["judgments", "judgements"],
  ["maneuver", "manoeuvre"],
  ["maneuvers", "manoeuvres"],
  ["mold", "mould"],
  ["molds", "moulds"],
  ["molding", "moulding"],
  ["plow", "plough"],
  ["plowing", "ploughing"],
  ["skillful", "skilful"],
  ["sulfur", "sulphur"],
  ["tumor", "tumour"],
  ["tumors", "tumours"],
]);

/** Words that keep their z: "size" is no "-ize" verb. */
const KEEPS_Z =
  /^(?:re|down|up|over|under|cap|king|full|bite|pint|plus|mid|super)?siz(?:e|es|ed|ing)$|^(?:prize|prizes|prized|seize|seizes|seized|seizing|maize|baize)$/;

/** [pattern, replacement], the first that matches is applied. */
const RULES: readonly [RegExp, string][] = [
  // analyze, paralyze, catalyzed
  [/^(.{2,})yz(e|es|ed|ing|er|ers)$/, "$1ys$2"],
  // organize, optimization, prioritizing, specialized, organizational
  [/^(.{3,})iz(e|es|ed|ing|er|ers|ation|ations|ational|able)$/, "$1is$2"],
  // color, behavioral, labor, favorite, neighborhood
  [
    /^(behavi|col|lab|fav|hon|hum|neighb|flav|harb|rum|vap|vig|endeav|arm|od|val|sav|splend|cand|parl|clam)or(s|ed|ing|al|ally|ful|ite|ites|less|hood|hoods|ist|ists|er|ers)?$/,
    "$1our$2",
  ],
  // center, theater, fiber, liter
  [/^(cent|theat|fib|lit|calib|spect|lust|sab|meag)er(s|ed|ing)?$/, "$1re$2"],
];

/** Medical and learned words spelt with ae / oe in British English, by the start they share. */
const PREFIXES: readonly [string, string][] = [
  ["pediatric", "paediatric"],
  ["anesthe", "anaesthe"],
  ["orthoped", "orthopaed"],
  ["hematolog", "haematolog"],
  ["hemorrh", "haemorrh"],
  ["hemoglobin", "haemoglobin"],
  ["gynecolog", "gynaecolog"],
  ["encycloped", "encyclopaed"],
  ["esophag", "oesophag"],
  ["estrogen", "oestrogen"],
];

/** The British spelling of a lower-case word, when a table knows one; else the word itself. */
export function britishSpelling(word: string): string {
  const whole = WORDS.get(word);
  if (whole) return whole;
  if (word.length < 4 || KEEPS_Z.test(word)) return word;
  for (const [american, british] of PREFIXES)
    if (word.startsWith(american)) return british + word.slice(american.length);
  for (const [pattern, replacement] of RULES)
    if (pattern.test(word)) return word.replace(pattern, replacement);
  return word;
}
