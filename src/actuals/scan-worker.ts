// A worker thread (built as dist/bundle/scan-worker.cjs) that reads the second part of a large long-format file while the main
// thread reads the first (see read-csv-parallel.ts). It gets the file, the part's bounds, the
// layout and the plan's targets; it answers one message, a RangeScan (its arrays transferred),
// or { error } when it could not read the part.
import { parentPort, workerData } from 'node:worker_threads';
import { fileRange } from '../file-chunks.js';
import type { FastLongLayout } from './fast-long-reader.js';
import { scanRange, type RangePlan } from './scan-range.js';

/** What the main thread gives the worker. */
export interface ScanWorkerData {
  path: string;
  start: number;
  layout: FastLongLayout;
  plan: RangePlan;
}

/** Reads the part and answers: a function, not top-level await, so that the worker can be one CommonJS file. */
async function answer(data: ScanWorkerData): Promise<void> {
  try {
    // scanRange's reader copies what it keeps: one buffer serves every read.
    const scan = await scanRange(fileRange(data.path, data.start, undefined, undefined, true), data.layout, data.plan);
    // The arrays are plain ArrayBuffers (none is shared): moved, not copied; the slabs are the stores' own.
    const arrays = scan.segments.flatMap(({ store }) => [store.blockMap, store.blockSlab, store.blockAt, store.blockStatusSlab, store.blockStatusAt, store.blockKind, store.blockRows, store.rows, store.exactCells, store.exactValues, ...store.slabs, ...store.statusSlabs]);
    const buffers = arrays.map((array) => array.buffer as ArrayBuffer);
    parentPort?.postMessage(scan, buffers);
  } catch (error) {
    parentPort?.postMessage({ error: String((error as Error)?.message ?? error) });
  }
}

void answer(workerData as ScanWorkerData);
