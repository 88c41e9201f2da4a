import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteChunks } from './byte-chunks.js';
import { prettyJson } from './pretty-json.js';
import { escapeJsonText } from './sanitize.js';
import { writePrettyJson } from './write-pretty-json.js';

// The rule: the bytes written are the UTF-8 of prettyJson's text, for any value, depth and escaper.
function bytesOf(value: unknown, depth: number, escape?: (json: string) => string): string {
  const out = new ByteChunks(64);
  writePrettyJson(out, value, depth, escape);
  return Buffer.from(out.take()).toString('utf8');
}

describe('writePrettyJson: prettyJson written as UTF-8 bytes', () => {
  it("a mean's progress, values left out, non-finite numbers, toJSON, nested arrays and empty members", () => {
    const date = new Date(Date.UTC(2025, 0, 2));
    const values: unknown[] = [
      { method: 'mean', baseline: null, latest: { year: 2025, value: 7.53, file: 'a\u202e"b.csv', row: 115 }, targetValue: null, observedRate: 0.883636363636363, ratio: Number.NaN, projected: -Infinity },
      { skipped: undefined, f: () => 1, s: Symbol('x'), kept: [1, undefined, () => 2, { a: 'x' }, [], {}], date, nested: { toJSON: () => ({ deep: [date] }) } },
      [], {}, 'text\u2028with\u0000controls', -0, 1e21, 5e-324, true, false, null,
    ];
    for (const value of values) for (const depth of [0, 4, 6]) expect(bytesOf(value, depth, escapeJsonText)).toBe(prettyJson(value, depth, escapeJsonText));
    expect(bytesOf(undefined, 2)).toBe(prettyJson(undefined, 2));
  });

  it('property: any JSON value at any depth, with and without escaping', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 8 }), fc.boolean(), (value, depth, escaped) => {
        const escape = escaped ? escapeJsonText : undefined;
        expect(bytesOf(value, depth, escape)).toBe(prettyJson(value, depth, escape));
      }),
      { numRuns: 2000 },
    );
  });

  it('property: objects of any text, lone surrogates and invisible characters included', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.oneof(fc.string({ unit: 'binary' }), fc.double(), fc.constant(undefined))), (value) => {
        expect(bytesOf(value, 2, escapeJsonText)).toBe(prettyJson(value, 2, escapeJsonText));
      }),
      { numRuns: 1000 },
    );
  });
});
