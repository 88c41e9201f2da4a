import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { splitPlainLine } from './split-plain-line.js';

const COMMA = 0x2c;
const split = (text: string | Buffer, delimiter = COMMA) => {
  const buf = Buffer.isBuffer(text) ? text : Buffer.from(text);
  return splitPlainLine(buf, 0, buf.length, delimiter);
};

/** The records the normal path makes of a line between two others: UTF-8 decoded, line ends as \n, Papa Parse with the separator. */
function normalRecords(bytes: Buffer, delimiter: string): string[][] {
  const text = new TextDecoder('utf-8').decode(Buffer.concat([Buffer.from('x\n'), bytes, Buffer.from('\nz')])).replace(/\r\n?/g, '\n');
  return Papa.parse<string[]>(text, { delimiter, newline: '\n', skipEmptyLines: false }).data;
}

describe('a line is split here only when the normal path splits it the same', () => {
  it('splits by the separator alone, dropping the CR of a CRLF', () => {
    expect(split('东区,M1.1,2025,900亿元')).toEqual(['东区', 'M1.1', '2025', '900亿元']);
    expect(split('a,b\r')).toEqual(['a', 'b']);
    expect(split('')).toEqual(['']);
    expect(split(',,')).toEqual(['', '', '']);
    expect(split('a;b,c', 0x3b)).toEqual(['a', 'b,c']);
    expect(split('a\tb', 0x09)).toEqual(['a', 'b']);
  });

  it('leaves to the normal path a quote anywhere, a CR not at the end, U+FEFF, U+FFFD and bytes that are not UTF-8', () => {
    for (const text of ['a,"b"', 'a,b"c', '"', 'a\rb', 'a\r\r', '\ufeffa,b', 'a,\ufffd']) expect({ text, cells: split(text) }).toEqual({ text, cells: null });
    for (const bytes of [[0x61, 0x2c, 0xff], [0xe4, 0xb8, 0x2c], [0xc0, 0x80], [0xed, 0xa0, 0x80]]) expect(split(Buffer.from(bytes))).toBeNull();
  });

  it('leaves to the normal path a field the length guard would refuse (over 1,000,000 characters), not one it reads', () => {
    expect(split(`a,${'x'.repeat(1_000_000)}`)?.[1]).toHaveLength(1_000_000);
    expect(split(`a,${'x'.repeat(1_000_001)}`)).toBeNull();
    expect(split(`${'x'.repeat(1_000_001)},a`)).toBeNull();
  });

  it('property: any line it splits, among others, Papa Parse splits into the same one record', () => {
    const piece = fc.constantFrom('a', '1', ',', ';', '\t', '"', '\r', ' ', '东', '亿元', '\ufeff', '\ufffd', '😀', '\u0000', '\\');
    const bytes = fc.oneof(
      fc.array(piece, { maxLength: 12 }).map((parts) => Buffer.from(parts.join(''))),
      fc.uint8Array({ maxLength: 12 }).map((array) => Buffer.from(array.filter((b) => b !== 10))),
    );
    let split = 0;
    fc.assert(
      fc.property(bytes, fc.constantFrom(',', ';', '\t'), (line, delimiter) => {
        const cells = splitPlainLine(line, 0, line.length, delimiter.charCodeAt(0));
        if (cells === null) return;
        split++;
        expect(normalRecords(line, delimiter)).toEqual([['x'], cells, ['z']]);
      }),
      { numRuns: 2000 },
    );
    expect(split).toBeGreaterThan(300);
  });
});
