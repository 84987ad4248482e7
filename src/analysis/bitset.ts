/**
 * A fixed-size set of candidate ordinals as 32-bit words, so "who qualifies without this
 * requirement" is a few word-wise ANDs and a popcount over the whole population.
 */
export class Bitset {
  readonly words: Uint32Array;

  constructor(readonly size: number) {
    this.words = new Uint32Array((size + 31) >>> 5);
  }

  add(i: number): void {
    this.words[i >>> 5]! |= 1 << (i & 31);
  }

  has(i: number): boolean {
    return (this.words[i >>> 5]! & (1 << (i & 31))) !== 0;
  }

  /** A copy, so the receiver stays untouched. */
  clone(): Bitset {
    const out = new Bitset(this.size);
    out.words.set(this.words);
    return out;
  }

  /** this ∩= other, in place. */
  and(other: Bitset): this {
    const a = this.words;
    const b = other.words;
    for (let i = 0; i < a.length; i++) a[i]! &= b[i]!;
    return this;
  }

  /** this ∪= other, in place. */
  or(other: Bitset): this {
    const a = this.words;
    const b = other.words;
    for (let i = 0; i < a.length; i++) a[i]! |= b[i]!;
    return this;
  }

  count(): number {
    let n = 0;
    for (const w of this.words) n += popcount(w);
    return n;
  }

  /** |this ∩ other| without building the intersection. */
  countAnd(other: Bitset): number {
    const a = this.words;
    const b = other.words;
    let n = 0;
    for (let i = 0; i < a.length; i++) n += popcount(a[i]! & b[i]!);
    return n;
  }

  /** |this ∖ other| */
  countAndNot(other: Bitset): number {
    const a = this.words;
    const b = other.words;
    let n = 0;
    for (let i = 0; i < a.length; i++) n += popcount(a[i]! & ~b[i]!);
    return n;
  }

  *[Symbol.iterator](): IterableIterator<number> {
    for (let w = 0; w < this.words.length; w++) {
      let word = this.words[w]!;
      while (word !== 0) {
        const low = word & -word;
        yield (w << 5) + (31 - Math.clz32(low));
        word ^= low;
      }
    }
  }
}

function popcount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
