import { describe, expect, it } from 'vitest';
import { seededRandom, seededRandom as random } from '../seeded-random.test-helper.js';
import { ByteChunks, chunkTexts, utf8 } from './byte-chunks.js';

describe('ByteChunks.number: a number written as String(value) writes it', () => {
  it('edges: zeros, exponents, the limits of whole numbers and of 15 digits, NaN and infinities', () => {
    const values = [0, -0, 1, -1, 9, 10, 3.5, 0.005, 1e-6, 1e-7, 9.99e-7, 1.23456789012345e-6, 123456.789, 0.957446808510638, 1e15 - 1, 1e15, 1e21, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), 2 ** 53, 0.1 + 0.2, 1 / 3, 5e-324, Number.MAX_VALUE, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -123.45, 1200, 2.675];
    const out = new ByteChunks(16);
    for (const value of values) {
      out.number(value);
      expect(Buffer.from(out.take()).toString('latin1'), String(value)).toBe(String(value));
    }
  });

  it('200,000 random figures, shares and gaps', () => {
    const next = random(15);
    const out = new ByteChunks();
    let checked = 0;
    for (let i = 0; i < 25_000; i++) {
      const r = next();
      for (const value of [r, r * 1000, Math.round(r * 1e6) / 1e4, -Math.round(r * 1e9) / 1e3, Math.round(r * 1e15) / 1e15, r * 1e-5, Number((r * 100).toPrecision(15)), Number((r * 1e6).toPrecision(12))]) {
        out.number(value);
        const text = Buffer.from(out.take()).toString('latin1');
        if (text !== String(value)) expect(text).toBe(String(value));
        checked++;
      }
    }
    expect(checked).toBe(200_000);
  });
});

describe('ByteChunks.number: shares and means, their 15 significant digits found at once', () => {
  it('property: decimals of 1 to 17 significant digits at every magnitude from 1e-6 to 1e15, and powers of ten and their neighbours', () => {
    const next = random(71);
    const out = new ByteChunks();
    const values: number[] = [];
    for (let e = -7; e <= 15; e++) {
      const power = Number(`1e${e}`);
      values.push(power, -power, power * (1 + Number.EPSILON), power * (1 - Number.EPSILON / 2), Number((power * 0.999999999999999).toPrecision(15)), Number((power * 9.99999999999999).toPrecision(15)));
    }
    for (let i = 0; i < 100_000; i++) {
      const digits = 1 + Math.floor(next() * 17);
      const exponent = -7 + Math.floor(next() * 23);
      // A share as quotients give them: 15 digits truncated, some ending in zeros.
      const value = Number((next() * 10 ** (exponent + 1)).toPrecision(Math.min(digits, 17)));
      values.push(next() < 0.5 ? value : -value);
    }
    for (const value of values) {
      out.number(value);
      const text = Buffer.from(out.take()).toString('latin1');
      if (text !== String(value)) expect(text).toBe(String(value));
    }
  });
});

describe('ByteChunks.number: long mantissas (10 to 16 digits, written as two halves of 8)', () => {
  it('edges of the halves: a low half of zeros or of nines, a high half of one digit, 2^53 - 1', () => {
    const values = [2147483648, 4294967295, 9007199254740991, -9007199254740991, 100000000.5, 10000000.00000001, 99999999.99999999, 90071991.99999999, 12345678.99999999,
      1.000000000000001, 9.999999999999999, 0.1000000000000001, 4503599627370495.5, 1234567890.1, 2000000000.000001];
    const out = new ByteChunks(16);
    for (const value of values) {
      out.number(value);
      expect(Buffer.from(out.take()).toString('latin1'), String(value)).toBe(String(value));
    }
  });

  it('property: 100,000 decimals of 10 to 16 digits with 0 to 15 places, many ending in nines or zeros', () => {
    const next = random(53);
    const out = new ByteChunks();
    for (let i = 0; i < 100_000; i++) {
      const length = 10 + Math.floor(next() * 7);
      let digits = String(1 + Math.floor(next() * 9));
      const tail = next();
      for (let d = 1; d < length; d++) digits += tail < 0.2 ? '9' : tail < 0.3 ? '0' : String(Math.floor(next() * 10));
      const value = (next() < 0.5 ? -1 : 1) * Number(`${digits}e-${Math.floor(next() * 16)}`);
      out.number(value);
      const text = Buffer.from(out.take()).toString('latin1');
      if (text !== String(value)) expect(text).toBe(String(value));
    }
  });
});

describe('ByteChunks', () => {
  it('grows for a piece larger than its buffer, says when it is full, and hands out what it holds', () => {
    const out = new ByteChunks(8);
    out.text('丹东街道');
    out.bytes(utf8('"]]>"'));
    out.ascii('12');
    expect(out.length).toBe(12 + 5 + 2);
    expect(Buffer.from(out.take()).toString('utf8')).toBe('丹东街道"]]>"12');
    expect(out.length).toBe(0);
    const big = 'x'.repeat(200_000);
    out.text(big);
    expect(out.full).toBe(true);
    expect([...chunkTexts([out.take()])]).toEqual([big]);
  });
});

describe('ByteChunks.text: short strings copied by hand while ASCII, anything else encoded by the runtime', () => {
  it('property: the UTF-8 of any string of 0 to 40 characters (ASCII, controls, CJK, emoji, lone surrogates), appended after other bytes', () => {
    const next = seededRandom(7);
    const alphabet = ['a', '0', '.', '-', '\u0000', '\u001b', '\u007f', '\u0080', 'é', '丹', '\u202e', '\ud83d\ude00', '\ud800', '\udc00', '"'];
    const out = new ByteChunks(16);
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      const length = Math.floor(next() * 41);
      const ascii = next() < 0.5;
      for (let c = 0; c < length; c++) text += ascii ? alphabet[Math.floor(next() * 4)]! : alphabet[Math.floor(next() * alphabet.length)]!;
      out.bytes(utf8('x'));
      out.text(text);
      if (ascii) out.ascii(text);
      const expected = Buffer.concat([utf8('x'), utf8(text), ascii ? Buffer.from(text, 'latin1') : Buffer.alloc(0)]);
      const got = Buffer.from(out.take());
      if (!got.equals(expected)) expect(got.toString('hex')).toBe(expected.toString('hex'));
    }
  });
});
