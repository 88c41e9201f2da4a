import { ENCODING_NAMES, type Encoding } from './actuals/decode.js';
import type { FormatName } from './format/load-formatter.js';
import type { ProgressBands } from './plan/types.js';
import type { FailCondition, Status } from './report/types.js';
import type { CheckOptions, CommonOptions, Io } from './run.js';
import type { OutputRequest } from './write-outputs.js';

/** Options of `plancheck check` as commander parses them (or the plain-check parser, for the forms it knows). */
export interface CheckFlags {
  asOf?: number;
  bands?: ProgressBands;
  failOn?: FailCondition[];
  requireComplete?: boolean;
  maxWarnings?: number;
  action?: number[];
  measure?: number[];
  status?: Status[];
  quiet?: boolean;
  encoding?: string;
  maxErrors: number;
  sheet?: string[];
  region?: string[];
  regionTargets?: string;
  color?: boolean;
  width?: number;
  sort?: 'plan' | 'status';
  by?: 'indicator' | 'region';
}

/** The options `runCheck` takes from the files, the parsed flags and the -f/-o pairs in their order. */
export function checkOptionsOf(files: string[], opts: CheckFlags, outputs: OutputRequest[], common: CommonOptions): CheckOptions {
  const encoding: Encoding | undefined = opts.encoding === undefined ? undefined : ENCODING_NAMES[opts.encoding];
  const failOn = new Set<FailCondition>(opts.failOn ?? ['not_met']);
  if (opts.requireComplete) failOn.add('no_data');
  const requested: OutputRequest[] = outputs.length > 0 ? outputs : [{ format: 'table' as FormatName }];
  return {
    ...common,
    files,
    outputs: requested,
    color: opts.color === false ? false : undefined,
    encoding,
    asOf: opts.asOf,
    bands: opts.bands,
    failOn: [...failOn],
    maxWarnings: opts.maxWarnings ?? null,
    action: opts.action,
    measure: opts.measure,
    status: opts.status,
    quiet: opts.quiet ?? false,
    maxErrors: opts.maxErrors,
    width: opts.width,
    sort: opts.sort,
    by: opts.by,
    sheets: opts.sheet,
    region: opts.region,
    regionTargets: opts.regionTargets,
  };
}

/** The runner of `check`, its module (the reader, the evaluation, the formats) loaded when it runs. */
export function runCheckOf(io: Io): (options: CheckOptions) => Promise<number> {
  return async (options) => (await import('./run.js')).runCheck(options, io);
}
