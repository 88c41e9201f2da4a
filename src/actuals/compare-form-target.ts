import type { Target } from '../plan/types.js';
import { cellText, isBlankCell, type Cell } from './cell.js';
import { parseCell } from './parse-number.js';
import { scaleNumber } from './read-figure.js';
import { conversionExponent } from './units.js';

// Words around a target as forms write it: ≥3.4%, 不低于80, 1000以上.
const LEAD = /^(?:[≥≤><=]+|不低于|不少于|不高于|不超过|达到|力争|超过|低于)\s*/;
const TRAIL = /\s*(?:以上|以下|左右)$/;

/**
 * The target a form states in `cell`, in the plan target's unit, when it differs from the plan's
 * (a form may be an outdated copy); null when it agrees, is blank or cannot be read as a number.
 */
export function compareFormTarget(target: Target, cell: Cell | undefined, assumedUnit: string): number | null {
  if (typeof target.value !== 'number' || isBlankCell(cell) || cell === undefined) return null;
  let written: { value: number; unit: string };
  if (typeof cell !== 'string') {
    if ('error' in cell || 'date' in cell) return null;
    written = cell.percent ? { value: scaleNumber(cell.number, 2), unit: '%' } : { value: cell.number, unit: assumedUnit };
  } else {
    const reading = parseCell(cellText(cell).normalize('NFKC').trim().replace(LEAD, '').replace(TRAIL, ''));
    if (reading.kind !== 'number') return null;
    written = { value: reading.value, unit: reading.percent ?? reading.unit ?? assumedUnit };
  }
  const exponent = conversionExponent(written.unit, target.unit);
  if (exponent === null) return null;
  const form = scaleNumber(written.value, exponent);
  return Math.abs(form - target.value) <= 1e-9 * Math.max(1, Math.abs(target.value)) ? null : form;
}
