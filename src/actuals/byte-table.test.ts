import { describe, expect, it } from 'vitest';
import { ByteTable } from './byte-table.js';

describe('ByteTable', () => {
  it('made at its expected size finds each key as a grown one does, the first of equal keys winning, and nothing else', () => {
    const keys = Array.from({ length: 700 }, (_, i) => `G${i % 350}.${i}`).concat(['M1.1', 'M1.1', '是']);
    const grown = new ByteTable();
    const sized = new ByteTable(keys.length);
    keys.forEach((key, index) => {
      grown.add(Buffer.from(key), index);
      sized.add(Buffer.from(key), index);
    });
    for (const [index, key] of keys.entries()) {
      const bytes = Buffer.from(`x${key}y`);
      const expected = key === 'M1.1' ? 700 : index;
      expect(sized.get(bytes, 1, bytes.length - 1), key).toBe(expected);
      expect(grown.get(bytes, 1, bytes.length - 1), key).toBe(expected);
    }
    const absent = Buffer.from('G1.701');
    expect(sized.get(absent, 0, absent.length)).toBe(-1);
    expect(sized.size).toBe(keys.length);
  });
});

describe('ByteTable.withSlots', () => {
  it('made from the slots of a table built by adding keys (as the prebuilt plan keeps them), finds what that table finds', () => {
    const keys = Array.from({ length: 400 }, (_, i) => `M${i % 200}.${i}`).concat(['G1.1', 'G1.1', '否']);
    const built = new ByteTable(keys.length);
    keys.forEach((key, index) => built.add(Buffer.from(key), index * 3));
    const slots = built.slotList();
    expect(slots.filter((slot) => slot >= 0)).toHaveLength(keys.length);
    const made = ByteTable.withSlots(new Int32Array(slots), keys.map((key) => Buffer.from(key)), keys.map((_, index) => index * 3));
    for (const key of [...keys, 'G1.2', 'M1', '', '是']) {
      const bytes = Buffer.from(`,${key};`);
      expect(made.get(bytes, 1, bytes.length - 1), key).toBe(built.get(bytes, 1, bytes.length - 1));
    }
    expect(made.get(Buffer.from('G1.1'), 0, 4)).toBe(400 * 3);
    expect(made.size).toBe(keys.length);
  });
});
