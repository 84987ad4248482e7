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
