import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nfkc } from './nfkc.js';

describe('nfkc', () => {
  it('is String.prototype.normalize("NFKC"), for names and for text that normalisation changes', () => {
    // Full-width digits and letters, a compatibility ideograph (U+F900), a ligature, a decomposed é, a circled digit.
    for (const text of ['丹东街道0001村', 'Ｇ１．１', '\uf900镇', 'ﬁ', 'e\u0301', '①', '', ' 全县 ']) expect(nfkc(text)).toBe(text.normalize('NFKC'));
    const chars = fc.constantFrom('a', '1', ' ', '镇', '\u4e00', '\u9fff', '\ua000', '\uff10', '\uf900', '\u0301', 'e', '\u3000', '\u2460', '\ud840\udc00');
    fc.assert(fc.property(fc.array(chars, { maxLength: 12 }), (parts) => {
      const text = parts.join('');
      expect(nfkc(text)).toBe(text.normalize('NFKC'));
    }), { numRuns: 2000 });
  });
});
