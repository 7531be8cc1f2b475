/**
 * Computed diffs, keyed by everything they depend on (agent, staging revision, live publish,
 * …), so a key never needs invalidating: any write that changes a diff changes its key. A small
 * LRU bounds memory; a 20,000-line prompt diff costs a few megabytes.
 */
export class DiffCache {
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
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    return value;
  }
}
