import { isUtf8 } from 'node:buffer';
import { createDecoder, sniffEncoding } from '../actuals/decode.js';
import type { MessageCode } from '../messages.js';
import type { Problem } from '../problem.js';

/** What a plan's bytes decode to: its text, or the one located reason they do not. */
export type DecodedPlan = { ok: true; text: string } | { ok: false; problem: Problem };

/** A refusal of the sniffer, said about a plan rather than a CSV. */
const PLAN_CODES: Partial<Record<MessageCode, MessageCode>> = {
  'csv.workbook': 'plan.not-text',
  'csv.binary': 'plan.not-text',
  'csv.utf16-no-bom': 'plan.utf16-no-bom',
  'csv.utf32': 'plan.utf32',
  'csv.not-utf8-or-gbk': 'plan.not-utf8-or-gbk',
};

/**
 * Decodes a plan file's bytes as CSVs are decoded (BOM, UTF-16, UTF-8, else GB18030 when it reads
 * as Chinese text), but strictly: a byte that does not decode is a located error, never a U+FFFD
 * that would make a valid-looking plan with garbled units.
 */
export function decodePlan(bytes: Uint8Array, file: string): DecodedPlan {
  const sniff = sniffEncoding(bytes);
  if (!sniff.ok) {
    const code = PLAN_CODES[sniff.code] ?? sniff.code;
    const { line, column } = sniff.params;
    return { ok: false, problem: { code, params: sniff.params, file, line: num(line), column: num(column) } };
  }
  const body = bytes.subarray(sniff.bomLength);
  if (sniff.encoding === 'utf-8' && !isUtf8(body)) {
    const text = new TextDecoder('utf-8').decode(body);
    return { ok: false, problem: undecodable(text, 'UTF-8', file) };
  }
  const decoder = createDecoder(sniff.encoding);
  const text = decoder.write(body) + decoder.end();
  if (sniff.encoding !== 'utf-8' && text.includes('\ufffd')) {
    return { ok: false, problem: undecodable(text, sniff.encoding.toUpperCase(), file) };
  }
  return { ok: true, text };
}

/** The first U+FFFD of a lenient decoding, as a line and column of the text. */
function undecodable(text: string, encoding: string, file: string): Problem {
  const at = text.indexOf('\ufffd');
  const before = text.slice(0, Math.max(0, at));
  const line = before.split('\n').length;
  const column = at - (before.lastIndexOf('\n') + 1) + 1;
  return { code: 'plan.undecodable', params: { encoding }, file, line, column };
}

function num(value: string | number | undefined): number | undefined {
  return typeof value === 'number' ? value : undefined;
}
