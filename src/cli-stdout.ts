import { fstatSync, statSync, writeSync } from 'node:fs';
import type { TextSink } from './run.js';

type Listener = (error?: Error) => void;
type SinkEvent = 'drain' | 'close' | 'error';

/** A stdout that takes text and bytes alike, as process.stdout does. */
export interface StdoutSink extends TextSink {
  write(piece: string | Uint8Array): boolean;
}

/**
 * True when file descriptor `fd` is a regular file or the null device: there Node's own stdout
 * is a stream that only calls `writeSync` (a SyncWriteStream), so writing directly is the same
 * bytes in the same order. A terminal, a pipe or a socket is left to Node's stream.
 */
export function writesDirectly(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    return stat.isFile() || (stat.isCharacterDevice() && stat.rdev === statSync('/dev/null').rdev);
  } catch {
    return false;
  }
}

/**
 * The process's stdout written with `writeSync` to `fd` while every write succeeds, without
 * loading and building Node's stream (about 2 % of a one-region check's start-up). The first
 * write that fails hands its unwritten bytes, and everything after, to the stream `fallback()`
 * opens: the stream then meets the failure itself and reports it as it always does (its
 * `errored`, `destroyed` and 'error' event, listeners added here before moving with it).
 */
export function directStdout(fd: number, fallback: () => StdoutSink): StdoutSink {
  let stream: StdoutSink | undefined;
  const listeners: [SinkEvent, Listener][] = [];
  const open = (): StdoutSink => {
    if (!stream) {
      stream = fallback();
      for (const [event, listener] of listeners.splice(0)) stream.once?.(event, listener);
    }
    return stream;
  };
  const sink: StdoutSink = {
    write(piece: string | Uint8Array): boolean {
      if (stream) return stream.write(piece);
      let bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      try {
        // A regular file may take part of a write (a disk filling up): the rest is written next.
        while (bytes.length > 0) bytes = bytes.subarray(writeSync(fd, bytes));
        return true;
      } catch {
        return open().write(bytes);
      }
    },
    isTTY: false,
    once(event: SinkEvent, listener: Listener) {
      if (stream) stream.once?.(event, listener);
      else listeners.push([event, listener]);
      return sink;
    },
    removeListener(event: SinkEvent, listener: Listener) {
      if (stream) stream.removeListener?.(event, listener);
      else {
        const at = listeners.findIndex(([e, l]) => e === event && l === listener);
        if (at >= 0) listeners.splice(at, 1);
      }
      return sink;
    },
    get destroyed() {
      return stream?.destroyed ?? false;
    },
    get errored() {
      return stream?.errored ?? null;
    },
    // A write here is done when it returns: any chunk may be written as it is (write-outputs.ts
    // copies one only when a stream could keep it queued).
    get writableHighWaterMark() {
      return stream ? stream.writableHighWaterMark : 1;
    },
  };
  return sink;
}
