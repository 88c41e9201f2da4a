/** FNV-1a's offset basis and prime (32-bit). */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** An open-addressed table from byte strings to small integers (FNV-1a hashes). */
export class ByteTable {
  private keys: Buffer[] = [];
  private values: number[] = [];
  private slots: Int32Array;

  /** `expected`: how many keys it will likely hold, so that it is made at its size, not grown (rehashed) as they come. */
  constructor(expected = 0) {
    let size = 64;
    while ((expected + 1) * 2 > size) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
  }

  /**
   * A table holding `keys` with `values` (in the order they were added) whose slots are `slots`,
   * as `slotList` gave them for a table made at its size by adding those keys in that order: no
   * key is hashed again (the line scanner's id table, prebuilt with the plan: plan-tables.ts).
   */
  static withSlots(slots: Int32Array, keys: Buffer[], values: number[]): ByteTable {
    const table = new ByteTable();
    table.slots = slots;
    table.keys = keys;
    table.values = values;
    return table;
  }

  /** The slots as numbers, for `withSlots`. */
  slotList(): number[] {
    return Array.from(this.slots);
  }

  /** How many keys it holds. */
  get size(): number {
    return this.keys.length;
  }

  /** The key of the last successful `get`. */
  found: Buffer | null = null;

  /** The value of the key buf[start, end), or -1. */
  get(buf: Uint8Array, start: number, end: number): number {
    return this.getHashed(hashBytes(buf, start, end), buf, start, end);
  }

  /** `get` for a key whose hash the caller worked out while scanning it. */
  getHashed(h: number, buf: Uint8Array, start: number, end: number): number {
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] ?? -1;
      if (entry < 0) return -1;
      const key = this.keys[entry] as Buffer;
      if (key.length === end - start && sameBytes(key, buf, start)) {
        this.found = key;
        return this.values[entry] ?? -1;
      }
    }
  }

  /** Adds a key (not held yet) and its value. */
  add(key: Buffer, value: number): void {
    if ((this.keys.length + 1) * 2 > this.slots.length) this.grow();
    this.place(key, this.keys.length);
    this.keys.push(key);
    this.values.push(value);
  }

  private place(key: Buffer, entry: number): void {
    const mask = this.slots.length - 1;
    let slot = hashBytes(key, 0, key.length) & mask;
    while ((this.slots[slot] ?? -1) >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    this.keys.forEach((key, entry) => this.place(key, entry));
  }
}

/** The FNV-1a hash of buf[start, end). */
export function hashBytes(buf: Uint8Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (buf[i] as number), FNV_PRIME);
  return h >>> 0;
}

/** True when buf holds `key` from `start`. */
export function sameBytes(key: Buffer, buf: Uint8Array, start: number): boolean {
  for (let i = 0; i < key.length; i++) if (key[i] !== buf[start + i]) return false;
  return true;
}
