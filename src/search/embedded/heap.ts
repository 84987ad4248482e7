/**
 * A bounded binary heap keeping the best k items under a comparator (negative = a ranks first).
 * The root is the worst kept item, so a new item only has to beat the root to get in.
 */
export class TopK<T> {
  private readonly items: T[] = [];

  constructor(
    private readonly k: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  /** The worst kept item once k are kept; undefined while there is still room. */
  get worstWhenFull(): T | undefined {
    return this.items.length >= this.k ? this.items[0] : undefined;
  }

  offer(item: T): void {
    if (this.k <= 0) return;
    const h = this.items;
    if (h.length < this.k) {
      h.push(item);
      this.up(h.length - 1);
    } else if (this.compare(item, h[0]!) < 0) {
      h[0] = item;
      this.down(0);
    }
  }

  /** The kept items, best first. */
  sorted(): T[] {
    return [...this.items].sort(this.compare);
  }

  /** "Worse" in heap terms: ranks after. */
  private worse(i: number, j: number): boolean {
    return this.compare(this.items[i]!, this.items[j]!) > 0;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.items.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < n && this.worse(l, worst)) worst = l;
      if (r < n && this.worse(r, worst)) worst = r;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }

  private swap(i: number, j: number): void {
    const h = this.items;
    [h[i], h[j]] = [h[j]!, h[i]!];
  }
}

/**
 * Ordinals popped in ascending key order, heapified in O(n): for walking candidates best bound
 * first when only the first few hundred of tens of thousands will be looked at.
 */
export class KeyedMinHeap {
  private size: number;

  constructor(
    private readonly ords: Int32Array,
    private readonly keys: Float64Array,
    count: number,
  ) {
    this.size = count;
    for (let i = (count >> 1) - 1; i >= 0; i--) this.down(i);
  }

  /** Ordinals not popped yet. */
  get remaining(): number {
    return this.size;
  }

  /** The ordinal with the smallest key, or -1 when empty. */
  pop(): number {
    if (this.size === 0) return -1;
    const top = this.ords[0]!;
    this.size--;
    if (this.size > 0) {
      this.ords[0] = this.ords[this.size]!;
      this.down(0);
    }
    return top;
  }

  private less(i: number, j: number): boolean {
    const a = this.ords[i]!;
    const b = this.ords[j]!;
    const ka = this.keys[a]!;
    const kb = this.keys[b]!;
    return ka < kb || (ka === kb && a < b);
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.size && this.less(l, m)) m = l;
      if (r < this.size && this.less(r, m)) m = r;
      if (m === i) return;
      const t = this.ords[i]!;
      this.ords[i] = this.ords[m]!;
      this.ords[m] = t;
      i = m;
    }
  }
}

/**
 * The k ordinals of smallest key offered (on a tie the lower ordinal), in one pass: a max-heap
 * of k whose root is the worst kept, so most offers cost one comparison. Reused across queries.
 */
export class SmallestK {
  private ords = new Int32Array(0);
  private keys = new Float64Array(0);
  private k = 0;
  private size = 0;

  /** Empties it, to keep the `k` smallest from now on. */
  reset(k: number): void {
    if (this.ords.length < k) {
      this.ords = new Int32Array(k);
      this.keys = new Float64Array(k);
    }
    this.k = k;
    this.size = 0;
  }

  offer(ord: number, key: number): void {
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!ranksAfter(key, ord, this.keys[parent]!, this.ords[parent]!)) break;
        this.ords[i] = this.ords[parent]!;
        this.keys[i] = this.keys[parent]!;
        i = parent;
      }
      this.ords[i] = ord;
      this.keys[i] = key;
    } else if (this.size > 0 && ranksAfter(this.keys[0]!, this.ords[0]!, key, ord)) {
      this.siftDown(ord, key, this.size);
    }
  }

  /** The kept ordinals, smallest key first (the heap is used up). */
  ascending(): Int32Array {
    const n = this.size;
    for (let end = n - 1; end > 0; end--) {
      const ord = this.ords[end]!;
      const key = this.keys[end]!;
      this.ords[end] = this.ords[0]!;
      this.keys[end] = this.keys[0]!;
      this.siftDown(ord, key, end);
    }
    this.size = 0;
    return this.ords.subarray(0, n);
  }

  /** Puts (ord, key) at the root of the first n entries and sinks it to its place. */
  private siftDown(ord: number, key: number, n: number): void {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && ranksAfter(this.keys[r]!, this.ords[r]!, this.keys[l]!, this.ords[l]!) ? r : l;
      if (!ranksAfter(this.keys[c]!, this.ords[c]!, key, ord)) break;
      this.ords[i] = this.ords[c]!;
      this.keys[i] = this.keys[c]!;
      i = c;
    }
    this.ords[i] = ord;
    this.keys[i] = key;
  }
}

/** Whether (key a, ordinal a) comes after (key b, ordinal b): larger key, or on a tie larger ordinal. */
const ranksAfter = (keyA: number, ordA: number, keyB: number, ordB: number): boolean =>
  keyA > keyB || (keyA === keyB && ordA > ordB);
