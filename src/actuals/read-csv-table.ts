import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { ioReason, type Problem } from '../problem.js';
import { createDecoder, sniffEncoding, type Encoding } from './decode.js';
import { csvSyntaxWords } from './fault-words.js';
import { LengthGuard, STREAM_FIELD_LIMIT, STREAM_LINE_LIMIT } from './length-guard.js';
import { excelSeparatorLine, guessDelimiter } from './guess-delimiter.js';
import type { ActualsInput } from './read-actuals.js';
import { MAX_COLUMNS, type TableReader } from './table-reader.js';

/** How far past the limit a refused field is followed to tell its length. */
const MEASURE_LIMIT = 256 * 1024 * 1024;

/** The first bytes of a file, already read, and the rest still to come. */
export interface OpenedBytes {
  head: Buffer;
  rest: AsyncIterator<Uint8Array>;
  exhausted: boolean;
}

/** Where the fast path handed a UTF-8 file over: its separator, and the records it read before. */
export interface CsvResume {
  delimiter: string;
  /** Records (physical lines) already read: the first byte of `bytes` starts record `records + 1`. */
  records: number;
}

/**
 * Reads a CSV (or tab-separated) text file into `table`, record by record, as its bytes arrive;
 * with `resume`, the rest of a UTF-8 file whose first lines the fast path read.
 */
export async function readCsvTable(
  bytes: OpenedBytes,
  input: ActualsInput,
  table: TableReader,
  encodingOverride: Encoding | undefined,
  sink: (problem: Problem) => void,
  resume?: CsvResume,
): Promise<void> {
  const file = input.file;
  const sniff = resume ? ({ ok: true, encoding: 'utf-8', bomLength: 0 } as const) : sniffEncoding(bytes.head.subarray(0, 64 * 1024), encodingOverride);
  if (!sniff.ok) {
    sink({ code: sniff.code, params: sniff.params, file });
    return;
  }
  if (!resume) {
    input.encoding = sniff.encoding;
    input.bom = sniff.bomLength > 0;
  }
  const decoder = createDecoder(sniff.encoding);
  const { rest } = bytes;

  // Line ends become \n whatever mix of \r\n, \n and \r a file has (files pasted together
  // from several sources do); a \r at the end of a chunk waits for the next, which may start with \n.
  let pendingCr = '';
  const lines = (chunk: string): string => {
    let text = pendingCr + chunk;
    pendingCr = '';
    if (text.endsWith('\r')) {
      pendingCr = '\r';
      text = text.slice(0, -1);
    }
    return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  };
  // Cells are searched for U+FFFD and U+FEFF only once the text read so far holds one: most files never do.
  const watch = (chunk: string): string => {
    if (!table.scanCells && (chunk.includes('\ufffd') || chunk.includes('\ufeff'))) table.scanCells = true;
    return chunk;
  };
  let records = resume?.records ?? 0;
  async function* decoded(first: string): AsyncGenerator<string> {
    yield lines(first);
    if (!bytes.exhausted) {
      for (;;) {
        if (table.stopped) return;
        const next = await rest.next();
        if (next.done) break;
        yield lines(decoder.write(next.value));
      }
    }
    let tail = lines(decoder.end());
    if (pendingCr !== '') tail += '\n';
    yield tail;
  }
  async function* text(first: string, delimiter: string): AsyncGenerator<string> {
    const guard = new LengthGuard(delimiter, STREAM_FIELD_LIMIT, STREAM_LINE_LIMIT);
    const chunks = decoded(first);
    for await (const chunk of chunks) {
      if (table.stopped) return;
      if (chunk.length === 0) continue;
      const trip = guard.feed(chunk);
      if (!trip) {
        yield watch(chunk);
        continue;
      }
      // The rows before the long line are read as usual; the long line and the rest are not.
      if (trip.lineStart > 0) yield watch(chunk.slice(0, trip.lineStart));
      let length = trip.length;
      if (trip.open) {
        const end = trip.quoted ? /"/ : new RegExp(`[\n${delimiter === '\t' ? '\\t' : `\\${delimiter}`}]`);
        for await (const more of chunks) {
          const at = more.search(end);
          length += at < 0 ? more.length : at;
          if (at >= 0 || length > MEASURE_LIMIT) break;
        }
      }
      // Records parsed so far are all handed over: the long one is the next.
      table.refuseLongLine(records + 1, trip.columns > MAX_COLUMNS ? { columns: trip.columns } : { column: trip.column, length });
      return;
    }
  }

  let firstText = decoder.write(bytes.head.subarray(sniff.bomLength));
  // Excel writes `sep=;` as a first line to name the separator; it is not a row of the table.
  const separator = resume ? null : excelSeparatorLine(firstText);
  if (separator) firstText = firstText.slice(separator.length);
  input.delimiter = resume?.delimiter ?? separator?.delimiter ?? guessDelimiter(firstText);
  const delimiter = input.delimiter;
  await new Promise<void>((resolve) => {
    const stream = Readable.from(text(firstText, delimiter));
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      // Nothing more is read once the table has stopped (a fatal header error, a refused line):
      // an endless stdin is let go of here.
      stream.destroy();
      resolve();
    };
    stream.on('error', (error) => {
      sink({ code: 'file.unreadable', params: { file, ...ioReason(error) }, file });
      finish();
    });
    Papa.parse<string[]>(stream, {
      delimiter,
      newline: '\n',
      skipEmptyLines: false,
      chunk: (results, parser) => {
        const first = records;
        // Papa numbers a chunk's errors from the start of the chunk.
        const syntaxRows = new Set<number>();
        for (const error of results.errors) {
          if (error.type === 'Delimiter') continue;
          const row = first + (error.row ?? 0) + 1;
          syntaxRows.add(row);
          table.syntaxError(row, csvSyntaxWords(error.code, error.message));
        }
        for (const record of results.data) {
          records++;
          if (!syntaxRows.has(records)) table.push(record, records);
          if (table.stopped) break;
        }
        if (table.stopped) {
          parser.abort();
          finish();
        }
      },
      complete: () => finish(),
      error: (error: Error) => {
        sink({ code: 'file.unreadable', params: { file, ...ioReason(error) }, file });
        finish();
      },
    });
  });
  await rest.return?.();
}
