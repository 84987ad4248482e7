/** RFC 4180 output: a cell is quoted when it holds a comma, a quote or a line break. */
const NEEDS_QUOTES = /[",\r\n]/;

export const csvCell = (value: string | number): string => {
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export const toCsv = (headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string =>
  `${[headers, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
