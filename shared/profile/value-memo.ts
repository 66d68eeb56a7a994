/**
 * The column profiler's memo of recently seen values: a hash table of strings by open
 * addressing over a hash of their UTF-16 code units. A column of districts or dates asks it a
 * million times; V8's Map hashed each freshly parsed string in the runtime first, which cost
 * four times this table's own hash and probe.
 */

/** Up to `limit` values, each with what was worked out for it. */
export class ValueMemo<T> {
  private readonly keys: string[];
  private readonly values: (T | undefined)[];
  private readonly mask: number;
  /** Where the value last looked for and not found would go. */
  private vacant = -1;
  private count = 0;

  constructor(private readonly limit: number) {
    // At most half full, so probes stay short.
    let capacity = 2;
    while (capacity < limit * 2) capacity *= 2;
    this.keys = new Array<string>(capacity).fill('');
    this.values = new Array<T | undefined>(capacity).fill(undefined);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** What is remembered of `value` (never the empty string), or undefined. */
  find(value: string): T | undefined {
    let h = 0;
    for (let i = 0; i < value.length; i++) h = (Math.imul(h, 31) + value.charCodeAt(i)) | 0;
    // Mix the high bits in: short strings of similar characters differ mostly there.
    h ^= h >>> 15;
    let slot = h & this.mask;
    for (;;) {
      const key = this.keys[slot]!;
      if (key === '') {
        this.vacant = slot;
        return undefined;
      }
      if (key === value) return this.values[slot];
      slot = (slot + 1) & this.mask;
    }
  }

  /**
   * Remembers `value` (a copy that does not keep a larger string alive) with `facts`, right
   * after `find` did not find it; beyond the limit, nothing is added.
   */
  add(value: string, facts: T): void {
    if (this.vacant === -1) throw new Error('ValueMemo.add must follow a find that found nothing');
    if (this.count >= this.limit) return;
    this.keys[this.vacant] = value;
    this.values[this.vacant] = facts;
    this.vacant = -1;
    this.count++;
  }
}
