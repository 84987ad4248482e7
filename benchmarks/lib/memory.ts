/**
 * Memory over a long run: process.memoryUsage() sampled on an interval for the peaks, and a
 * snapshot at chosen fractions of the work (10%, 50%, 100%) to show whether memory stays flat as
 * the number of items grows.
 */

export interface MemorySnapshot {
  /** fraction of the work done when taken */
  at: number;
  done: number;
  rss: number;
  heapUsed: number;
  /** live bytes after a full GC, when the sampler was given a way to measure them */
  held: number | null;
}

export interface MemoryReport {
  peakRss: number;
  peakHeapUsed: number;
  startRss: number;
  startHeapUsed: number;
  snapshots: MemorySnapshot[];
}

export class MemorySampler {
  private peakRss: number;
  private peakHeapUsed: number;
  private readonly start = process.memoryUsage();
  private readonly snapshots: MemorySnapshot[] = [];
  private readonly timer: NodeJS.Timeout;
  private nextMark = 0;

  /**
   * `total` items of work; snapshots are taken when `progress(done)` crosses each mark. `held`
   * (e.g. a full GC then heap used) separates what is live from what the GC has not yet freed.
   */
  constructor(
    private readonly total: number,
    private readonly held: (() => number) | null = null,
    private readonly marks: readonly number[] = [0.1, 0.5, 1],
    intervalMs = 50,
  ) {
    this.peakRss = this.start.rss;
    this.peakHeapUsed = this.start.heapUsed;
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  private sample(): NodeJS.MemoryUsage {
    const m = process.memoryUsage();
    this.peakRss = Math.max(this.peakRss, m.rss);
    this.peakHeapUsed = Math.max(this.peakHeapUsed, m.heapUsed);
    return m;
  }

  progress(done: number): void {
    while (this.nextMark < this.marks.length && done >= this.marks[this.nextMark]! * this.total) {
      const m = this.sample();
      const held = this.held?.() ?? null;
      this.snapshots.push({ at: this.marks[this.nextMark]!, done, rss: m.rss, heapUsed: m.heapUsed, held });
      this.nextMark++;
    }
  }

  stop(): MemoryReport {
    clearInterval(this.timer);
    this.sample();
    return {
      peakRss: this.peakRss,
      peakHeapUsed: this.peakHeapUsed,
      startRss: this.start.rss,
      startHeapUsed: this.start.heapUsed,
      snapshots: this.snapshots,
    };
  }
}

export const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
