/**
 * What a pattern like /\([^)]*\)|\[[^\]]*\]/g finds — an opener, then everything up to the first
 * closer after it — found with indexOf. The regex rescans the rest of the text from every opener
 * that has no closer after it, which is quadratic on "((((((…"; this reads each character once.
 */

export type Bracket = readonly [open: string, close: string];

export interface Span {
  start: number;
  end: number;
}

/** Leftmost-first, non-overlapping spans, exactly as the regex's global matches. */
export function bracketedSpans(text: string, brackets: readonly Bracket[]): Span[] {
  const live = brackets.map(([open, close]) => ({
    open,
    close,
    next: -1,
    lastClose: text.lastIndexOf(close),
  }));
  const spans: Span[] = [];
  let from = 0;
  while (live.length > 0) {
    let best: (typeof live)[number] | undefined;
    for (let i = live.length - 1; i >= 0; i--) {
      const b = live[i]!;
      if (b.next < from) b.next = text.indexOf(b.open, from);
      // No closer after this opener means none after any later opener of the same kind either.
      if (b.next < 0 || b.next + b.open.length > b.lastClose) live.splice(i, 1);
      else if (!best || b.next < best.next) best = b;
    }
    if (!best) break;
    const end = text.indexOf(best.close, best.next + best.open.length) + best.close.length;
    spans.push({ start: best.next, end });
    from = end;
  }
  return spans;
}

/** The text with each bracketed span replaced (by a string, or by what a function makes of it). */
export function replaceBracketed(
  text: string,
  brackets: readonly Bracket[],
  replacement: string | ((span: string) => string),
): string {
  let out = "";
  let from = 0;
  for (const { start, end } of bracketedSpans(text, brackets)) {
    const span = text.slice(start, end);
    out += text.slice(from, start) + (typeof replacement === "string" ? replacement : replacement(span));
    from = end;
  }
  return out + text.slice(from);
}
