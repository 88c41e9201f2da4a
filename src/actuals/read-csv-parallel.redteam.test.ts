import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { miniPlan } from '../evaluate/plan.test-helper.js';
import type { Plan } from '../plan/types.js';
import { fileChunks } from '../file-chunks.js';
import { readActuals, type Actuals } from './read-actuals.js';

const plan = miniPlan();
const dir = mkdtempSync(join(tmpdir(), 'plancheck-redteam-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(text: string | Buffer, parallel: boolean): Promise<Actuals> {
  const path = join(dir, 'in.csv');
  writeFileSync(path, text);
  return readActuals([{ name: 'in.csv', path, open: () => fileChunks(path) }], plan, { parallel: parallel ? 1 : false });
}

function observable(actuals: Actuals, p: Plan): unknown {
  const figures = actuals.store.regionNames().flatMap((region) =>
    p.targets.flatMap((target) => actuals.store.series(region, target.index).map((f) => `${region}|${target.id}|${f.year}|${Object.is(f.value, -0) ? '-0' : f.value}|${f.source.file}:${f.source.row}`)),
  );
  return { regions: actuals.store.regionNames(), figures, problems: actuals.problems, problemCount: actuals.problemCount, notices: actuals.notices, warnings: actuals.warningCount, inputs: actuals.inputs };
}

const ids = plan.targets.map((target) => target.id);

function lines(regions: number): string[] {
  const out = ['region,id,year,value'];
  for (let r = 0; r < regions; r++) for (const id of ids) out.push(`区${r},${id},2025,${id === 'M2.5' ? '是' : String(3 + (r % 7) / 10)}`);
  return out;
}

/** Index (0-based, in `all`) of the first line of the worker's part, as splitPoint finds it. */
function workerFirst(all: string[], newline = '\n'): number {
  const text = all.join(newline) + newline;
  const size = Buffer.byteLength(text);
  const middle = Math.floor(size * 0.6);
  let at = 0;
  for (let i = 0; i < all.length; i++) {
    if (at > middle - 1 && i > 0) return i; // first line starting after byte middle-1 (a newline at or after middle)
    at += Buffer.byteLength((all[i] ?? '') + newline);
  }
  return all.length;
}

/** Replaces the worker's first line by `make(old)` (the split stays where it is: same length in bytes not needed, recomputed). */
function withWorkerFirst(regions: number, make: (old: string) => string, newline = '\n'): string {
  const all = lines(regions);
  for (let tries = 0; tries < 5; tries++) {
    const i = workerFirst(all, newline);
    const old = all[i] as string;
    all[i] = make(old.replace(/^\ufeff/, ''));
    if (workerFirst(all, newline) === i) break;
    all[i] = old;
  }
  return all.join(newline) + newline;
}

describe('red team: two threads against one', () => {
  it('a U+FEFF at the start of the worker part\'s first line is reported as one thread reports it', async () => {
    const text = withWorkerFirst(300, (old) => `\ufeff${old}`);
    const one = await read(text, false);
    expect(one.problems.some((p) => p.code === 'csv.bom-inside')).toBe(true);
    expect(observable(await read(text, true), plan)).toEqual(observable(one, plan));
  });
});
