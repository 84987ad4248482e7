/**
 * A benchmark's command line: `--name value` options, each with its default, numbers read as
 * numbers. Unknown options are refused, as parseArgs refuses them.
 */
import { parseArgs } from "node:util";

export function benchArgs<N extends string, S extends string = never>(
  numbers: Record<N, number>,
  strings = {} as Record<S, string>,
): Record<N, number> & Record<S, string> {
  const defaults: Record<string, string> = { ...strings };
  for (const [name, value] of Object.entries<number>(numbers)) defaults[name] = String(value);
  const options = Object.fromEntries(
    Object.entries(defaults).map(([name, value]) => [name, { type: "string" as const, default: value }]),
  );
  const { values } = parseArgs({ options });
  const out: Record<string, string | number> = { ...values } as Record<string, string>;
  for (const name of Object.keys(numbers)) out[name] = Number(values[name]);
  return out as Record<N, number> & Record<S, string>;
}
