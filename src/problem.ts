import { formatMessage, type Lang, type MessageCode, type MessageParams } from './messages.js';

/**
 * A located fault in something the user gave: a plan file or an actuals file.
 * For a CSV, `line` is the row as a spreadsheet shows it (header = row 1) and `column`
 * the 1-based column; for YAML they are the text position. `field` names the CSV column
 * header or the YAML path.
 */
export interface Problem {
  code: MessageCode;
  params: MessageParams;
  file: string;
  line?: number;
  column?: number;
  field?: string;
  /** The raw text the user wrote, when one cell or scalar is at fault. */
  value?: string;
}

/** A failure of the tool or of its input as a whole: thrown, caught by `run`, exit 2. */
export class PlancheckError extends Error {
  readonly code: MessageCode;
  readonly params: MessageParams;
  readonly problems: Problem[];

  constructor(code: MessageCode, params: MessageParams, problems: Problem[] = [], options?: { cause?: unknown }) {
    super(formatMessage(code, params, 'en'), options);
    this.name = 'PlancheckError';
    this.code = code;
    this.params = params;
    this.problems = problems;
  }
}

/** Renders a problem as `file:line:column: message` in `lang`. */
export function describeProblem(problem: Problem, lang: Lang): string {
  let where = problem.file;
  if (problem.line !== undefined) {
    where += `:${problem.line}`;
    if (problem.column !== undefined) where += `:${problem.column}`;
  }
  const field = problem.field ? ` [${problem.field}]` : '';
  return `${where}${field}: ${formatMessage(problem.code, problem.params, lang)}`;
}
