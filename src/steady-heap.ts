import { createRequire } from 'node:module';

/** Set by `allowSteadyHeap`: the flags a long read sets (`steadyHeap`). */
let allowed: string | null = null;
/** V8's module, loaded by the first `steadyHeap` that sets flags: a short run never loads it (it loads Node's stream modules). */
let v8: typeof import('node:v8') | undefined;

/**
 * Lets a long read keep V8's young generation at the size it has (`steadyHeap`): for a run that
 * keeps little per figure and nothing per result (a summary). A run that builds a result per
 * target and region is better served by the young generation's growth (fewer collections of
 * objects that live on), so it does not call this.
 */
export async function allowSteadyHeap(): Promise<void> {
  allowed = '--semi-space-growth-factor=1';
}

/**
 * Stops V8's young generation from growing for the rest of the process, when `allowSteadyHeap`
 * was called: so that a summary's peak memory does not grow with a large input. V8 doubles its
 * semi-spaces (up to 16 MB each) while a run allocates fast: a summary of 5M rows peaked at
 * 135 MB, 105 MB without the growth, for about 3-5 % more CPU time (measured at 1M rows, where
 * the saving is 82 → 70 MB: not asked for there, see read-csv-parallel.ts). Starting a worker
 * thread sets V8's flags (the process's, shared by every thread) back to the command line's at
 * a moment of the worker's own start: called again as the reading goes on. A few microseconds.
 */
export function steadyHeap(): void {
  if (!allowed) return;
  try {
    v8 ??= createRequire(import.meta.url)('node:v8') as typeof import('node:v8');
    v8.setFlagsFromString(allowed);
  } catch {
    // Only memory.
  }
}
