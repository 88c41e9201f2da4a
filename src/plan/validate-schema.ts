import Ajv2020Module from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { targetsSchema } from './targets-schema.js';

/** One place where a plan document breaks the schema. */
export interface SchemaIssue {
  path: (string | number)[];
  message: string;
  /** Set when the fault is a key the schema does not know. */
  unknownKey?: string;
}

// ajv is CommonJS; under NodeNext its default import is the module object, whose `default` is the class.
const Ajv2020 = Ajv2020Module.default;

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  // Compiled on first use only: commands that never read a user's plan skip the cost.
  if (!compiled) compiled = new Ajv2020({ allErrors: true, strict: true }).compile(targetsSchema);
  return compiled;
}

/** Checks a parsed plan document against the targets schema; returns every issue found. */
export function validatePlanSchema(data: unknown): SchemaIssue[] {
  const validate = validator();
  if (validate(data)) return [];
  const issues: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const issue = toIssue(error);
    if (!issue) continue;
    const key = `${issue.path.join('/')}|${issue.unknownKey ?? issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}

function toIssue(error: ErrorObject): SchemaIssue | undefined {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  switch (error.keyword) {
    case 'additionalProperties':
      return { path, message: 'unknown key', unknownKey: String(error.params.additionalProperty) };
    case 'oneOf':
      // The branches' own errors say more; this summary only repeats them.
      return undefined;
    case 'enum':
      return { path, message: `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'required':
      return { path, message: `missing required key "${String(error.params.missingProperty)}"` };
    default:
      return { path, message: error.message ?? error.keyword };
  }
}
