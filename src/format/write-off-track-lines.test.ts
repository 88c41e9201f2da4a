import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random.test-helper.js';
import { byteOffsets, utf8Lengths } from './write-off-track-lines.js';

// Rule: a line cut from a spliced text is copied from the text's UTF-8 at the offsets of its cuts,
// so each offset must be the UTF-8 length of the text before the cut, whichever part it falls in.

const PARTS = ['✗ ', ' M1.1 规上工业产值:未达标;比目标少 ', '亿元(完成度 ', '%)', 'abc', '', 'é€', ' ', '丹东街道0001村', '3.74', '-12.5', 'Ω'];

describe('byteOffsets', () => {
  it('is the UTF-8 length of the text before each cut, for random pieces, fills and cuts', () => {
    const random = seededRandom(31);
    const pick = (): string => PARTS[Math.floor(random() * PARTS.length)]!;
    for (let round = 0; round < 3000; round++) {
      const fills = Array.from({ length: Math.floor(random() * 5) }, pick);
      const pieces = Array.from({ length: fills.length + 1 }, pick);
      let text = pieces[0]!;
      fills.forEach((fill, i) => (text += fill + pieces[i + 1]!));
      const cuts = Int32Array.from(Array.from({ length: 1 + Math.floor(random() * 6) }, () => Math.floor(random() * (text.length + 1))).sort((a, b) => a - b));
      const into = new Int32Array(cuts.length);
      byteOffsets(pieces, utf8Lengths(pieces), fills, cuts, into);
      expect([...into], text).toEqual([...cuts].map((cut) => Buffer.byteLength(text.slice(0, cut), 'utf8')));
    }
  });

  it('counts one, two and three bytes a unit', () => {
    expect([...utf8Lengths(['a', 'é', '一', '', 'a一é'])]).toEqual([1, 2, 3, 0, 6]);
    const into = new Int32Array(3);
    // 'a' + 'é' + '一b': after a (1 byte), after 一 (1 + 2 + 3), at the end (7).
    byteOffsets(['a', '一b'], utf8Lengths(['a', '一b']), ['é'], Int32Array.from([1, 3, 4]), into);
    expect([...into]).toEqual([1, 6, 7]);
  });
});
