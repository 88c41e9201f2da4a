import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charWidth, codeWidth, displayWidth, padEnd, WIDE, endsInSpace } from './text-width.js';

describe('displayWidth counts columns as a terminal does', () => {
  it.each([
    ['abc', 3], ['城镇新增就业', 12], ['≥ 3.4 %', 7], ['ＡＢ', 4], ['한국', 4], ['e\u0301', 1], ['✓ 950', 5], ['😀', 2], ['', 0],
    ['\u001b[31mred\u001b[39m', 3], ['（地区）', 8], ['‱', 1],
  ])('%j is %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('a character is 0, 1 or 2 columns', () => {
    expect(charWidth('中')).toBe(2);
    expect(charWidth('a')).toBe(1);
    expect(charWidth('\u0301')).toBe(0);
  });

  it('pads by columns, not code units', () => {
    expect(padEnd('中文', 6)).toBe('中文  ');
  });
});

describe('displayWidth by code units equals the sum of each code point\'s width', () => {
  it('holds for any text, lone surrogates, astral characters and colour escapes included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        let sum = 0;
        for (const ch of text.replace(/\u001b\[[0-9;]*m/g, '')) sum += charWidth(ch);
        expect(displayWidth(text)).toBe(sum);
      }),
      { numRuns: 3000 },
    );
    expect(displayWidth('\ud83d')).toBe(charWidth('\ud83d'));
  });
});

describe('codeWidth: a character\'s width from its code point, without a string or a regex', () => {
  it('is 0 for the controls and the combining, zero-width and variation characters, 2 for the wide ones, 1 otherwise, over all of Unicode', () => {
    // The marks as first written, a regular expression.
    const zero = /[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u1ab0-\u1aff\u1dc0-\u1dff\u200b-\u200f\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f\u{e0100}-\u{e01ef}]/u;
    let wrong = 0;
    for (let code = 0; code <= 0x10ffff; code++) {
      const control = code < 0x20 || (code >= 0x7f && code < 0xa0);
      // Wide when a range of the table holds it, found by a plain scan rather than a search.
      const wide = code >= 0x1100 && WIDE.some(([start, end]) => code >= start && code <= end);
      const expected = control || (code >= 0x300 && zero.test(String.fromCodePoint(code))) ? 0 : wide ? 2 : 1;
      if (codeWidth(code) !== expected) wrong++;
    }
    expect(wrong).toBe(0);
    expect([codeWidth(0x4e2d), codeWidth(0xff08), codeWidth(0x1f30a), codeWidth(0x2713), codeWidth(0xb7), codeWidth(0x301), codeWidth(0x1b)]).toEqual([2, 2, 2, 1, 1, 0, 0]);
  });
});

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
