/**
 * plancheck as a library: load a plan, read actuals, evaluate, lay the report out in any format,
 * and decide the exit code, without spawning the CLI. Documented in docs/api.md; a versioned contract.
 */
export { loadPlan, parsePlan, type PlanLoad } from './plan/load-plan.js';
export { readActuals, type Actuals, type ActualsInput, type ActualsSource, type Notice, type ReadActualsOptions } from './actuals/read-actuals.js';
export type { Encoding } from './actuals/decode.js';
export { evaluate, evaluateListed, type EvaluateOptions } from './evaluate/evaluate.js';
export type { ListedCell, ListedGrid, ListedMeta, ListedResults, RegionCells } from './report/listed-results.js';
export { resultOfCell } from './report/listed-results.js';
export { formatters, isFormatName, MACHINE_FORMATS, type FormatName } from './format/index.js';
export { outputToString, type FormatOptions, type FormatOutput, type Formatter } from './format/formatter.js';
export { EXIT, exitCode } from './report/exit-code.js';
export { FAIL_CONDITIONS, REPORT_SCHEMA_VERSION, STATUSES } from './report/types.js';
export type { FailCondition, Judgement, Policy, Progress, Reason, ReasonCode, Report, Result, Severity, Status, Tally } from './report/types.js';
export { KINDS, OPS } from './plan/types.js';
export type { Action, Baseline, Goal, Kind, Measure, Op, Plan, ProgressBands, Target } from './plan/types.js';
export { describeProblem, PlancheckError, type Problem } from './problem.js';
export { detectLang, formatMessage, type Lang, type MessageCode, type MessageParams } from './messages.js';
export { BUNDLED_PLAN, toolVersion } from './run.js';
