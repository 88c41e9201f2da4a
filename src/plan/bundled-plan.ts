import { isAscii } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { decodePlanTables, encodePlanTables, keepPlanTables, type PlanTables } from './plan-tables.js';
import type { Measure, Plan, Target } from './types.js';

/** A plan checked at build time, with the hash, size and modification time of the file it came from. */
export interface PrebuiltPlan {
  sourceHash: string;
  sourceSize: number;
  sourceMtimeMs: number;
  plan: Omit<Plan, 'targetsById'>;
}

/**
 * The hash that ties a prebuilt plan to the exact bytes of its targets file. node:crypto is
 * loaded here, not at start-up: a run whose plan file kept its size and time never needs it.
 */
export function planHash(bytes: Uint8Array): string {
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(bytes).digest('hex');
}

// The measures' own words, about a third of the file, which only `show` and `list` print: kept on
// a second line, decoded and parsed when first read. The first line keeps their places.
const MEASURE_TEXTS = ['text', 'summaryEn'] as const;

/**
 * Serialises a checked plan for `readPrebuiltPlan`; each target is written once. Two lines: the
 * plan without the measures' texts (with the byte length of the second line), then those texts.
 */
export function serialisePlan(plan: Plan, bytes: Uint8Array, source: { size: number; mtimeMs: number }, tables?: PlanTables): string {
  const { targetsById: _unused, ...rest } = plan;
  const texts = JSON.stringify(plan.measures.map((m) => MEASURE_TEXTS.map((key) => m[key])));
  const slim = {
    ...rest,
    goals: plan.goals.map((g) => ({ ...g, targets: g.targets.map((t) => t.index) })),
    measures: plan.measures.map((m) => ({ ...m, text: 0, summaryEn: 0, targets: m.targets.map((t) => t.index) })),
  };
  const asciiTexts = asciiJson(texts);
  // The plan-derived tables (plan-tables.ts), when the build worked them out: checked with the plan, as part of it.
  const head = { sourceHash: planHash(bytes), sourceSize: source.size, sourceMtimeMs: source.mtimeMs, textBytes: asciiTexts.length, plan: slim, ...(tables ? { tables: encodePlanTables(tables) } : {}) };
  // JSON.stringify writes no line break of its own: the first one ends the first line.
  return `${asciiJson(JSON.stringify(head))}\n${asciiTexts}`;
}

/**
 * JSON text with every character beyond ASCII written as a `\uXXXX` escape (the same JSON value):
 * read as Latin-1, an ASCII file is a one-byte string made without decoding UTF-8, which JSON.parse
 * also reads faster than a two-byte one (measured at start-up: about a quarter less work).
 */
function asciiJson(json: string): string {
  return json.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The text of `bytes` from `start` to `end`: as Latin-1 when it is ASCII (the build writes it so), else as UTF-8. */
function textOf(bytes: Buffer, start: number, end: number): string {
  return isAscii(bytes.subarray(start, end)) ? bytes.toString('latin1', start, end) : bytes.toString('utf8', start, end);
}

type Stored = Omit<PrebuiltPlan, 'plan'> & {
  textBytes: number;
  tables?: unknown;
  plan: Omit<Plan, 'targetsById' | 'goals' | 'measures'> & {
    goals: (Omit<Plan['goals'][number], 'targets'> & { targets: number[] })[];
    measures: (Omit<Measure, 'targets' | 'text' | 'summaryEn'> & { targets: number[] })[];
  };
};

/**
 * Reads the plan prebuilt from `planFile` at build time, or null when there is none or the file
 * has changed since: the caller then loads and checks the file itself. A file with the size and
 * modification time it had at build time is taken as unchanged; any other is compared by hash
 * (an installed copy keeps its bytes but not always its time).
 */
export function readPrebuiltPlan(prebuiltFile: string, planFile: string): Plan | null {
  let prebuilt: Stored;
  let bytes: Buffer;
  let end: number;
  try {
    bytes = readFileSync(prebuiltFile);
    end = bytes.indexOf(0x0a);
    if (end < 0) return null;
    prebuilt = JSON.parse(textOf(bytes, 0, end)) as Stored;
    // A second line cut short or grown is not the build's: the file is checked again.
    if (bytes.length - end - 1 !== prebuilt.textBytes) return null;
    const stat = statSync(planFile);
    const unchanged = stat.size === prebuilt.sourceSize && stat.mtimeMs === prebuilt.sourceMtimeMs;
    if (!unchanged && (stat.size !== prebuilt.sourceSize || prebuilt.sourceHash !== planHash(readFileSync(planFile)))) return null;
  } catch {
    return null;
  }
  const { plan } = prebuilt;
  let texts: string[][] | undefined;
  const textsOf = (i: number): string[] => {
    texts ??= JSON.parse(textOf(bytes, end + 1, bytes.length)) as string[][];
    return texts[i] ?? [];
  };
  const byIndex = (indexes: number[]): Target[] => indexes.map((i) => plan.targets[i] as Target);
  const read: Plan = {
    ...plan,
    goals: plan.goals.map((g) => ({ ...g, targets: byIndex(g.targets) })),
    measures: plan.measures.map((m, i) => withTexts({ ...m, targets: byIndex(m.targets) } as unknown as Measure, () => textsOf(i))),
    targetsById: new Map(plan.targets.map((t) => [t.id, t])),
  };
  const tables = prebuilt.tables === undefined ? undefined : decodePlanTables(prebuilt.tables, plan.targets.length);
  if (tables) keepPlanTables(read, tables);
  return read;
}

/** The measure with its texts read from `texts` when first asked for, in their places among its keys; assigning one makes it plain data. */
function withTexts(measure: Measure, texts: () => string[]): Measure {
  MEASURE_TEXTS.forEach((key, k) => {
    Object.defineProperty(measure, key, {
      enumerable: true,
      configurable: true,
      get: () => texts()[k] ?? '',
      set: (value: string) => Object.defineProperty(measure, key, { value, writable: true, enumerable: true, configurable: true }),
    });
  });
  return measure;
}
