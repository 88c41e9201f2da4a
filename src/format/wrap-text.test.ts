import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth } from './text-width.js';
import { wrapText } from './wrap-text.js';
import { wrapTokens } from './wrap-tokens.js';

describe('wrapText', () => {
  it('breaks English at spaces', () => {
    expect(wrapText('Share of new-energy buses in urban transport', 16)).toEqual(['Share of', 'new-energy buses', 'in urban', 'transport']);
  });

  it('breaks Chinese between characters, keeping Latin runs whole', () => {
    expect(wrapText('全社会R&D经费占GDP比重', 10)).toEqual(['全社会R&D', '经费占GDP', '比重']);
  });

  it('follows Chinese line-breaking rules: no line starts with a closing mark or ends with an opening one', () => {
    // 甲乙丙丁 fills 8 columns; the comma would start the next line, so 丁 goes with it.
    expect(wrapText('甲乙丙丁，戊己', 8)).toEqual(['甲乙丙', '丁，戊己']);
    expect(wrapText('甲乙丙丁。', 8)).toEqual(['甲乙丙', '丁。']);
    expect(wrapText('甲乙丙（丁戊）', 8)).toEqual(['甲乙丙', '（丁戊）']);
    expect(wrapText('失败 34（其中 13 个）', 12)).toEqual(['失败 34（其', '中 13 个）']);
  });

  it('keeps a figure with the Chinese word beside it: 13 个, 完成率 84.9%', () => {
    // 目标 13 个 is 10 columns; at 8 the break falls between 目 and 标, not between 13 and 个.
    expect(wrapText('目标 13 个', 8)).toEqual(['目', '标 13 个']);
    expect(wrapText('总计完成率 84.9%', 12)).toEqual(['总计完成', '率 84.9%']);
    // English text still breaks at every space.
    expect(wrapText('rate 84.9% of 96', 10)).toEqual(['rate 84.9%', 'of 96']);
  });

  it('keeps a short Chinese word (2 to 4 characters between others) and a figure with its % together where they fit a line', () => {
    // 累计 ≥ 44 公里 is 14 columns: at 12 the unit goes down whole with its figure, not 公/里.
    expect(wrapText('累计 ≥ 44 公里', 12)).toEqual(['累计 ≥', '44 公里']);
    expect(wrapText('> 1000000 千瓦', 12)).toEqual(['>', '1000000 千瓦']);
    expect(wrapText('尚未完成（力争）', 12)).toEqual(['尚未完成', '（力争）']);
    expect(wrapText('growth a year ≥ 20 %', 18)).toEqual(['growth a year ≥', '20 %']);
    // Five characters or more are no short word: they break anywhere.
    expect(wrapText('城乡新能源公交车占比', 12)).toEqual(['城乡新能源公', '交车占比']);
  });

  it('a glued piece wider than the line is split by the rules without glue, filling the line it starts on', () => {
    expect(wrapText('失败 34（其中 13 个）', 12)).toEqual(['失败 34（其', '中 13 个）']);
    expect(wrapText('甲乙丙丁，戊己', 8)).toEqual(['甲乙丙', '丁，戊己']);
    expect(wrapText('公里', 2)).toEqual(['公', '里']);
    expect(wrapText('20 %', 3)).toEqual(['20', '%']);
  });

  it('cuts a word only when it alone is wider than the line', () => {
    expect(wrapText('internationalisation is long', 8)).toEqual(['internat', 'ionalisa', 'tion is', 'long']);
  });

  const text = fc.array(fc.constantFrom('a', 'bc', 'word', ' ', '中', '文字', '，', '%', 'ＡＢ', '😀', 'e\u0301', '-', '10.5'), { maxLength: 40 }).map((parts) => parts.join(''));

  it('every line fits any width of 2 or more, and no character is lost', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 120 }), (input, width) => {
        const lines = wrapText(input, width);
        for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
        expect(lines.join('').replace(/ /g, '')).toBe(input.replace(/ /g, ''));
      }),
    );
  });
});

describe('wrapText by code units wraps as the rule says, for any text', () => {
  it('every line fits, and the words are those of the text in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '中', '文', '✓', '😀', 'e\u0301', '1') }), fc.integer({ min: 1, max: 12 }), (text, width) => {
        const lines = wrapText(text, width);
        for (const line of lines) expect(displayWidth(line) <= width || [...line].length === 1).toBe(true);
        expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('wrapText by ranges wraps exactly as by tokens', () => {
  // The token path (`wrapTokens`) is the rule as first written; `wrapText` takes ranges of the text instead.
  const unit = fc.constantFrom(
    'a', 'Zz', '1', '12.5', '%', ' ', ' ', '中', '文', '，', '。', '（', '）', '“', '”', '[', ']', '(', ')', ':', '✓', '·', '😀', '\ud83d', '\ude00',
    'e\u0301', '\u0301', '\u200b', 'ＡＢ', '\u3000', '한', '…', '‰', '-', '/', 'Averyveryverylongword', '个', '\u00a0', '\t',
  );
  it('gives the same lines for any text and width', () => {
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }).map((parts) => parts.join('')), fc.integer({ min: 1, max: 40 }), (text, width) => {
        const expected = displayWidth(text) <= width ? [text] : wrapTokens(text, width);
        expect(wrapText(text, width)).toEqual(expected);
      }),
      { numRuns: 20000 },
    );
  });

  it('gives the same lines for any string of code units', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.integer({ min: 1, max: 30 }), (text, width) => {
        const expected = displayWidth(text) <= width ? [text] : wrapTokens(text, width);
        expect(wrapText(text, width)).toEqual(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('wraps a report line of the table as before', () => {
    const line = '✗ 丹东街道0001村 G3.2 居民人均可支配收入占人均GDP比重:未达标;县级目标 ≥ 52.3 %;比目标少 14.22 个百分点(完成度 72.8%)';
    expect(wrapText(line, 40)).toEqual(wrapTokens(line, 40));
    // 40, 39 and 37 columns: a figure stays with its word (14.22 个), a closing mark with what it closes (%;).
    expect(wrapText(line, 40)).toEqual(['✗ 丹东街道0001村 G3.2 居民人均可支配收入', '占人均GDP比重:未达标;县级目标 ≥ 52.3 %;', '比目标少 14.22 个百分点(完成度 72.8%)']);
  });
});
