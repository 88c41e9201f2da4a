import { closeSync, openSync, readSync } from 'node:fs';

/**
 * The bytes of the file at `path` in chunks of `size` bytes, read synchronously: for a large
 * file this is several times faster than a read stream, whose every chunk costs a trip through
 * the thread pool and the event loop (about 0.5 s of a 170 MB file here, against 0.05 s). Each
 * chunk is a new buffer, so a reader may keep it. Errors (a missing file, a folder) are thrown
 * at the first read, as a stream throws them.
 */
export async function* fileChunks(path: string, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  yield* fileRange(path, null, Infinity, size);
}

/**
 * `fileChunks` of the bytes of a file from byte `start` up to byte `end` (or its end); from
 * where the last read left off when `start` is null (a FIFO has no positions). With `reuse`,
 * every chunk is the same buffer, overwritten by the next read: only for a reader that copies
 * what it keeps (the fast reader does), and spares the allocations and the garbage.
 */
export async function* fileRange(path: string, start: number | null, end = Infinity, size = 64 * 1024, reuse = false): AsyncGenerator<Uint8Array> {
  const fd = openSync(path, 'r');
  let position = start;
  const shared = reuse ? Buffer.allocUnsafe(size) : null;
  try {
    for (;;) {
      const want = position === null ? size : Math.min(size, end - position);
      if (want <= 0) return;
      const chunk = shared ?? Buffer.allocUnsafe(want);
      let read: number;
      try {
        read = readSync(fd, chunk, 0, want, position);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        // A non-blocking FIFO with nothing yet: wait a little rather than spin.
        await new Promise((resolve) => setTimeout(resolve, 10));
        continue;
      }
      if (read === 0) return;
      if (position !== null) position += read;
      // A shared buffer is as long as the longest read: only the bytes just read are given.
      yield read === chunk.length ? chunk : chunk.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}
