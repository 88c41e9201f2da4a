import { STREAM_FIELD_LIMIT, STREAM_LINE_LIMIT } from './length-guard.js';

/**
 * The cells of one line of a UTF-8 CSV exactly as the normal path (decoder, line ends, length
 * guard, Papa Parse) gives them, when that is `text.split(delimiter)`; null when the normal path
 * may see the line otherwise, so that it must read the line itself, and the rest of the file.
 *
 * `buf[start, end)` is the line without its \n (a \r before it is the CRLF's and is dropped).
 * The normal path splits a line by the separator alone when it has no quote (Papa Parse reads
 * nothing else specially: no comments, no escapes), no other CR (a lone CR ends a line there),
 * no byte the decoder would turn into U+FFFD and no U+FEFF (both reported, cell by cell, only
 * once the text read so far holds one), and no field or line long enough for the length guard
 * to refuse (counted in bytes here: a UTF-8 text never has more UTF-16 units than bytes).
 */
export function splitPlainLine(buf: Buffer, start: number, end: number, delimiter: number): string[] | null {
  if (end > start && buf[end - 1] === 13) end--;
  if (end - start > STREAM_LINE_LIMIT) return null;
  let fieldStart = start;
  let wide = false;
  for (let i = start; i < end; i++) {
    const b = buf[i] as number;
    if (b === delimiter) {
      if (i - fieldStart > STREAM_FIELD_LIMIT) return null;
      fieldStart = i + 1;
    } else if (b === 0x22 || b === 13) return null;
    else if (b >= 0x80) wide = true;
  }
  if (end - fieldStart > STREAM_FIELD_LIMIT) return null;
  if (wide && !cleanUtf8(buf, start, end)) return null;
  return buf.toString('utf8', start, end).split(String.fromCharCode(delimiter));
}

/**
 * True when bytes are well-formed UTF-8 holding neither U+FEFF nor U+FFFD: exactly the cells the
 * normal path decodes without reporting them (it reports both characters, and a decoder turns
 * every malformed sequence into U+FFFD).
 */
export function cleanUtf8(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; ) {
    const b = buf[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0;
      else if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      else if (b === 0xf4) high = 0x8f;
    } else return false;
    if (i + need >= end) return false;
    const second = buf[i + 1] as number;
    if (second < low || second > high) return false;
    for (let k = 2; k <= need; k++) {
      const next = buf[i + k] as number;
      if (next < 0x80 || next > 0xbf) return false;
    }
    // U+FEFF is EF BB BF; U+FFFD is EF BF BD.
    if (b === 0xef && ((second === 0xbb && buf[i + 2] === 0xbf) || (second === 0xbf && buf[i + 2] === 0xbd))) return false;
    i += need + 1;
  }
  return true;
}

