import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random.test-helper.js';
import { ByteChunks } from './byte-chunks.js';
import { CasePieces, tailOf, type Between, type Tail } from './join-case-pieces.js';

describe('CasePieces: pieces joined once are the pieces appended one by one', () => {
  // The rule: whatever the order of heads, pairs, held tails, flushes and other appends, and
  // wherever a chunk is taken, the bytes are those of each piece appended in turn (a held tail
  // before the next head or flush).
  it('property: 20,000 random steps over a few heads, tails, regions and betweens, chunks taken at random', () => {
    const next = seededRandom(41);
    const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const heads = ['<h1 [', '<head two [', '<三 ['].map(bytes);
    const tails: Tail[] = ['/>\n', '"/>\n  </t>\n', '尾'.repeat(40)].map((text) => tailOf(bytes(text)));
    const regions = ['甲镇', 'a]]>&<"', 'x'.repeat(300), ''].map(bytes);
    const chunks = new ByteChunks(128);
    const cases = new CasePieces(chunks);
    const betweens: Between[] = ['] between [', ']" classname="c">\n<skipped message="['].map((text) => cases.between(bytes(text)));
    // Interned by content: the same bytes give the same Between.
    expect(cases.between(bytes('] between ['))).toBe(betweens[0]);
    const taken: Buffer[] = [];
    const expected: Uint8Array[] = [];
    let held: Tail | null = null;
    const release = (): void => {
      if (held !== null) expected.push(held.bytes);
      held = null;
    };
    for (let i = 0; i < 20_000; i++) {
      const step = next();
      if (step < 0.25) {
        const head = pick(heads);
        release();
        expected.push(head);
        cases.head(head);
      } else if (step < 0.5) {
        const between = pick(betweens);
        const region = pick(regions);
        release();
        expected.push(region, between.bytes, region);
        cases.pair(between, region);
      } else if (step < 0.7) {
        const tail = pick(tails);
        release();
        held = tail;
        cases.hold(tail);
        expect(cases.heldLength()).toBe(tail.bytes.length);
      } else if (step < 0.8) {
        release();
        cases.flush();
        expect(cases.heldLength()).toBe(0);
      } else if (step < 0.9) {
        // Anything else is appended after a flush.
        const other = bytes(`<other ${i}>`);
        release();
        cases.flush();
        expected.push(other);
        chunks.bytes(other);
      } else if (chunks.full || next() < 0.5) taken.push(Buffer.from(chunks.take()));
    }
    release();
    cases.flush();
    taken.push(Buffer.from(chunks.take()));
    const [got, want] = [Buffer.concat(taken), Buffer.concat(expected)];
    let at = 0;
    while (at < want.length && got[at] === want[at]) at++;
    expect(got.subarray(Math.max(0, at - 40), at + 40).toString(), `at ${at} of ${want.length}`).toBe(want.subarray(Math.max(0, at - 40), at + 40).toString());
  });
});
