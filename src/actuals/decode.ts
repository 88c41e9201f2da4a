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
 * Decides how to decode a file from its first bytes: a BOM, else strict UTF-8, else GB18030.
 * Workbooks and binary files are recognised and refused with a message that says so.
 */
export function sniffEncoding(head: Uint8Array, override?: Encoding): Sniff {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    return { ok: false, code: 'csv.workbook', params: { kind: '.xlsx' } };
  }
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    return { ok: false, code: 'csv.workbook', params: { kind: '.xls' } };
  }
  let bom: { encoding: Encoding; length: number } | undefined;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) bom = { encoding: 'utf-8', length: 3 };
  else if (head[0] === 0xff && head[1] === 0xfe) bom = { encoding: 'utf-16le', length: 2 };
  else if (head[0] === 0xfe && head[1] === 0xff) bom = { encoding: 'utf-16be', length: 2 };
  if (override) return { ok: true, encoding: override, bomLength: bom?.encoding === override ? bom.length : 0 };
  if (bom) return { ok: true, encoding: bom.encoding, bomLength: bom.length };
  const nul = head.indexOf(0);
  if (nul >= 0) return { ok: false, code: 'csv.binary', params: { offset: nul } };
  return { ok: true, encoding: looksUtf8(head) ? 'utf-8' : 'gb18030', bomLength: 0 };
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
