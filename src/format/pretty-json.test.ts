import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prettyJson } from './pretty-json.js';
import { escapeJsonText } from './sanitize.js';

// The rule: the text JSON.stringify(value, null, 2) gives, every line after the first indented by depth more spaces, then escaped.
function reference(value: unknown, depth: number): string {
  return escapeJsonText((JSON.stringify(value, null, 2) ?? 'undefined').replace(/\n/g, `\n${' '.repeat(depth)}`));
}

describe('prettyJson: the text of JSON.stringify(value, null, 2), indented and escaped, in one pass', () => {
  it('lays out a result as the JSON report does, leaving out undefined members and writing null for non-finite numbers', () => {
    const value = { id: 'M3.1', region: '丹东街道', value: [3, 5], gap: -0.12, attainment: Number.NaN, progress: null, skipped: undefined, notes: [], params: {}, soft: false, list: [1, undefined, { a: 'x' }] };
    const expected = [
      '{',
      '      "id": "M3.1",',
      '      "region": "丹东街道",',
      '      "value": [',
      '        3,',
      '        5',
      '      ],',
      '      "gap": -0.12,',
      '      "attainment": null,',
      '      "progress": null,',
      '      "notes": [],',
      '      "params": {},',
      '      "soft": false,',
      '      "list": [',
      '        1,',
      '        null,',
      '        {',
      '          "a": "x"',
      '        }',
      '      ]',
      '    }',
    ].join('\n');
    expect(prettyJson(value, 4, escapeJsonText)).toBe(expected);
  });

  it('escapes bidi and invisible characters in keys and values as escapeJsonText does', () => {
    expect(prettyJson({ 'k\u202e': 'a\u2028b\u0085' }, 0, escapeJsonText)).toBe('{\n  "k\\u202e": "a\\u2028b\\u0085"\n}');
  });

  it('equals the reference for any JSON value at any depth', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 8 }), (value, depth) => {
        expect(prettyJson(value, depth, escapeJsonText)).toBe(reference(value, depth));
      }),
      { numRuns: 1000 },
    );
  });

  it('equals the reference for objects of any text, lone surrogates and invisible characters included', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.array(fc.string({ unit: 'binary' }))), (value) => {
        expect(prettyJson(value, 2, escapeJsonText)).toBe(reference(value, 2));
      }),
      { numRuns: 1000 },
    );
  });
});
