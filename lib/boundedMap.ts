/** A map of at most `size` entries: past it the oldest entry is forgotten; a key longer than `longestKey` is not kept. */
export class BoundedMap<V> {
  private entries = new Map<string, V>();

  constructor(private readonly size: number, private readonly longestKey = Infinity) {}

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    if (key.length > this.longestKey) return;
    this.entries.delete(key);
    if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
