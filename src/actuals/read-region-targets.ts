import { readFile, stat } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Plan } from '../plan/types.js';
import { ioReason, type Problem } from '../problem.js';
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
  return interpretRegionTargets(cells.rows, plan, file);
}

async function readCells(file: string, encoding: Encoding | undefined): Promise<{ rows: string[][] } | { problem: Problem }> {
  let bytes: Buffer;
  try {
    const size = (await stat(file)).size;
    if (size > REGION_TARGETS_SIZE_LIMIT) return { problem: { code: 'rt.too-large', params: { file, size, limit: REGION_TARGETS_SIZE_LIMIT }, file } };
    bytes = await readFile(file);
  } catch (error) {
    return { problem: { code: 'file.unreadable', params: { file, ...ioReason(error) }, file } };
  }
  if (bytes.length === 0) return { problem: { code: 'csv.empty', params: {}, file } };
  const sniff = sniffEncoding(bytes.subarray(0, 64 * 1024), encoding);
  if (!sniff.ok) return { problem: { code: sniff.code, params: sniff.params, file } };
  const decoder = createDecoder(sniff.encoding);
  const text = (decoder.write(bytes.subarray(sniff.bomLength)) + decoder.end()).replace(/\r\n?/g, '\n');
  const parsed = Papa.parse<string[]>(text, { delimiter: guessDelimiter(text), newline: '\n', skipEmptyLines: false });
  const syntax = parsed.errors.find((error) => error.type !== 'Delimiter');
  if (syntax) {
    return { problem: { code: 'csv.syntax', params: { reason: syntax.message }, file, line: (syntax.row ?? 0) + 1 } };
  }
  return { rows: parsed.data };
}
