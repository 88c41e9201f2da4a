import { randomBytes } from 'node:crypto';
import { chmod, lstat, open, readlink, realpath, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { PlancheckError } from './problem.js';
import type { Io } from './run.js';
import { batches, isChunkOutput, sinkEnded, textOf, watchErrors, writeDrained, writeReason, type RenderedOutput } from './write-outputs.js';

/** How many symbolic links are followed before the path is taken for a loop (as Linux does). */
const MAX_LINKS = 40;

/**
 * Writes one output to a file: a regular file atomically (a temporary file beside it, recorded in
 * `temps` for the signal handler, then a rename), a device or FIFO in place, /dev/stdout and
 * /dev/stderr to our own streams. Loaded only by runs that write files.
 */
export async function writeFileOutput(path: string, text: RenderedOutput, io: Io, temps: Set<string>, pause: number): Promise<void> {
  const failed = (error: unknown): PlancheckError =>
    new PlancheckError('file.write-failed', { file: path, ...writeReason(error) }, [], { cause: error });
  let target: string;
  let existing: Awaited<ReturnType<typeof stat>> | undefined;
  let fd: number | null;
  try {
    // /dev/stdout and /dev/stderr are our own streams, as a shell takes them: opening them anew
    // would truncate a file the caller appends to, and renaming over them would replace the link.
    fd = await descriptorAlias(path);
    if (fd === 1 || fd === 2) {
      // Bytes (a workbook) never go to a terminal stream.
      if (text instanceof Uint8Array) throw new Error('a workbook cannot be written to standard output or error');
      const sink = fd === 1 ? io.stdout : io.stderr;
      const watch = watchErrors(sink);
      try {
        for (const piece of batches(textOf(text))) {
          await writeDrained(sink, piece);
          if (sinkEnded(sink, watch.error)) break;
        }
      } finally {
        watch.stop();
      }
      return;
    }
    existing = await stat(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (existing?.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    target = fd !== null ? path : existing === undefined ? await followLinks(path) : existing.isFile() ? await realpath(path) : path;
  } catch (error) {
    // Our own stdout failing is said as such, not as a failure to write "/dev/stdout".
    if (error instanceof PlancheckError && error.code === 'output.stdout-failed') throw error;
    throw failed(error);
  }
  if (fd !== null || (existing && !existing.isFile())) {
    // A device (/dev/full, /dev/null) or a FIFO is written in place: renaming over it would
    // replace it with a regular file.
    try {
      await writeTo(target, 'w', text, pause);
    } catch (error) {
      throw failed(error);
    }
    return;
  }
  // A short name, whatever the output's: a 250-byte file name still has a temporary file.
  const temp = join(dirname(target), `.plancheck-${randomBytes(4).toString('hex')}.tmp`);
  temps.add(temp);
  try {
    await writeTo(temp, 'wx', text, pause);
    if (existing) await chmod(temp, existing.mode & 0o7777);
    await rename(temp, target);
    temps.delete(temp);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    temps.delete(temp);
    throw failed(error);
  }
}

/** The descriptor a path stands for (/dev/stdout, /dev/fd/2, /proc/self/fd/1), through symlinks, or null. */
async function descriptorAlias(path: string): Promise<number | null> {
  let current = resolve(path);
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    const match = /^\/(?:dev\/fd|proc\/(?:self|thread-self|(\d+))\/fd)\/(\d+)$/.exec(current);
    if (match && (match[1] === undefined || Number(match[1]) === process.pid)) return Number(match[2]);
    try {
      if (!(await lstat(current)).isSymbolicLink()) return null;
      current = resolve(dirname(current), await readlink(current));
    } catch {
      return null;
    }
  }
  return null;
}

/** Writes `output` to `file` opened with `flag` piece by piece, pausing halfway through the first piece when the test hook asks. */
async function writeTo(file: string, flag: string, output: RenderedOutput, pause: number): Promise<void> {
  const handle = await open(file, flag, 0o666);
  try {
    let first = pause > 0;
    // Chunks are written as they come: each is written before the next is asked for, as they share a buffer.
    for (const piece of output instanceof Uint8Array ? [output] : isChunkOutput(output) ? output.chunks : batches(output)) {
      if (first) {
        first = false;
        const half = Math.floor(piece.length / 2);
        await handle.writeFile(piece.slice(0, half));
        await new Promise((resolvePause) => setTimeout(resolvePause, pause));
        await handle.writeFile(piece.slice(half));
      } else {
        await handle.writeFile(piece);
      }
    }
  } finally {
    await handle.close();
  }
}

/** The file a path names that does not exist yet: symlinks followed to where the file is to be. */
async function followLinks(path: string): Promise<string> {
  let current = path;
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    let st;
    try {
      st = await lstat(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return current;
      throw error;
    }
    if (!st.isSymbolicLink()) return current;
    current = resolve(dirname(current), await readlink(current));
  }
  throw Object.assign(new Error('ELOOP'), { code: 'ELOOP' });
}
