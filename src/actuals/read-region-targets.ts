import Big from 'big.js';
import { csvSyntaxWords } from './fault-words.js';
import Papa from 'papaparse';
import type { Plan } from '../plan/types.js';
import { ioReason as ioReasonOf, PlancheckError, type Problem } from '../problem.js';
import { readFileBounded } from '../read-bounded.js';
import type { Cell } from './cell.js';
import { createDecoder, sniffEncoding, type Encoding } from './decode.js';
import { interpretRegionTargets, type RegionTargets } from './interpret-region-targets.js';
import { guessDelimiter } from './read-actuals.js';

/** Decomposed-target files larger than this are refused before parsing: 18 towns × 300 targets is 300 kB. */
export const REGION_TARGETS_SIZE_LIMIT = 16 * 1024 * 1024;

/**
 * Reads a decomposed-targets file (`--region-targets`): bytes → text → table of cells → rows.
 * Only the first step knows the file format, so a workbook reader plugs in by producing cells.
 */
export async function readRegionTargets(file: string, plan: Plan, encoding?: Encoding): Promise<RegionTargets> {
  const cells = await readCells(file, encoding);
  if ('problem' in cells) return { byRegion: new Map(), weights: new Map(), problems: [cells.problem] };
  return interpretRegionTargets(cells.rows, plan, cells.name);
}

/** Sheets that explain a form rather than hold it (the xlsx forms plancheck writes start with one). */
const INSTRUCTION_SHEET = /^(填报说明|说明|instructions?|read ?me)$/i;

/**
 * A workbook's form sheet as rows of text: the first visible sheet that is not an instructions sheet and
 * holds any cell. Numbers are written out in full (no exponent); a %-formatted cell (0.031 shown
 * as 3.1%) is written as the percentage Excel shows.
 */
async function readWorkbookCells(bytes: Buffer, file: string, kind: 'zip' | 'cfb'): Promise<{ rows: string[][]; name: string } | { problem: Problem }> {
  const { readWorkbook } = await import('./read-workbook.js');
  const book = await readWorkbook(bytes, kind);
  if (!book.ok) return { problem: { code: book.code, params: { file, ...book.params }, file } };
  const sheet = book.sheets.find((s) => !s.hidden && !INSTRUCTION_SHEET.test(s.name.trim()) && s.rows.some((row) => row?.some((cell) => cellToText(cell) !== '')));
  if (!sheet) return { problem: { code: 'csv.empty', params: {}, file } };
  const rows = sheet.rows.map((row) => (row ?? []).map(cellToText));
  return { rows, name: `${file}[${sheet.name}]` };
}

function cellToText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if ('error' in cell) return cell.error;
  if ('date' in cell) return cell.text;
  if (!Number.isFinite(cell.number)) return cell.text;
  return cell.percent ? `${new Big(cell.number).times(100).toFixed()}%` : new Big(cell.number).toFixed();
}

async function readCells(file: string, encoding: Encoding | undefined): Promise<{ rows: string[][]; name: string } | { problem: Problem }> {
  let bytes: Buffer;
  try {
    // The read itself is bounded: a FIFO or /dev/zero says nothing true about its size.
    bytes = readFileBounded(file, REGION_TARGETS_SIZE_LIMIT, (error) => new PlancheckError('file.unreadable', { file, ...ioReasonOf(error) }));
  } catch (error) {
    if (!(error instanceof PlancheckError)) throw error;
    return { problem: { code: error.code, params: error.params, file } };
  }
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const cfb = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (zip || cfb) return readWorkbookCells(bytes, file, zip ? 'zip' : 'cfb');
  if (bytes.length === 0) return { problem: { code: 'csv.empty', params: {}, file } };
  const sniff = sniffEncoding(bytes.subarray(0, 64 * 1024), encoding);
  if (!sniff.ok) return { problem: { code: sniff.code, params: sniff.params, file } };
  const decoder = createDecoder(sniff.encoding);
  const text = (decoder.write(bytes.subarray(sniff.bomLength)) + decoder.end()).replace(/\r\n?/g, '\n');
  const parsed = Papa.parse<string[]>(text, { delimiter: guessDelimiter(text), newline: '\n', skipEmptyLines: false });
  const syntax = parsed.errors.find((error) => error.type !== 'Delimiter');
  if (syntax) {
    return { problem: { code: 'csv.syntax', params: { ...csvSyntaxWords(syntax.code, syntax.message) }, file, line: (syntax.row ?? 0) + 1 } };
  }
  return { rows: parsed.data, name: file };
}
