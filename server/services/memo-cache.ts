/**
 * Computed values keyed by everything they depend on (agent, staging revision, live publish,
 * …), so a key never needs invalidating: any write that changes a value changes its key. A small
 * LRU bounds memory; one entry for a 20,000-line prompt costs a few megabytes.
 */
export class MemoCache {
  private readonly entries = new Map<string, unknown>();

  constructor(private readonly capacity = 128) {}

  get<T>(key: string, compute: () => T): T {
    if (this.entries.has(key)) {
      const hit = this.entries.get(key) as T;
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    this.set(key, value);
    return value;
  }

  set(key: string, value: unknown): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
}
