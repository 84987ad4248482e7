/**
 * Parallel typed arrays indexed alike (by candidate ordinal, by piece, by table entry) and sized
 * together. A scratch structure names its columns once, by element type, and extends the class this
 * builds: each column is an own property of the instance, so hot loops read `this.bound[ord]` as
 * from a field declared by hand, and no column can be forgotten when the arrays grow.
 */
const ELEMENT_TYPES = { int32: Int32Array, float64: Float64Array, uint8: Uint8Array };
type ElementTypes = typeof ELEMENT_TYPES;
type Column = InstanceType<ElementTypes[keyof ElementTypes]>;

/** Column names per element type. */
export type ColumnSpec = { readonly [T in keyof ElementTypes]?: readonly string[] };

type NamesOf<S, T extends keyof ElementTypes> = S extends {
  readonly [K in T]: readonly (infer N extends string)[];
}
  ? N
  : never;
export type Columns<S extends ColumnSpec> = { [N in NamesOf<S, "int32">]: Int32Array } & {
  [N in NamesOf<S, "float64">]: Float64Array;
} & { [N in NamesOf<S, "uint8">]: Uint8Array };

export interface Resizable {
  /** Every column `length` long; with `keep`, what the old columns held is copied to the front. */
  resize(length: number, keep?: boolean): void;
}

/**
 * A base class whose instances hold the columns of every spec (one per group of columns that go
 * together), `initialLength` long to begin with.
 */
export function columnsOf<const S extends readonly ColumnSpec[]>(
  specs: S,
  initialLength = 0,
): new () => Columns<S[number]> & Resizable {
  const columns = specs.flatMap((spec) =>
    Object.entries(spec).flatMap(([type, names]) =>
      (names ?? []).map((name) => ({ name, Type: ELEMENT_TYPES[type as keyof ElementTypes] })),
    ),
  );
  class Parallel implements Resizable {
    constructor() {
      this.resize(initialLength);
    }

    resize(length: number, keep = false): void {
      const self = this as unknown as Record<string, Column>;
      for (const { name, Type } of columns) {
        const column = new Type(length);
        if (keep) column.set(self[name]!);
        self[name] = column;
      }
    }
  }
  return Parallel as new () => Columns<S[number]> & Resizable;
}
