import type { MessageCode, MessageParams } from '../messages.js';
import type { Target } from '../plan/types.js';
import { cellText, type Cell } from './cell.js';
import { parseCell, parseYesNo } from './parse-number.js';
import { conversionExponent, isMagnitude, unitScale, withMagnitude } from './units.js';

/** Something worth telling about a figure that was read: a note, a magnitude, a likely misreading. */
export interface FigureRemark {
  code: MessageCode;
  params: MessageParams;
  severity: 'warning' | 'notice';
}

/** The outcome of reading one cell as a figure of one target. */
export type FigureReading =
  | { kind: 'missing'; errorCell: string | null }
  | { kind: 'figure'; value: number; level: boolean; remarks: FigureRemark[] }
  /** `unitColumn`: the fault lies in the unit the row's unit column gave, not in the cell. */
  | { kind: 'error'; code: MessageCode; params: MessageParams; unitColumn: boolean };

/** Units that apply to a cell besides its own: the row's unit column, the column header, the name. */
export interface UnitContext {
  /** The text of the row's unit column ('' when none or blank). */
  unitCell: string;
  /** A unit written in the column's header or after the indicator name. */
  headerUnit: string | null;
}

/** Multiplies a number by 10^exponent on its decimal digits, without binary rounding on the way. */
export function scaleNumber(value: number, exponent: number): number {
  if (exponent === 0) return value;
  const [mantissa, power = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(power) + exponent}`);
}

/** Reads a cell as a figure of `target` in the target's unit. */
export function readFigure(cell: Cell | undefined, target: Target, units: UnitContext): FigureReading {
  if (cell !== undefined && typeof cell !== 'string' && 'error' in cell) return { kind: 'missing', errorCell: cell.error };
  // A date (2025-01-15) is a number of days to Excel, never a figure: 45672 % would be judged.
  if (cell !== undefined && typeof cell !== 'string' && 'date' in cell) return error('row.date-not-figure', { value: cell.date }, false);
  if (target.kind === 'milestone') return readMilestone(cell);
  const given = units.unitCell !== '' ? units.unitCell : units.headerUnit;
  // A unit column that holds only a magnitude (亿, 万) means that magnitude of the target's unit.
  const assumed = given === null ? target.unit : isMagnitude(given) ? withMagnitude(given, target.unit) : given;
  const fromUnitColumn = units.unitCell !== '';
  let value: number;
  let written: string;
  const remarks: FigureRemark[] = [];
  let explicitPercent = false;
  const raw = cellText(cell).trim();
  const targetScale = unitScale(target.unit);
  if (cell !== undefined && typeof cell !== 'string') {
    value = cell.percent ? scaleNumber(cell.number, 2) : cell.number;
    written = cell.percent ? '%' : assumed;
    explicitPercent = cell.percent;
  } else {
    const reading = parseCell(raw);
    if (reading.kind === 'missing') return { kind: 'missing', errorCell: null };
    if (reading.kind === 'invalid') return error('row.not-a-number', { value: raw }, false);
    value = reading.value;
    if (reading.percent !== null) {
      written = reading.percent;
      explicitPercent = true;
    } else if (reading.unit !== null && isMagnitude(reading.unit)) {
      if (unitScale(assumed).base === '%') return error('row.magnitude-for-percent', { value: raw, magnitude: reading.unit, id: target.id, unit: target.unit }, false);
      written = withMagnitude(reading.unit, assumed);
    } else written = reading.unit ?? assumed;
    if (reading.note !== undefined) {
      remarks.push({ code: 'notice.figure-note', params: { value: raw, figure: reading.value, note: reading.note }, severity: 'notice' });
    }
  }
  if (!Number.isFinite(value)) return error('row.not-finite', { value: raw }, false);
  if (explicitPercent && targetScale.base !== '%') {
    return error('row.percent-not-percent', { value: raw, id: target.id, unit: target.unit }, false);
  }
  const writtenScale = unitScale(written);
  if ((target.kind === 'cagr' || target.kind === 'change') && targetScale.base === '%' && writtenScale.base !== '%') {
    // A level of the indicator itself (亿元, 件): the growth or change is computed from levels.
    const level = scaleNumber(value, writtenScale.exponent);
    if (!Number.isFinite(level)) return error('row.not-finite', { value: raw }, false);
    return { kind: 'figure', value: level, level: true, remarks };
  }
  const exponent = conversionExponent(written, target.unit);
  if (exponent === null) {
    return error('row.unit-mismatch', { actual: given ?? written, id: target.id, unit: target.unit }, fromUnitColumn && written === assumed);
  }
  const converted = scaleNumber(value, exponent);
  if (!Number.isFinite(converted)) return error('row.not-finite', { value: raw }, false);
  if (written !== assumed && written !== target.unit && !explicitPercent && isMagnitudeReading(raw)) {
    remarks.push({ code: 'notice.magnitude', params: { value: raw, figure: converted, unit: target.unit }, severity: 'notice' });
  }
  const scale = scaleWarning(converted, target, explicitPercent);
  if (scale) remarks.push(scale);
  return { kind: 'figure', value: converted, level: false, remarks };
}

function isMagnitudeReading(raw: string): boolean {
  const reading = parseCell(raw);
  return reading.kind === 'number' && reading.unit !== null && isMagnitude(reading.unit);
}

function readMilestone(cell: Cell | undefined): FigureReading {
  const raw = cellText(cell).trim();
  const answer = cell !== undefined && typeof cell !== 'string' && 'number' in cell ? numberAnswer(cell.number) : parseYesNo(raw);
  if (answer === undefined) return error('row.not-yes-no', { value: raw }, false);
  if (answer === null) return { kind: 'missing', errorCell: null };
  return { kind: 'figure', value: answer, level: false, remarks: [] };
}

function numberAnswer(value: number): 1 | 0 | undefined {
  return value === 1 ? 1 : value === 0 ? 0 : undefined;
}

function error(code: MessageCode, params: MessageParams, unitColumn: boolean): FigureReading {
  return { kind: 'error', code, params, unitColumn };
}

/** The size a target's figures are expected to have: its value, or the middle of its range. */
function referenceSize(target: Target): number | null {
  const { value } = target;
  if (typeof value === 'number') return Math.abs(value);
  if (Array.isArray(value)) return Math.abs((value[0] + value[1]) / 2);
  return null;
}

/** The size `scaleWarning` compares a target's figures with; 0 when no figure of the target can warn. */
export function scaleReference(target: Target): number {
  if (target.kind === 'cagr' || target.kind === 'change' || target.kind === 'milestone') return 0;
  return referenceSize(target) ?? 0;
}

/**
 * Whether a figure of at most 1 can be a fraction written for a percentage (0.832 for 83.2 %):
 * only for a target in % of 5 or more; `quietScale` then looks at such figures closely.
 */
export function scaleFractions(target: Target): boolean {
  return unitScale(target.unit).base === '%' && scaleReference(target) >= 5;
}

/**
 * True when `scaleWarning` has nothing to say of a figure against a target of this reference
 * size (`fractions`: see `scaleFractions`; true when not known).
 */
export function quietScale(value: number, reference: number, fractions = true): boolean {
  if (reference === 0 || value === 0) return true;
  const size = Math.abs(value);
  // Within a factor of ~500 of the target (and above 1 where a fraction may stand for a
  // percentage), nothing can warn: most figures leave here, before the unit is parsed.
  return (!fractions || size > 1) && size / reference > 0.0021 && size / reference < 490;
}

const MAGNITUDE_PREFIXES = ['', '十', '百', '千', '万', '十万', '百万', '千万', '亿', '十亿', '百亿', '千亿', '万亿'];

/**
 * A warning when a figure is far from the scale of its target in a way that has a likely
 * reading: a fraction for a percentage (0.832 for ≥ 80 %), or 10⁴ or 10⁸ off (元, 万元, 亿元).
 */
export function scaleWarning(value: number, target: Target, explicitPercent: boolean, reference = scaleReference(target)): FigureRemark | null {
  if (quietScale(value, reference)) return null;
  const size = Math.abs(value);
  const scale = unitScale(target.unit);
  const targetText = (): string => (Array.isArray(target.value) ? `${target.value[0]}–${target.value[1]}` : String(target.value));
  if (scale.base === '%') {
    if (explicitPercent || size > 1 || reference < 5) return null;
    const likely = scaleNumber(value, 2);
    const ratio = Math.abs(likely) / reference;
    if (ratio < 0.2 || ratio > 5) return null;
    return { code: 'warning.fraction-for-percent', params: { id: target.id, value, likely, target: targetText() }, severity: 'warning' };
  }
  const ratio = size / reference;
  for (const power of [4, 8]) {
    for (const sign of [1, -1]) {
      const shifted = ratio / 10 ** (sign * power);
      if (shifted < 0.05 || shifted > 20) continue;
      const core = target.unit.replace(/^(?:万亿|千万|百万|十万|亿|万)/, '');
      const wanted = scale.exponent - sign * power;
      const prefix = MAGNITUDE_PREFIXES.find((p) => unitScale(p + core).exponent === wanted && unitScale(p + core).base === scale.base);
      return {
        code: 'warning.scale-off',
        params: {
          id: target.id,
          value,
          unit: target.unit,
          target: targetText(),
          factor: sign > 0 ? `10^${power}` : `10^-${power}`,
          likelyUnit: prefix !== undefined ? prefix + core : `10^${wanted} ${scale.base}`,
          likely: scaleNumber(value, -sign * power),
        },
        severity: 'warning',
      };
    }
  }
  return null;
}
