import { describe, expect, it } from 'vitest';
import { chunkLoaders } from './load-formatter.js';
import { formatMarkdown } from './markdown.js';
import { sampleReport } from './sample-report.test-helper.js';
import { stringChunks } from './string-chunks.js';
import { formatTable } from './table.js';
import { outputToString, type FormatOptions } from './formatter.js';

function bytesOf(chunks: Iterable<Uint8Array>): { bytes: Buffer; count: number } {
  // Each chunk is valid until the next is asked for: copied as it comes.
  const copies: Buffer[] = [];
  for (const chunk of chunks) copies.push(Buffer.from(chunk));
  return { bytes: Buffer.concat(copies), count: copies.length };
}

describe('stringChunks: the table and Markdown as UTF-8 chunks', () => {
  it('are the UTF-8 of the text their formatters lay out, whatever the chunk size (Chinese, English, regions, widths)', () => {
    for (const format of [formatTable, formatMarkdown]) {
      for (const options of [
        { lang: 'zh', color: false, maxErrors: 50, width: 100 },
        { lang: 'en', color: false, maxErrors: 50, width: 30, by: 'region', sort: 'status' },
        { lang: 'zh', color: false, maxErrors: 50, width: 200 },
      ] as FormatOptions[]) {
        const text = outputToString(format(sampleReport, options));
        expect(text).toMatch(/规上工业产值|Industrial output/);
        for (const size of [1, 7, 100, 4 * 1024 * 1024]) {
          const { bytes, count } = bytesOf(stringChunks(format, size)(sampleReport, options));
          expect(bytes.toString('utf8')).toBe(text);
          expect(bytes.equals(Buffer.from(text, 'utf8'))).toBe(true);
          // A chunk is handed out once full: small chunks make many.
          if (size === 1) expect(count).toBeGreaterThan(10);
          if (size === 4 * 1024 * 1024) expect(count).toBe(1);
        }
      }
    }
  });

  it('are what the CLI writes for the table and Markdown to a file or a stdout that takes bytes', async () => {
    const options: FormatOptions = { lang: 'en', color: false, maxErrors: 50, width: 80 };
    for (const [name, format] of [['table', formatTable], ['markdown', formatMarkdown]] as const) {
      const chunks = (await chunkLoaders[name]!())(sampleReport, options);
      expect(bytesOf(chunks).bytes.toString('utf8')).toBe(outputToString(format(sampleReport, options)));
    }
  });
});
