import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Runs in a process of its own (the built dist/steady-heap.js: `npm test` builds first): V8's
// flags are the process's, and this test process's young generation has grown already.
const module = new URL('../dist/steady-heap.js', import.meta.url).href;

/** The young generation's size (MB) after a churn of short-lived objects, with what `setup` did first. */
function youngAfterChurn(setup: string): number {
  const script = `
    const v8 = await import('node:v8');
    const { allowSteadyHeap, steadyHeap } = await import(${JSON.stringify(module)});
    ${setup}
    const keep = [];
    for (let i = 0; i < 2e6; i++) { const o = { a: i, b: [i] }; if (i % 10 === 0) keep.push(o); if (keep.length > 20000) keep.length = 0; }
    console.log(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 2 ** 20);`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return Number(run.stdout.trim());
}

describe('a steady heap', () => {
  it('keeps the young generation at its starting size once allowed and set, and only then', () => {
    expect(youngAfterChurn('allowSteadyHeap(); steadyHeap();')).toBeLessThanOrEqual(4);
    // Neither allowed (a run with detail) nor set (no long read): V8 grows it as it likes.
    expect(youngAfterChurn('steadyHeap();')).toBeGreaterThan(8);
    expect(youngAfterChurn('allowSteadyHeap();')).toBeGreaterThan(8);
    // A later run that allows none grows it again, after one that stopped it.
    expect(youngAfterChurn('allowSteadyHeap(); steadyHeap(); allowSteadyHeap(false);')).toBeGreaterThan(8);
    // And so does a later run that allows one but reads nothing long (a short summary): its own `steadyHeap` would stop it.
    expect(youngAfterChurn('allowSteadyHeap(); steadyHeap(); allowSteadyHeap();')).toBeGreaterThan(8);
  });
});

/** What a process prints after `setup`, then dropping an object and calling collectReadGarbage: whether the object was collected, and whether `gc` is exposed to a new context. */
function afterCollect(setup: string): { collected: boolean; gcExposed: boolean } {
  const script = `
    const { runInNewContext } = await import('node:vm');
    const { allowSteadyHeap, steadyHeap, collectReadGarbage } = await import(${JSON.stringify(module)});
    ${setup}
    let held = { payload: new Array(1000).fill(7) };
    const ref = new WeakRef(held);
    held = null;
    // A WeakRef's target is kept for the job that made it: the collection comes in a later one.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await collectReadGarbage();
    console.log(JSON.stringify({ collected: ref.deref() === undefined, gcExposed: runInNewContext('typeof gc') !== 'undefined' }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout.trim()) as { collected: boolean; gcExposed: boolean };
}

describe('collecting what a long read left', () => {
  it('collects the old garbage after a long read kept the heap steady, and leaves no gc function behind', () => {
    expect(afterCollect('allowSteadyHeap(); steadyHeap();')).toEqual({ collected: true, gcExposed: false });
  });

  it('does nothing in a run that allowed no steady heap or read nothing long', () => {
    // Nothing else allocates here: without a collection of its own, the object is still there.
    expect(afterCollect('steadyHeap();').collected).toBe(false);
    expect(afterCollect('allowSteadyHeap();').collected).toBe(false);
    // A run after a long one, in the same process, that allows no steady heap (a table, say).
    expect(afterCollect('allowSteadyHeap(); steadyHeap(); allowSteadyHeap(false);').collected).toBe(false);
  });
});
