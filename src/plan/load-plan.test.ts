import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPlan, parsePlan } from './load-plan.js';

const broken = (name: string): string => new URL(`../../fixtures/plans/broken/${name}`, import.meta.url).pathname;

function codes(name: string) {
  const { plan, problems } = loadPlan(broken(name));
  expect(plan).toBeNull();
  return problems.map((p) => ({ code: p.code, line: p.line, column: p.column, field: p.field }));
}

describe('loadPlan on broken files: every problem, located, never a throw', () => {
  it('YAML syntax error', () => {
    expect(codes('syntax-error.yaml')).toEqual([{ code: 'plan.yaml-syntax', line: 5, column: 3, field: undefined }]);
  });

  it('schema violations: unknown key, wrong type, misspelt enum, all at once', () => {
    expect(codes('schema-violation.yaml')).toEqual([
      { code: 'plan.unknown-key', line: 12, column: 5, field: 'measures.0' },
      { code: 'plan.schema', line: 14, column: 99, field: 'measures.0.targets.0.value' },
      { code: 'plan.schema', line: 15, column: 58, field: 'measures.0.targets.1.kind' },
    ]);
  });

  it('semantic errors: duplicate id, gap in numbering, reversed range, deadline outside the period', () => {
    const found = codes('semantic-errors.yaml').map((p) => `${p.code}@${p.line}`);
    expect(found).toEqual(
      expect.arrayContaining(['plan.duplicate-id@14', 'plan.measure-gap@15', 'plan.range-order@18', 'plan.year-outside-period@18']),
    );
  });

  it('duplicate YAML key', () => {
    expect(codes('duplicate-key.yaml')).toEqual([{ code: 'plan.duplicate-key', line: 12, column: 5, field: undefined }]);
  });

  it('alias bomb is refused quickly', () => {
    const started = process.hrtime.bigint();
    expect(codes('alias-bomb.yaml').map((p) => p.code)).toEqual(['plan.alias-limit']);
    // A guard against expansion, not a timing assertion: expansion would take minutes.
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(10);
  });

  it('empty file, binary file, a list at the top', () => {
    expect(codes('empty.yaml').map((p) => p.code)).toEqual(['plan.empty']);
    expect(codes('not-yaml.yaml').map((p) => p.code)).toEqual(['plan.not-text']);
    expect(codes('top-level-list.yaml').map((p) => p.code)).toEqual(['plan.not-a-mapping']);
  });

  it('a missing file is a tool failure with a message, not a crash', () => {
    expect(() => loadPlan(broken('nope.yaml'))).toThrow(/cannot read file/);
  });

  it('__proto__ keys neither pollute prototypes nor pass the schema', () => {
    const { plan, problems } = parsePlan('__proto__: { polluted: true }\nschemaVersion: 1\n', 'x.yaml');
    expect(plan).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(problems.some((p) => p.code === 'plan.unknown-key' && p.params.key === '__proto__')).toBe(true);
  });
});

describe('the mini plan', () => {
  it('loads with every target indexed in file order', () => {
    const text = readFileSync(new URL('../../fixtures/plans/mini.yaml', import.meta.url), 'utf8');
    const { plan, problems } = parsePlan(text, 'mini.yaml');
    expect(problems).toEqual([]);
    expect(plan?.targets.map((t) => t.id)).toEqual(['G1.1', 'M1.1', 'M1.2', 'M1.3', 'M2.1', 'M2.2', 'M2.3', 'M2.4', 'M2.5', 'M2.6', 'M2.7', 'M2.8']);
    expect(plan?.targets.every((t, i) => t.index === i)).toBe(true);
    expect(plan?.measures[2]?.qualitative).toBe(true);
  });
});
