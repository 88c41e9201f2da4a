import { KINDS, OPS } from './types.js';

const text = { type: 'string', minLength: 1 } as const;
const year = { type: 'integer', minimum: 1900, maximum: 2200 } as const;

const target = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'indicator', 'indicator_en', 'kind', 'op', 'unit', 'year', 'quote'],
  properties: {
    id: { type: 'string', pattern: '^[MG][0-9]+\\.[0-9]+$', description: 'M<measure>.<n> or G<goal>.<n>' },
    indicator: text,
    indicator_en: text,
    kind: { enum: [...KINDS] },
    op: { enum: [...OPS] },
    value: {
      oneOf: [
        { type: 'number' },
        { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
      ],
    },
    unit: { type: 'string', description: 'as the text writes it; "" for a pure number' },
    year,
    soft: { type: 'boolean' },
    baseline: {
      type: 'object',
      additionalProperties: false,
      required: ['value', 'year'],
      properties: { value: { type: 'number' }, year },
    },
    tolerance: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
    figure: text,
    quote: text,
    note: text,
    aggregate: {
      type: 'string',
      pattern: '^(sum|mean|none|weighted:.+)$',
      description: 'how regional figures add up: sum | mean | weighted:<weight or target id> | none (required when the plan has `regions`)',
    },
  },
} as const;

const targets = { type: 'array', items: target } as const;

/** The JSON Schema (2020-12) of a targets file, format version 1. */
export const targetsSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:plancheck:schema:targets:1',
  title: 'plancheck targets file',
  description: 'A government action plan with its quantitative targets; see docs/targets-format.md',
  type: 'object',
  additionalProperties: false,
  required: ['schemaVersion', 'plan', 'measures'],
  properties: {
    schemaVersion: { const: 1 },
    plan: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'title', 'period', 'baseline_year'],
      properties: {
        id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
        title: text,
        title_en: text,
        issuer: text,
        issuer_en: text,
        period: {
          type: 'object',
          additionalProperties: false,
          required: ['start', 'end'],
          properties: { start: year, end: year },
        },
        baseline_year: year,
        source: text,
        approx_tolerance: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
        progress_bands: {
          type: 'object',
          additionalProperties: false,
          required: ['on_track', 'moderate'],
          properties: {
            on_track: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
            moderate: { type: 'number', minimum: 0, maximum: 1 },
          },
        },
      },
    },
    regions: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      description: 'present when the plan is carried out by regions (towns); see docs/regions.md',
      properties: {
        name: text,
        name_en: text,
        aliases: { type: 'array', items: text },
        units: { type: 'array', items: text },
        weights: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name', 'unit'],
            properties: { name: text, name_en: text, unit: { type: 'string' } },
          },
        },
        roll_up_tolerance: { type: 'number', minimum: 0, maximum: 1 },
      },
    },
    actions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['number', 'title', 'measures'],
        properties: {
          number: { type: 'integer', minimum: 1 },
          title: text,
          title_en: text,
          measures: { type: 'array', items: { type: 'integer', minimum: 1 }, minItems: 2, maxItems: 2 },
        },
      },
    },
    goals: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['number', 'title', 'targets'],
        properties: {
          number: { type: 'integer', minimum: 1 },
          title: text,
          title_en: text,
          text,
          qualitative: { type: 'boolean' },
          targets,
        },
      },
    },
    measures: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['number', 'text', 'targets'],
        properties: {
          number: { type: 'integer', minimum: 1 },
          action: { type: 'integer', minimum: 1 },
          summary_en: text,
          text,
          qualitative: { type: 'boolean' },
          targets,
        },
      },
    },
  },
} as const;
