// A bounded map that forgets its oldest entries: for things worth remembering a while but never
// needed for correctness (what a quiz message showed, so it can be redrawn the same).
export class RecentMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get(key: K): V | undefined {
    return this.entries.get(key);
  }
}
