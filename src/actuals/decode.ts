import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import type iconvModule from 'iconv-lite';
import type { MessageCode, MessageParams } from '../messages.js';

/** Encodings plancheck reads actuals in. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Encodings `--encoding` accepts, with the names spreadsheets and people use for them. */
export const ENCODING_NAMES: Record<string, Encoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  cp936: 'gb18030',
};

/** What the first bytes of a file say about it. */
export type Sniff =
  | { ok: true; encoding: Encoding; bomLength: number }
  | { ok: false; code: MessageCode; params: MessageParams };

/**
 * Decides how to decode a file from its first bytes: a BOM, else strict UTF-8, else GB18030 when
 * the bytes read as plausible Chinese text. Workbooks, binary files, UTF-32 and UTF-16 without a
 * BOM are recognised and refused with a message that says what the file is and what to do.
 */
export function sniffEncoding(head: Uint8Array, override?: Encoding): Sniff {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    return { ok: false, code: 'csv.workbook', params: { kind: '.xlsx' } };
  }
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    return { ok: false, code: 'csv.workbook', params: { kind: '.xls' } };
  }
  // UTF-32's BOM starts like UTF-16 LE's, so it is looked for first.
  if (head[0] === 0xff && head[1] === 0xfe && head[2] === 0 && head[3] === 0) return utf32('utf-32le');
  if (head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff) return utf32('utf-32be');
  let bom: { encoding: Encoding; length: number } | undefined;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) bom = { encoding: 'utf-8', length: 3 };
  else if (head[0] === 0xff && head[1] === 0xfe) bom = { encoding: 'utf-16le', length: 2 };
  else if (head[0] === 0xfe && head[1] === 0xff) bom = { encoding: 'utf-16be', length: 2 };
  if (override) return { ok: true, encoding: override, bomLength: bom?.encoding === override ? bom.length : 0 };
  if (bom) return { ok: true, encoding: bom.encoding, bomLength: bom.length };
  const nul = head.indexOf(0);
  if (nul >= 0) {
    const wide = wideEncoding(head);
    if (wide === 'utf-32le' || wide === 'utf-32be') return utf32(wide);
    if (wide) return { ok: false, code: 'csv.utf16-no-bom', params: { encoding: wide } };
    return { ok: false, code: 'csv.binary', params: { offset: nul } };
  }
  if (looksUtf8(head)) return { ok: true, encoding: 'utf-8', bomLength: 0 };
  const doubt = gb18030Doubt(head);
  if (doubt) return { ok: false, code: 'csv.not-utf8-or-gbk', params: doubt };
  return { ok: true, encoding: 'gb18030', bomLength: 0 };
}

function utf32(encoding: 'utf-32le' | 'utf-32be'): Sniff {
  return { ok: false, code: 'csv.utf32', params: { encoding } };
}

/**
 * Tells UTF-16 or UTF-32 text without a BOM from other bytes with NULs in them: mostly-ASCII text
 * (CSV digits, commas, line ends) in a wide encoding puts its NULs at fixed places in each unit.
 */
function wideEncoding(head: Uint8Array): 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | null {
  const length = head.length - (head.length % 4);
  if (length < 8) return null;
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < length; i++) if (head[i] === 0) zeros[i % 4] = (zeros[i % 4] ?? 0) + 1;
  const quarter = length / 4;
  const share = zeros.map((z) => z / quarter);
  const [z0 = 0, z1 = 0, z2 = 0, z3 = 0] = share;
  // Every character below U+10000 has a zero high half in UTF-32; its low byte is rarely zero.
  if (z2 > 0.9 && z3 > 0.9 && z0 < 0.1) return 'utf-32le';
  if (z0 > 0.9 && z1 > 0.9 && z3 < 0.1) return 'utf-32be';
  const even = (z0 + z2) / 2;
  const odd = (z1 + z3) / 2;
  if (odd > 0.3 && even < 0.05) return 'utf-16le';
  if (even > 0.3 && odd < 0.05) return 'utf-16be';
  return null;
}

/**
 * Reads bytes that are not UTF-8 as GB18030 and says why not to trust that reading, or null when
 * it is plausible Chinese text. An ASCII file with a few stray bytes (Latin-1 accents, a damaged
 * cell) reads as rare characters from the GBK extension, never as the common characters of GB2312
 * that real Chinese text is made of; decoding it so would silently turn a cell into mojibake.
 */
function gb18030Doubt(head: Uint8Array): { line: number; column: number; byte: string; sample: string } | null {
  let common = 0;
  let rare = 0;
  let i = 0;
  while (i < head.length) {
    const lead = head[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const trail = head[i + 1];
    if (trail === undefined) break; // cut off at the end of the sample
    let length = 2;
    let kind: 'common' | 'neutral' | 'rare' = 'rare';
    if (lead >= 0x81 && lead <= 0xfe && trail >= 0x30 && trail <= 0x39) length = 4;
    else if (lead >= 0x81 && lead <= 0xfe && trail >= 0x40 && trail <= 0xfe && trail !== 0x7f) {
      // GB2312's level-1 characters and its symbols (full-width digits, punctuation) are what
      // Chinese text is mostly made of; level-2 characters occur in names, so they decide nothing.
      if (trail >= 0xa1 && ((lead >= 0xb0 && lead <= 0xd7) || (lead >= 0xa1 && lead <= 0xa9))) kind = 'common';
      else if (trail >= 0xa1 && lead >= 0xd8 && lead <= 0xf7) kind = 'neutral';
    } else length = 1;
    if (kind === 'common') common++;
    else if (kind === 'rare') rare++;
    i += length;
  }
  if (common > 0 && rare * 4 <= common) return null;
  // Located at the first byte that is not UTF-8: a rare reading may start at valid UTF-8 text.
  const at = firstInvalidUtf8(head);
  const lineStart = head.lastIndexOf(0x0a, at) + 1;
  let line = 1;
  for (let j = 0; j < lineStart; j++) if (head[j] === 0x0a) line++;
  const byte = (head[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  // The character the stray bytes would become; never a control or a replacement character.
  const first = [...decodeGb18030(head.subarray(at, Math.min(head.length, at + 4)))][0] ?? '';
  const sample = /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(first) ? first : '?';
  return { line, column: at - lineStart + 1, byte, sample };
}

/** Index of the first byte that starts no well-formed UTF-8 sequence, or 0. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || !isUtf8(bytes.subarray(i, i + length))) return i;
    i += length;
  }
  return 0;
}

function decodeGb18030(bytes: Uint8Array): string {
  const decoder = createDecoder('gb18030');
  return decoder.write(bytes) + decoder.end();
}

/** True when the bytes are UTF-8, allowing a character cut off at the end of the sample. */
function looksUtf8(head: Uint8Array): boolean {
  if (isUtf8(head)) return true;
  // A sample cut mid-character ends in up to three bytes of an unfinished sequence.
  for (let cut = 1; cut <= 3 && cut < head.length; cut++) {
    if (isUtf8(head.subarray(0, head.length - cut))) return true;
  }
  // A UTF-8 file with a few damaged bytes is still UTF-8: its bad cells are reported where they
  // are. GBK text read as UTF-8 is mostly invalid, with the odd valid sequence by chance.
  const { valid, invalid } = utf8Sequences(head);
  return valid >= 4 * invalid;
}

/** Counts well-formed multi-byte UTF-8 sequences and bytes that start no well-formed sequence. */
function utf8Sequences(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length > 0 && i + length <= bytes.length && isUtf8(bytes.subarray(i, i + length))) {
      valid++;
      i += length;
    } else if (length > 0 && i + length > bytes.length) {
      break; // cut off at the end of the sample
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/** A streaming decoder: text for each chunk of bytes, then whatever is left at the end. */
export interface TextDecoderStream {
  write(chunk: Uint8Array): string;
  end(): string;
}

/** Creates a streaming decoder for `encoding`; undecodable bytes become U+FFFD, which the reader reports. */
export function createDecoder(encoding: Encoding): TextDecoderStream {
  if (encoding === 'utf-8') {
    const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
    return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
  }
  // iconv-lite and its code tables load only for the files that need them, not at every start-up.
  const iconv = createRequire(import.meta.url)('iconv-lite') as typeof iconvModule;
  const decoder = iconv.getDecoder(encoding, { stripBOM: false });
  return {
    write: (chunk) => decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)),
    end: () => decoder.end() ?? '',
  };
}
