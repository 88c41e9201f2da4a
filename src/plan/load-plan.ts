import { dirname, resolve } from 'node:path';
import { parseFailureWords, topLevelWords, yamlSyntaxWords } from './plan-fault-words.js';
import YAML, { isMap, isNode, isPair, isScalar, LineCounter, type Document, type Node } from 'yaml';
import { ioReason, PlancheckError, type Problem } from '../problem.js';
import { readFileBounded } from '../read-bounded.js';
import { checkPlanShape, type RawPlan } from './check-plan.js';
import { decodePlan } from './decode-plan.js';
import { validatePlanSchema, type SchemaIssue } from './validate-schema.js';
import type { Plan } from './types.js';

/** Plan files larger than this are refused before parsing (documented in docs/targets-format.md). */
export const PLAN_SIZE_LIMIT = 4 * 1024 * 1024;

/** How many YAML syntax errors are reported before the rest are left unsaid. */
const MAX_SYNTAX_ERRORS = 20;

/** How many alias expansions a plan may use; a real plan needs none. */
const MAX_ALIAS_COUNT = 100;

/** The outcome of reading a plan: the plan when it is valid, and every problem found. */
export interface PlanLoad {
  plan: Plan | null;
  problems: Problem[];
}

/** Maps a path inside the YAML document to a line and column, for messages. */
export type Locate = (path: readonly (string | number)[], key?: string) => { line: number; column: number } | undefined;

/** Parses and checks the text of a plan file named `file`; never throws on bad input. */
export function parsePlan(text: string, file: string): PlanLoad {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = YAML.parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true, strict: true });
  } catch (error) {
    // The parser recurses; absurd nesting exhausts the stack.
    return fail(file, 'plan.yaml-syntax', { ...parseFailureWords(error) });
  }
  if (text.includes('\u0000')) return fail(file, 'plan.not-text', {});
  const problems: Problem[] = [];
  // A broken structure (10,000 unclosed brackets) cascades: the first errors say all there is.
  for (const error of doc.errors.slice(0, MAX_SYNTAX_ERRORS)) {
    const pos = error.linePos?.[0];
    const isDuplicate = error.code === 'DUPLICATE_KEY';
    problems.push({
      code: isDuplicate ? 'plan.duplicate-key' : 'plan.yaml-syntax',
      params: isDuplicate ? { key: duplicateKeyAt(text, error.pos[0]) } : { ...yamlSyntaxWords(error.message, error.code) },
      file,
      line: pos?.line,
      column: pos?.col,
    });
  }
  if (problems.length > 0) return { plan: null, problems };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) return fail(file, 'plan.alias-limit', {});
    return fail(file, 'plan.yaml-syntax', { ...parseFailureWords(error) });
  }
  if (data === null || data === undefined) return fail(file, 'plan.empty', {});
  if (typeof data !== 'object' || Array.isArray(data)) {
    return fail(file, 'plan.not-a-mapping', topLevelWords(data), 1, 1);
  }

  const locate = locator(doc, lineCounter);
  const schemaIssues = validatePlanSchema(data);
  if (schemaIssues.length > 0) {
    return { plan: null, problems: schemaIssues.map((issue) => schemaProblem(issue, file, locate)) };
  }
  return checkPlanShape(data as RawPlan, file, locate);
}

/**
 * Reads and checks the plan file at `path`; throws PlancheckError only when it cannot be read.
 * The read stops at PLAN_SIZE_LIMIT whatever the file is (a FIFO, `/dev/zero`, a growing file).
 */
export function loadPlan(path: string): PlanLoad {
  let bytes: Buffer;
  try {
    bytes = readFileBounded(path, PLAN_SIZE_LIMIT, (error) => new PlancheckError('file.unreadable', { file: path, ...ioReason(error) }, [], { cause: error }));
  } catch (error) {
    if (error instanceof PlancheckError && error.code === 'file.over-limit') return fail(path, error.code, error.params);
    throw error;
  }
  const decoded = decodePlan(bytes, path);
  if (!decoded.ok) return { plan: null, problems: [decoded.problem] };
  let text = decoded.text;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const result = parsePlan(text, path);
  if (result.plan?.source) result.plan.source = resolve(dirname(path), result.plan.source);
  return result;
}

function fail(file: string, code: Problem['code'], params: Problem['params'], line?: number, column?: number): PlanLoad {
  return { plan: null, problems: [{ code, params, file, line, column }] };
}

function schemaProblem(issue: SchemaIssue, file: string, locate: Locate): Problem {
  const where = locate(issue.path, issue.unknownKey);
  const field = issue.path.length > 0 ? issue.path.join('.') : '(root)';
  if (issue.unknownKey !== undefined) {
    return { code: 'plan.unknown-key', params: { field, key: issue.unknownKey }, file, field, ...where };
  }
  return { code: 'plan.schema', params: { field, reason: issue.message, reasonZh: issue.messageZh }, file, field, ...where };
}

function locator(doc: Document.Parsed, lineCounter: LineCounter): Locate {
  return (path, key) => {
    // Walk up until a node exists: a missing property is reported at its parent.
    for (let depth = path.length; depth >= 0; depth--) {
      const node: unknown = doc.getIn(path.slice(0, depth), true);
      if (!isNode(node)) continue;
      let target: Node = node;
      if (key !== undefined && depth === path.length && isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
        if (pair && isNode(pair.key)) target = pair.key;
      }
      const offset = target.range?.[0];
      if (offset === undefined) continue;
      const pos = lineCounter.linePos(offset);
      return { line: pos.line, column: pos.col };
    }
    return undefined;
  };
}

function duplicateKeyAt(text: string, offset: number): string {
  const match = /^[^:\n]*/.exec(text.slice(offset));
  return (match?.[0] ?? '').trim() || '?';
}


