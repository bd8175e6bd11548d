/**
 * A small least-recently-used map, bounded by entry count and by total weight (bytes, for bodies).
 * Map keeps insertion order, so the first key is the oldest.
 */
export class LruCache<K, V> {
  private readonly map = new Map<K, { value: V; weight: number }>();
  private totalWeight = 0;

  constructor(
    private readonly capacity: number,
    private readonly maxWeight = Number.POSITIVE_INFINITY,
  ) {}

  get(key: K): V | undefined {
    const entry = this.map.get(key);
    if (entry !== undefined) {
      this.map.delete(key);
      this.map.set(key, entry);
    }
    return entry?.value;
  }

  set(key: K, value: V, weight = 1): void {
    this.delete(key);
    this.map.set(key, { value, weight });
    this.totalWeight += weight;
    this.evict();
  }

  /** Changes the weight of an entry, once known (a body's size when its promise settles). */
  reweigh(key: K, weight: number): void {
    const entry = this.map.get(key);
    if (!entry) return;
    this.totalWeight += weight - entry.weight;
    entry.weight = weight;
    this.evict();
  }

  delete(key: K): void {
    const entry = this.map.get(key);
    if (!entry) return;
    this.totalWeight -= entry.weight;
    this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
    this.totalWeight = 0;
  }

  get size(): number {
    return this.map.size;
  }

  get weight(): number {
    return this.totalWeight;
  }

  private evict(): void {
    while (this.map.size > 0 && (this.map.size > this.capacity || this.totalWeight > this.maxWeight)) {
      this.delete(this.map.keys().next().value as K);
    }
  }
}
