import { describe, expect, it } from 'vitest';
import { endsInSpace } from './table-matrix.js';

describe('endsInSpace', () => {
  it('is true exactly when trimEnd would remove the last character (every UTF-16 unit)', () => {
    const trimmed: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const text = `a${String.fromCharCode(c)}`;
      expect(endsInSpace(text), c.toString(16)).toBe(text.trimEnd() !== text);
      if (endsInSpace(text)) trimmed.push(c);
    }
    // Tab to carriage return, space, no-break space, ogham, the en quad to the hair space, line and paragraph separators, narrow no-break, medium mathematical, ideographic, BOM.
    expect(trimmed.length).toBe(5 + 1 + 1 + 1 + 11 + 2 + 1 + 1 + 1 + 1);
    expect(endsInSpace('')).toBe(false);
    expect(endsInSpace('✓ 已完成')).toBe(false);
  });
});
