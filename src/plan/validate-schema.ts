import { createRequire } from 'node:module';
import { schemaWordsZh } from './plan-fault-words.js';
import type Ajv2020Module from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import localizeZhModule from 'ajv-i18n/localize/zh/index.js';
import { packagePath } from '../package-root.js';
import { targetsSchema } from './targets-schema.js';

/** One place where a plan document breaks the schema. */
export interface SchemaIssue {
  path: (string | number)[];
  message: string;
  /** The same in Chinese. */
  messageZh: string;
  /** Set when the fault is a key the schema does not know. */
  unknownKey?: string;
}

// ajv-i18n is CommonJS (`module.exports = localize`) but its types declare an ES default export.
const localizeZh = localizeZhModule as unknown as (errors: ErrorObject[]) => void;

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    const require = createRequire(import.meta.url);
    try {
      // Precompiled at build time (scripts/build-validator.mjs); compiling here is the fallback.
      compiled = require(packagePath('dist', 'targets-validator.cjs')) as ValidateFunction;
    } catch {
      const Ajv2020 = (require('ajv/dist/2020.js') as typeof Ajv2020Module).default;
      compiled = new Ajv2020({ allErrors: true, strict: true }).compile(targetsSchema);
    }
  }
  return compiled;
}

/** Checks a parsed plan document against the targets schema; returns every issue found. */
export function validatePlanSchema(data: unknown): SchemaIssue[] {
  const validate = validator();
  if (validate(data)) return [];
  const issues: SchemaIssue[] = [];
  // Alternatives (a number or a [low, high] pair) fail once each at one path: say it once.
  const byPath = new Map<string, SchemaIssue>();
  const errors = validate.errors ?? [];
  const chinese = errors.map((error) => ({ ...error, params: { ...error.params } }));
  localizeZh(chinese);
  for (const [i, error] of errors.entries()) {
    const issue = toIssue(error, schemaWordsZh(chinese[i]?.message ?? ''));
    if (!issue) continue;
    if (issue.unknownKey !== undefined) {
      issues.push(issue);
      continue;
    }
    const key = issue.path.join('/');
    const earlier = byPath.get(key);
    if (!earlier) {
      byPath.set(key, issue);
      issues.push(issue);
    } else if (!earlier.message.includes(issue.message)) {
      earlier.message += ` or ${issue.message.replace(/^must be /, '')}`;
      earlier.messageZh += `,或${issue.messageZh}`;
    }
  }
  return issues;
}

function toIssue(error: ErrorObject, messageZh: string): SchemaIssue | undefined {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  switch (error.keyword) {
    case 'additionalProperties':
      return { path, message: 'unknown key', messageZh, unknownKey: String(error.params.additionalProperty) };
    case 'oneOf':
      // The branches' own errors say more; this summary only repeats them.
      return undefined;
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
      return { path, message: `must be one of ${allowed}`, messageZh: `应当是以下之一:${allowed}` };
    }
    case 'required':
      return { path, message: `missing required key "${String(error.params.missingProperty)}"`, messageZh };
    default:
      return { path, message: error.message ?? error.keyword, messageZh };
  }
}
