import { createRequire } from 'node:module';

/** Set by `allowSteadyHeap`: the flags a long read sets (`steadyHeap`). */
let allowed: string | null = null;
/** V8's module, loaded by the first `steadyHeap` that sets flags: a short run never loads it (it loads Node's stream modules). */
let v8: typeof import('node:v8') | undefined;
/** Whether a long read kept the young generation steady (`steadyHeap` called since it was allowed). */
let longRead = false;
/** V8's full collection, once `collectReadGarbage` found it. */
let collect: (() => void) | null = null;

/**
 * Lets a long read of the run about to start keep V8's young generation at the size it has
 * (`steadyHeap`), or not (`allow` false): allowed for a run that keeps little per figure and
 * nothing per result (a summary), and for a run that lists the results of a large file
 * (run.ts), which then sets it from its start. Most formats of such a run read the listed
 * results as they write (html and xlsx hold them all, measured no slower), and every page a
 * grown young generation touches first is time: on the bench's machine about 12 µs a page, so
 * that a table of 3,000 regions (933k rows) spent about 0.1 s of its 1.5 s on the young
 * generation's growth to 16 MB (25.5k page faults, 18k without; wall 1.47 → 1.38 s, medians of 8).
 */
export function allowSteadyHeap(allow = true): void {
  allowed = allow ? '--semi-space-growth-factor=1' : null;
  // Each run says for itself: a later run in the same process (the library's) starts afresh,
  // its young generation growing again (V8's default factor) when an earlier run stopped it,
  // until this run's `steadyHeap` stops it again.
  if (v8) {
    try {
      v8.setFlagsFromString('--semi-space-growth-factor=2');
    } catch {
      // Only memory.
    }
  }
  longRead = false;
}

/**
 * Stops V8's young generation from growing for the rest of the process, when `allowSteadyHeap`
 * was called: so that a summary's peak memory does not grow with a large input, and a large
 * listing touches no new pages for it. V8 doubles its
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
    longRead = true;
  } catch {
    // Only memory.
  }
}

/**
 * Collects the garbage a long read kept steady (`steadyHeap`) left in the old generation: what
 * outlived the small young generation, the grown arrays' old copies, the worker's message. V8
 * collects the old generation only once it has grown past a limit that a run this size rarely
 * reaches, so that garbage would stay to the end of the run, beside whatever the run allocates
 * next. Called where the memory is about to be needed (see read-csv-parallel.ts and run.ts). One
 * full collection (about 10 ms at 5M rows) in a run of a second or more; nothing when no long
 * read kept the heap steady.
 */
export async function collectReadGarbage(): Promise<void> {
  if (!longRead || !v8) return;
  try {
    // `gc` is given to a context made while the flag is set; the flag is then set back.
    if (!collect) {
      const { runInNewContext } = await import('node:vm');
      v8.setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('gc');
      v8.setFlagsFromString('--no-expose-gc');
      collect = typeof gc === 'function' ? (gc as () => void) : () => {};
    }
    collect();
  } catch {
    // Only memory.
  }
}
