/**
 * Which skills a clause names as alternatives to each other: "Spark or Kafka", "Spark, Flink or
 * Beam", "Spark/Flink", "one of Python, Java and Go", "a cloud such as AWS, GCP" — each one
 * requirement met by any of them. "Python and SQL", "Python, SQL" stay several requirements.
 *
 * Read from the text between two names found next to each other: a name not resolved in between
 * ("Spark, FooDB or Kafka") ends the list, so nothing is joined across words the parse does not know.
 */

/** Two names joined as alternatives: "or", "and/or", "/", "|" (after an optional comma). */
const OR_LINK = /^\s*,?\s*(?:and\s*\/\s*or|or|\/|\|)\s*$/i;
/** A comma: alternatives when the list ends in "or" or a lead says so, else a list of demands. */
const COMMA_LINK = /^\s*,\s*$/;
/** "and" joins alternatives only after a lead ("one of Python, Java and Go"). */
const AND_LINK = /^\s*,?\s*(?:and|&)\s*$/i;
/** A category and its examples: "cloud platforms such as AWS, GCP", "a database (e.g. Postgres)". */
const EXAMPLES_LINK = /^\s*,?\s*\(?\s*(?:such\s+as|e\.g\.?|for\s+(?:example|instance)|like)[\s:,]*$/i;
/** Words before a list that make its names alternatives. */
const ALTERNATIVES_LEAD =
  /(?:\b(?:one|any|either)(?:\s+or\s+more)?\s+of(?:\s+the\s+following)?|\beither|\bsuch\s+as|\be\.g\.?|\bfor\s+example)[\s:,(]*$/i;

/** Characters before a name that a link or a lead is read in ("one or more of the following: "). */
const MAX_LINK_CHARS = 40;

/** "or similar", "or an equivalent", "or comparable tools": widens a requirement, names no skill. */
export const WIDENING = /^(?:(?:a|an|any|other|some)\s+)?(?:similar|equivalent|comparable|related)\b/i;

export interface Span {
  start: number;
  end: number;
}

/**
 * The names of a clause (spans into `text`, in order, not overlapping) grouped: each group is the
 * indices of one requirement's names, alternatives when more than one.
 */
export function alternativeGroups(text: string, spans: readonly Span[]): number[][] {
  if (spans.length < 2) return spans.map((_, i) => [i]);
  const groups: number[][] = [];
  const gap = (i: number) => {
    const from = i > 0 ? (spans[i - 1] as Span).end : 0;
    const to = (spans[i] as Span).start;
    // a link or a lead is a few words: read no more of a long stretch of prose than its end
    return text.slice(Math.max(from, to - MAX_LINK_CHARS), to);
  };
  for (let i = 0; i < spans.length; ) {
    const previous = groups.at(-1);
    const before = gap(i);
    // the category named just before its examples is one of the alternatives too
    const category = previous?.length === 1 && previous[0] === i - 1 && EXAMPLES_LINK.test(before);
    const lead = category || ALTERNATIVES_LEAD.test(before);
    let last = i;
    let or = false;
    for (; last + 1 < spans.length; last++) {
      const link = gap(last + 1);
      if (OR_LINK.test(link)) or = true;
      else if (!COMMA_LINK.test(link) && !(lead && AND_LINK.test(link))) break;
    }
    if (category) groups.splice(-1, 1, range(i - 1, last));
    else if (or || lead) groups.push(range(i, last));
    // a comma list with no "or": each name its own requirement, the list read once
    else for (let k = i; k <= last; k++) groups.push([k]);
    i = last + 1;
  }
  return groups;
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, k) => from + k);
