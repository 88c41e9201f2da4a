import { ByteChunks } from './byte-chunks.js';
import type { ChunkFormatter, Formatter } from './formatter.js';

/**
 * A formatter's pieces as UTF-8 chunks (`ChunkFormatter`), for the table and Markdown written to
 * a file or a stdout that takes bytes: the same text, each piece encoded straight into one reused
 * buffer instead of joined into larger strings and encoded into a new buffer each time. The
 * layout stays the formatter's own. `size`: how many bytes make a chunk (tests make it small).
 */
export function stringChunks(format: Formatter, size?: number): ChunkFormatter {
  return function* (report, options) {
    const out = new ByteChunks(size);
    const output = format(report, options);
    for (const piece of typeof output === 'string' ? [output] : output) {
      out.text(piece);
      if (out.full) yield out.take();
    }
    if (out.length > 0) yield out.take();
  };
}
