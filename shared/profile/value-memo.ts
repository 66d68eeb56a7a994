/**
 * The column profiler's memo of recently seen values: a hash table of strings by open
 * addressing over a hash of their UTF-16 code units. A column of districts or dates asks it a
 * million times; V8's Map hashed each freshly parsed string in the runtime first, which cost
 * four times this table's own hash and probe.
 */

/** Up to `limit` values, each with what was worked out for it. */
export class ValueMemo<T> {
  private keys: string[];
  private values: (T | undefined)[];
  private mask: number;
  /** Where the value last looked for and not found would go. */
  private vacant = -1;
  private count = 0;

  constructor(private readonly limit: number) {
    // It grows as it fills: a column of eight districts never needs more than this.
    this.keys = new Array<string>(INITIAL_SLOTS).fill('');
    this.values = new Array<T | undefined>(INITIAL_SLOTS).fill(undefined);
    this.mask = INITIAL_SLOTS - 1;
  }

  get size(): number {
    return this.count;
  }

  /** What is remembered of `value` (never the empty string), or undefined. */
  find(value: string): T | undefined {
    let slot = slotOf(value, this.mask);
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
    const vacant = this.vacant;
    this.vacant = -1;
    if (this.count >= this.limit) return;
    this.keys[vacant] = value;
    this.values[vacant] = facts;
    this.count++;
    // At most half full, so probes stay short (a full memo takes no more values: no room needed).
    if (this.count < this.limit && this.count * 2 > this.mask) this.grow();
  }

  private grow(): void {
    const { keys, values } = this;
    const capacity = keys.length * 2;
    this.keys = new Array<string>(capacity).fill('');
    this.values = new Array<T | undefined>(capacity).fill(undefined);
    this.mask = capacity - 1;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (key === '') continue;
      let slot = slotOf(key, this.mask);
      while (this.keys[slot] !== '') slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.values[slot] = values[i];
    }
  }
}

const INITIAL_SLOTS = 64;

/** The first slot to probe for `value`: a hash of its code units. */
function slotOf(value: string, mask: number): number {
  let h = 0;
  for (let i = 0; i < value.length; i++) h = (Math.imul(h, 31) + value.charCodeAt(i)) | 0;
  // Mix the high bits in: short strings of similar characters differ mostly there.
  return (h ^ (h >>> 15)) & mask;
}
