import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeControls, escapeHtml, escapeMarkdown, escapeSpreadsheetText, escapeWorkflowData, escapeWorkflowProperty, escapeXml, isInert,
} from './sanitize.js';

/** Every character that must never reach an output raw. */
const DANGEROUS: number[] = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
  0x061c, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e,
  0x2066, 0x2067, 0x2068, 0x2069, 0xfeff,
];

const ESCAPERS = { escapeControls, escapeHtml, escapeMarkdown, escapeSpreadsheetText, escapeWorkflowData, escapeWorkflowProperty, escapeXml };

describe('every escaper: no dangerous character survives', () => {
  for (const [name, escape] of Object.entries(ESCAPERS)) {
    it(`${name} leaves none of the ${DANGEROUS.length} controls, bidi and separators raw`, () => {
      for (const code of DANGEROUS) {
        const out = escape(`a${String.fromCharCode(code)}b`);
        for (const ch of out) expect(DANGEROUS.includes(ch.codePointAt(0)!), `${name} U+${code.toString(16)}`).toBe(false);
        // The character is shown, not dropped: something visible stands in its place.
        expect(out.length).toBeGreaterThan(2);
      }
    });

    it(`${name} makes no line start with "::"`, () => {
      for (const text of ['::error title=x::y', 'a\n::warning::b', 'x\r::stop-commands::t', 'a\u2028::error::b']) {
        const out = escape(text);
        expect(out.split(/\r\n|\r|\n/).some((line) => /^\s*::/.test(line))).toBe(false);
      }
    });

    it(`${name} is idempotent on its own output's safety`, () => {
      const once = escape('\u001b]0;title\u0007 \u202e x');
      expect(isInert(once)).toBe(true);
    });
  }
});

describe('escapeControls', () => {
  it('shows C0/C1 as \\uXXXX and invisible characters as <U+XXXX>', () => {
    expect(escapeControls('a\u001b[31mb\u0007\u009b\n')).toBe('a\\u001b[31mb\\u0007\\u009b\\u000a');
    expect(escapeControls('abc\u202edef\u2066')).toBe('abc<U+202E>def<U+2066>');
    expect(escapeControls('行\u2028段\u2029')).toBe('行<U+2028>段<U+2029>');
  });

  it('leaves ordinary text, CJK and symbols alone', () => {
    expect(escapeControls('城镇新增就业 ≥ 4.5 万人 (2023): 50%')).toBe('城镇新增就业 ≥ 4.5 万人 (2023): 50%');
  });

  it('breaks "::" wherever it is', () => {
    expect(escapeControls('G3.2::error')).toBe('G3.2:\\u003aerror');
  });
});

describe('escapeMarkdown', () => {
  it('renders HTML comments, images and links inert', () => {
    expect(escapeMarkdown('<!-- hide')).toBe('&lt;!-- hide');
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)\\>');
    expect(escapeMarkdown('[x](https://evil.example)')).toBe('\\[x\\](https:\\/\\/evil.example)');
    expect(escapeMarkdown('see www.evil.example')).toBe('see www\\.evil.example');
  });

  it('escapes table pipes, emphasis and code', () => {
    expect(escapeMarkdown('a|b *c* _d_ `e`')).toBe('a\\|b \\*c\\* \\_d\\_ \\`e\\`');
  });

  it('folds line breaks into visible escapes', () => {
    expect(escapeMarkdown('a\nb')).not.toContain('\n');
  });
});

describe('escapeHtml and escapeXml', () => {
  it('escape markup and quotes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeXml(`<a b="c">'&'`)).toBe('&lt;a b=&quot;c&quot;&gt;&apos;&amp;&apos;');
  });

  it('XML holds no character XML 1.0 forbids', () => {
    // eslint-disable-next-line no-control-regex
    expect(escapeXml('a\u0001\ufffe\uffffb')).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
  });
});

describe('workflow commands (@actions/core)', () => {
  it('escape %, CR, LF in data and also : and , in properties', () => {
    expect(escapeWorkflowData('100% done')).toBe('100%25 done');
    expect(escapeWorkflowProperty('a:b,c')).toBe('a%3Ab%2Cc');
  });

  it('turn ESC, BEL and RLO into visible text', () => {
    expect(escapeWorkflowData('\u001b]0;x\u0007\u202e')).toBe('\\u001b]0;x\\u0007<U+202E>');
  });
});

describe('escapeSpreadsheetText', () => {
  it.each([['=1+2', "'=1+2"], ['@SUM(A1)', "'@SUM(A1)"], ['＝1', "'＝1"], ['-x', "'-x"], ['plain', 'plain'], ['3-5', '3-5']])('%j → %j', (cell, expected) => {
    expect(escapeSpreadsheetText(cell)).toBe(expected);
  });

  it('a tab or line break at the start is escaped, so the cell cannot start a formula', () => {
    expect(escapeSpreadsheetText('\t=1')).toBe('\\u0009=1');
  });
});

describe('escapeControls skips clean text only when the replacements would change nothing', () => {
  it('gives the text of the three replacements for any text', () => {
    const reference = (text: string): string =>
      text
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
        .replace(/[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g, (ch) => `<U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`)
        .replace(/::/g, ':\\u003a');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ':', '中', '\u0000', '\u001b', '\u007f', '\u0085', '\u061c', '\u200b', '\u200f', '\u2028', '\u202e', '\u2060', '\u2069', '\ufeff', '\ufff9', '\ufffb', '\u3000', '\ufefe', '\u2070', '\u2027') }), (text) => {
        expect(escapeControls(text)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
  });
});
