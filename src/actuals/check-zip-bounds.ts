import { inflateRawSync } from 'node:zlib';

/** A zip part too large to open, or a zip whose directory cannot be read. */
/**
 * Why a zip is refused: too many parts, a part or all parts together declared over the limit, a
 * part that inflates beyond the size it declares (its declared size is then given), or damage.
 */
export type ZipFault =
  | { kind: 'parts'; count: number; limit: number }
  | { kind: 'bomb'; entry: string; limit: number; whole: boolean }
  | { kind: 'lies'; entry: string; declared: number }
  | { kind: 'damaged'; reason: string };

/** Limits on what a workbook may expand to. */
export interface ZipLimits {
  /** Bytes one part may expand to. */
  entry: number;
  /** Bytes all parts together may expand to. */
  total: number;
  /** Parts a workbook may have. */
  entries: number;
}

/**
 * Checks a zip (an .xlsx) before any parser opens it: reads its central directory, refuses parts
 * whose declared size is over the limits, and inflates each compressed part with its output
 * capped at the declared size, so that a part that lies about its size is caught too.
 */
export function checkZipBounds(zip: Buffer, limits: ZipLimits): ZipFault | null {
  // The end-of-directory record lies in the last 22 + 65,535 bytes.
  const from = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let at = zip.length - 22; at >= from; at--) {
    if (zip.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return { kind: 'damaged', reason: 'no zip directory' };
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) return { kind: 'damaged', reason: 'zip64 is not supported' };
  if (count > limits.entries) return { kind: 'parts', count, limit: limits.entries };
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return { kind: 'damaged', reason: 'bad zip directory' };
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + extraLength + commentLength;
    total += size;
    if (size > limits.entry || total > limits.total || size === 0xffffffff) {
      return size > limits.entry || size === 0xffffffff ? { kind: 'bomb', entry: name, limit: limits.entry, whole: false } : { kind: 'bomb', entry: name, limit: limits.total, whole: true };
    }
    if (method !== 8) continue;
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) return { kind: 'damaged', reason: 'bad zip entry' };
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (start + compressed > zip.length) return { kind: 'damaged', reason: 'truncated zip entry' };
    try {
      inflateRawSync(zip.subarray(start, start + compressed), { maxOutputLength: Math.max(1, size) });
    } catch (error) {
      if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        return { kind: 'lies', entry: name, declared: size };
      }
      return { kind: 'damaged', reason: error instanceof Error ? error.message : String(error) };
    }
  }
  return null;
}
