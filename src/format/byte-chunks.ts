// A machine format of a million results is written as UTF-8 bytes spliced from pieces encoded
// once (a target's fields, a region's name, a status's words) into one reused buffer, handed out
// about a megabyte at a time: no string per result to join, flatten and encode again.

/**
 * How full the buffer gets before `full` says to hand it out: a megabyte, whose pages the run
 * touches once (a page first touched costs about 12 µs on the bench's machine: 4 MB were about
 * 12 ms of a table at 3,000 regions), and few enough writes for any report.
 */
const CHUNK = 1024 * 1024;

/** UTF-8 of a string, encoded once and spliced many times. */
export function utf8(text: string): Uint8Array {
  return Buffer.from(text, 'utf8');
}

/**
 * UTF-8 bytes written into a reused buffer. A writer of a format appends pieces, and hands out
 * `take()` when `full`; the chunk it hands out is valid until the next append, so the reader must
 * use it (write it out, decode it) before asking the writer for more.
 */
export class ByteChunks {
  private buf: Buffer;
  private at = 0;

  /** @param size how many bytes make a chunk (the buffer has room for a piece more). */
  constructor(private readonly size = CHUNK) {
    this.buf = Buffer.allocUnsafe(size + 64 * 1024);
  }

  /** True when the buffer holds a chunk's worth: time to `take()` it. */
  get full(): boolean {
    return this.at >= this.size;
  }

  /** How many bytes are held. */
  get length(): number {
    return this.at;
  }

  /** The bytes held, as a view of the buffer (valid until the next append), and an empty buffer. */
  take(): Uint8Array {
    const chunk = this.buf.subarray(0, this.at);
    this.at = 0;
    return chunk;
  }

  /** Drops what was appended after `length` was `at` (a piece begun and given up). */
  truncate(at: number): void {
    if (at >= 0 && at <= this.at) this.at = at;
  }

  /** Room for `n` more bytes: the buffer grows (its bytes copied) when a piece would not fit. */
  private room(n: number): Buffer {
    if (this.at + n > this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + n));
      this.buf.copy(bigger, 0, 0, this.at);
      this.buf = bigger;
    }
    return this.buf;
  }

  /** Appends bytes encoded before. */
  bytes(piece: Uint8Array): void {
    const n = piece.length;
    const buf = this.room(n);
    if (n < 16) {
      // Short pieces (a comma, `null`) copied by hand: cheaper than a call into the runtime.
      for (let i = 0; i < n; i++) buf[this.at + i] = piece[i]!;
    } else buf.set(piece, this.at);
    this.at += n;
  }

  /** Appends again the bytes appended from `start` to `end` (both at most `length`): a piece written twice. */
  repeat(start: number, end: number): void {
    const n = end - start;
    const buf = this.room(n);
    buf.copyWithin(this.at, start, end);
    this.at += n;
  }

  /** Appends a string as UTF-8. */
  text(text: string): void {
    const n = text.length;
    // A short string (a number's words, a figure) copied by hand while it is ASCII: cheaper than a call into the runtime.
    if (n <= SHORT_TEXT && this.asciiShort(text)) return;
    const buf = this.room(n * 3);
    this.at += buf.write(text, this.at, 'utf8');
  }

  /** Appends a string known to be ASCII (a number's digits). */
  ascii(text: string): void {
    if (text.length <= SHORT_TEXT && this.asciiShort(text)) return;
    const buf = this.room(text.length);
    this.at += buf.write(text, this.at, 'latin1');
  }

  /** Appends a short string when it is all ASCII (its bytes are its char codes); false, with nothing appended, otherwise. */
  private asciiShort(text: string): boolean {
    const n = text.length;
    const buf = this.room(n);
    const at = this.at;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) return false;
      buf[at + i] = c;
    }
    this.at = at + n;
    return true;
  }

  /**
   * Appends a number as `String(value)` writes it. Whole numbers and decimals of up to 15
   * significant digits (nearly every figure, gap and share) are written digit by digit:
   * `String` of a fraction costs about 0.3 µs.
   */
  number(value: number): void {
    if (value >= 0 && value < 0x7fffffff && (value | 0) === value) {
      this.whole(value);
      return;
    }
    const magnitude = Math.abs(value);
    // String writes these with an exponent (and -0 as 0, NaN and infinities as words).
    if (magnitude >= 1e-6 && magnitude < 1e15) {
      // A figure or a gap has a few decimals: each number of places tried in turn.
      for (let k = 0; k <= FEW_PLACES; k++) {
        if (this.placed(value, magnitude, k)) return;
      }
      // A share or a mean has more: its 15 significant digits at once, their trailing zeros dropped.
      if (this.fifteenDigits(value, magnitude)) return;
      for (let k = FEW_PLACES + 1; k <= 15; k++) {
        if (this.placed(value, magnitude, k)) return;
      }
    }
    this.ascii(String(value));
  }

  /**
   * Appends `value` as a decimal of `k` places when that reads back as it (`magnitude` is its
   * absolute value, 1e-6 to 1e15), and says so; false, with nothing appended, otherwise. Tried
   * from k = 0 up, the first that reads back is the shortest decimal that does (no shorter one
   * can: two decimals of at most 15 significant digits never round to one double), which is what String writes.
   */
  private placed(value: number, magnitude: number, k: number): boolean {
    const scale = POW10[k]!;
    const mantissa = Math.round(magnitude * scale);
    if (mantissa >= 2 ** 53 || mantissa / scale !== magnitude) return false;
    if (value < 0) this.room(1)[this.at++] = 45; // '-'
    this.decimal(mantissa, k);
    return true;
  }

  /**
   * Appends `value` (`magnitude` its absolute value, 1e-6 to 1e15) as String writes it when it
   * is a decimal of at most 15 significant digits, found in one step: its 15 significant digits
   * D (`magnitude` × 10^p rounded, which is D whenever such a decimal reads back as `magnitude`:
   * the product is within 10^15 × 2^-52 < 0.5 of it), checked to read back, then D's trailing
   * zeros dropped: that decimal is the one of at most 15 digits reading back as `value`, the
   * shortest (as `placed` says). False, with nothing appended, when D does not read back.
   */
  private fifteenDigits(value: number, magnitude: number): boolean {
    // The decimal exponent of the leading digit, by halving a table of powers (a guess off by one
    // at a power of ten fails the check below, and the caller tries place by place).
    let lo = 0;
    let hi = LEADING.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (LEADING[mid]! <= magnitude) lo = mid;
      else hi = mid - 1;
    }
    let places = 14 - (lo + LEADING_FIRST);
    const scale = EXACT_POW10[places]!;
    let mantissa = Math.round(magnitude * scale);
    if (mantissa >= 1e15 || mantissa / scale !== magnitude) return false;
    // Trailing zeros dropped 8, 4, 2 and 1 at a time: m − ⌊m ÷ 10^j⌋ × 10^j is exact below 10^15.
    for (let j = 3; j >= 0; j--) {
      const step = 1 << j;
      const unit = POW10[step]!;
      if (places >= step && mantissa - Math.floor(mantissa / unit) * unit === 0) {
        mantissa /= unit;
        places -= step;
      }
    }
    if (value < 0) this.room(1)[this.at++] = 45; // '-'
    this.decimal(mantissa, places);
    return true;
  }

  /**
   * Appends `value` as String writes it when that is a plain decimal of at most `places`
   * decimals (no exponent); false, with nothing appended, otherwise.
   */
  plainDecimal(value: number, places: number): boolean {
    const magnitude = Math.abs(value);
    if (!(magnitude >= 1e-6 && magnitude < 1e15) && value !== 0) return false;
    if (Object.is(value, -0)) return false;
    for (let k = 0; k <= places; k++) {
      const scale = POW10[k]!;
      const mantissa = Math.round(magnitude * scale);
      if (mantissa / scale !== magnitude) continue;
      if (value < 0) this.room(1)[this.at++] = 45; // '-'
      this.decimal(mantissa, k);
      return true;
    }
    return false;
  }

  /**
   * Appends a whole `mantissa` (0 ≤ mantissa < 2^53) as a decimal of exactly `places` places
   * (0–15), with a `-` or `+` before it when `sign` is -1 or 1: `fixedPoint(5, 2, -1)` is `-0.05`.
   */
  fixedPoint(mantissa: number, places: number, sign: -1 | 0 | 1 = 0): void {
    if (sign !== 0) this.room(1)[this.at++] = sign < 0 ? 45 : 43; // '-', '+'
    this.decimal(mantissa, places);
  }

  /** A whole number 0 ≤ value < 2^31. */
  private whole(value: number): void {
    const buf = this.room(10);
    const at = this.at;
    const digits = digitsOf(value);
    // Int32 arithmetic throughout (a division by 10 compiles to a multiplication), the first digit last.
    let v = value | 0;
    for (let i = at + digits - 1; i > at; i--) {
      const next = (v / 10) | 0;
      buf[i] = 48 + v - next * 10;
      v = next;
    }
    buf[at] = 48 + v;
    this.at = at + digits;
  }

  /** `mantissa ÷ 10^k` written out (mantissa a whole number below 2^53): `0.005`, `3.5`, `120`. */
  private decimal(mantissa: number, k: number): void {
    this.at = writeDecimal(this.room(k + 18), this.at, mantissa, k);
  }
}

/**
 * Writes `mantissa ÷ 10^k` (mantissa a whole number below 2^53) into `buf` at `at`, which must
 * have room for k + 18 bytes: `0.005`, `3.5`, `120`; returns where it ends.
 */
export function writeDecimal(buf: Uint8Array, at: number, mantissa: number, k: number): number {
  // Below 2^31 in int32 arithmetic; above, as two int32 halves of 8 and up to 8 digits (2^53 < 10^16),
  // never with `%` (fmod) or a division of doubles per digit.
  const small = mantissa < 0x7fffffff;
  let high = small ? 0 : Math.floor(mantissa / 1e8);
  // The quotient of a double may round up to the next whole number: then the low half is negative.
  if (!small && mantissa - high * 1e8 < 0) high--;
  let low = small ? mantissa | 0 : (mantissa - high * 1e8) | 0;
  let rest = high | 0;
  const digits = small ? digitsOf(low) : 8 + digitsOf(rest);
  // At least one digit before the point: 0.005 is 5 with k = 3, written with its zeros.
  const width = Math.max(digits, k + 1);
  const end = at + width + (k > 0 ? 1 : 0);
  let i = end - 1;
  for (let place = 0; place < width; place++) {
    if (place === k && k > 0) buf[i--] = 46; // '.'
    if (small || place < 8) {
      const next = (low / 10) | 0;
      buf[i--] = 48 + low - next * 10;
      low = next;
    } else {
      const next = (rest / 10) | 0;
      buf[i--] = 48 + rest - next * 10;
      rest = next;
    }
  }
  return end;
}

/** How many decimal digits a whole number 0 ≤ v < 2^53 has (1 for 0). */
export function decimalDigits(v: number): number {
  if (v < 0x7fffffff) return digitsOf(v);
  let n = 10;
  for (let bound = 1e10; v >= bound && n < 16; bound *= 10) n++;
  return n;
}

/** How many decimal digits a whole number 0 ≤ v < 2^31 has. */
function digitsOf(v: number): number {
  if (v < 100000) return v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : 5;
  return v < 1000000 ? 6 : v < 10000000 ? 7 : v < 100000000 ? 8 : v < 1000000000 ? 9 : 10;
}

/** Strings up to this long are appended by hand when ASCII (see `text`). */
const SHORT_TEXT = 32;

const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** How many places `number` tries one by one before it tries 15 significant digits at once. */
const FEW_PLACES = 3;
/** 10^k for k ≤ 22, each exact in a double (written out). */
const EXACT_POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
/** The decimal exponent of `LEADING[0]`; `LEADING[i]` is 10^(i + LEADING_FIRST), from 10^-6 to 10^14. */
const LEADING_FIRST = -6;
const LEADING = Array.from({ length: 21 }, (_, i) => Number(`1e${i + LEADING_FIRST}`));

/** The text of a format's byte chunks, chunk by chunk (a chunk ends at a piece's end, never inside a character). */
export function* chunkTexts(chunks: Iterable<Uint8Array>): Generator<string> {
  for (const chunk of chunks) yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8');
}
