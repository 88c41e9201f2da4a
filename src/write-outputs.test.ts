import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { PlancheckError } from './problem.js';
import type { Io } from './run.js';
import { keepsNoChunk, writeDrained, writeOutputs } from './write-outputs.js';

const root = mkdtempSync(join(tmpdir(), 'plancheck-write-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dir: string;
let n = 0;
beforeEach(() => {
  dir = join(root, `case-${++n}`);
  mkdirSync(dir);
});

const io: Io = { stdout: { write: () => true }, stderr: { write: () => true }, stdin: (async function* () {})(), env: {} };
const write = (path: string, text = 'report\n') => writeOutputs([{ format: 'json', path, text }], io);

async function failure(promise: Promise<unknown>): Promise<PlancheckError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PlancheckError) return error;
    throw error;
  }
  throw new Error('the write did not fail');
}

describe('writeOutputs: no write destroys data or leaves litter', () => {
  it('replaces a regular file whole and keeps its permissions', async () => {
    const out = join(dir, 'out.json');
    writeFileSync(out, 'old');
    chmodSync(out, 0o640);
    await write(out, 'new\n');
    expect(readFileSync(out, 'utf8')).toBe('new\n');
    expect(statSync(out).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('writes the target of a symlink and keeps the link, dangling or not', async () => {
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'out.json'), 'old');
    symlinkSync(join('real', 'out.json'), join(dir, 'link.json'));
    symlinkSync(join('real', 'new.json'), join(dir, 'dangling.json'));
    await write(join(dir, 'link.json'), 'one\n');
    await write(join(dir, 'dangling.json'), 'two\n');
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.json'))).toBe(join('real', 'out.json'));
    expect(lstatSync(join(dir, 'dangling.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real', 'out.json'), 'utf8')).toBe('one\n');
    expect(readFileSync(join(dir, 'real', 'new.json'), 'utf8')).toBe('two\n');
    expect(readdirSync(join(dir, 'real')).sort()).toEqual(['new.json', 'out.json']);
  });

  it('refuses an existing directory with no temporary file left anywhere', async () => {
    mkdirSync(join(dir, 'reports'));
    const error = await failure(write(join(dir, 'reports')));
    expect(error.code).toBe('file.write-failed');
    expect(error.params).toMatchObject({ file: join(dir, 'reports'), reason: 'it is a directory' });
    expect(readdirSync(dir)).toEqual(['reports']);
    expect(readdirSync(join(dir, 'reports'))).toEqual([]);
  });

  it('says a missing folder is missing, and creates nothing', async () => {
    const error = await failure(write(join(dir, 'nope', 'out.json')));
    expect(error.params).toMatchObject({ reason: 'its folder does not exist', reasonZh: '所在的文件夹不存在' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes a file whose name is 250 bytes long (the temporary name is short)', async () => {
    const name = `${'报'.repeat(80)}.json`; // 80 × 3 bytes + 5 = 245 bytes
    expect(Buffer.byteLength(name)).toBe(245);
    await write(join(dir, name), 'long\n');
    expect(readdirSync(dir)).toEqual([name]);
  });

  it('words a name longer than the file system allows', async () => {
    const error = await failure(write(join(dir, `${'a'.repeat(300)}.json`)));
    expect(error.params).toMatchObject({ reason: 'the file name or path is too long', reasonZh: '文件名或路径过长' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes into a FIFO directly, leaving it a FIFO', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const chunks: Buffer[] = [];
    const reading = new Promise<void>((resolve, reject) => {
      createReadStream(fifo).on('data', (chunk) => chunks.push(Buffer.from(chunk))).on('end', resolve).on('error', reject);
    });
    await write(fifo, 'through the pipe\n');
    await reading;
    expect(Buffer.concat(chunks).toString()).toBe('through the pipe\n');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['pipe']);
  });

  it('removes its signal handlers when done', async () => {
    const before = process.listenerCount('SIGINT') + process.listenerCount('SIGTERM');
    await write(join(dir, 'out.json'));
    expect(process.listenerCount('SIGINT') + process.listenerCount('SIGTERM')).toBe(before);
  });
});

describe('stdout: a full buffer is waited out (a pipe to a slower reader), never queued without end', () => {
  /** A stream-like sink: says "full" after every write, and drains (or closes) when told. */
  function slowSink() {
    const events = new EventEmitter();
    const log: string[] = [];
    const sink = {
      destroyed: false,
      write: (text: string) => {
        log.push(`write ${text.length}`);
        return false;
      },
      once: (event: 'drain' | 'close' | 'error', listener: () => void) => events.once(event, listener),
      removeListener: (event: 'drain' | 'close' | 'error', listener: () => void) => events.removeListener(event, listener),
    };
    return { sink, events, log };
  }

  it('the next piece is written only after the last one drained, and no listener is left behind', async () => {
    const { sink, events, log } = slowSink();
    const first = writeDrained(sink, 'aa');
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['write 2']);
    events.emit('drain');
    await first;
    const second = writeDrained(sink, 'bbb');
    log.push('drain');
    events.emit('drain');
    await second;
    expect(log).toEqual(['write 2', 'write 3', 'drain']);
    expect(events.listenerCount('drain') + events.listenerCount('close') + events.listenerCount('error')).toBe(0);
  });

  it('a sink that closes or fails while waited on ends the wait; a destroyed one is not waited on', async () => {
    const closing = slowSink();
    const closed = writeDrained(closing.sink, 'x');
    closing.events.emit('close');
    await closed;
    const failing = slowSink();
    const failed = writeDrained(failing.sink, 'x');
    failing.events.emit('error');
    await failed;
    const gone = slowSink();
    gone.sink.destroyed = true;
    await writeDrained(gone.sink, 'x');
    expect(gone.log).toEqual(['write 1']);
  });

  it('a report to stdout is written piece by piece, each after the one before drained', async () => {
    const { sink, events, log } = slowSink();
    // Five pieces of 40,000 characters, gathered into writes of at least 64 K: 80,000, 80,000, 40,000.
    const text = Array.from({ length: 5 }, () => 'y'.repeat(40_000));
    const done = writeOutputs([{ format: 'json', text }], { ...io, stdout: sink });
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      events.emit('drain');
    }
    await done;
    expect(log).toEqual(['write 80000', 'write 80000', 'write 40000']);
  });
});

describe('stdout that takes bytes: a machine format reaches it as its UTF-8 chunks', () => {
  /**
   * A stdout that keeps every write of bytes queued (it asks for drain each time, which the test
   * emits), and a format's chunks given as views of one buffer, overwritten for each chunk as
   * ByteChunks.take() hands out views of its own; `asked` counts the writes seen when each chunk was asked for.
   */
  function queuedStdout(words: string[], highWaterMark?: number) {
    const events = new EventEmitter();
    const kept: Uint8Array[] = [];
    const texts: string[] = [];
    const asked: number[] = [];
    const shared = new Uint8Array(8);
    function* chunks(): Generator<Uint8Array> {
      for (const word of words) {
        asked.push(kept.length);
        const bytes = Buffer.from(word, 'utf8');
        shared.set(bytes);
        yield shared.subarray(0, bytes.length);
      }
    }
    const sink = {
      write: (text: string) => texts.push(text) < 0,
      ...(highWaterMark === undefined ? {} : { writableHighWaterMark: highWaterMark }),
      once: (event: 'drain' | 'close' | 'error', listener: () => void) => events.once(event, listener),
      removeListener: (event: 'drain' | 'close' | 'error', listener: () => void) => events.removeListener(event, listener),
    };
    const done = writeOutputs([{ format: 'json', text: { chunks: chunks() } }], {
      ...io,
      stdout: sink,
      writeStdoutBytes: (bytes: Uint8Array) => {
        kept.push(bytes);
        return false;
      },
    });
    return { events, kept, texts, asked, shared, done };
  }

  it('each chunk is written as a copy of its own (the format reuses its buffer), after the one before drained', async () => {
    const { events, kept, texts, done } = queuedStdout(['甲', 'bc', '乙d']);
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      expect(kept).toHaveLength(i + 1);
      events.emit('drain');
    }
    await done;
    expect(texts).toEqual([]);
    expect(kept.map((bytes) => Buffer.from(bytes).toString('utf8'))).toEqual(['甲', 'bc', '乙d']);
  });

  it('a chunk at least a stream\'s high-water mark is written as it is, the next asked for only after drain; a shorter one as a copy', async () => {
    const { events, kept, asked, shared, done } = queuedStdout(['甲乙', 'abcd', 'xy'], 4);
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      expect(kept).toHaveLength(i + 1);
      // Not asked for the next chunk while this one may still be queued.
      expect(asked).toHaveLength(i + 1);
      events.emit('drain');
    }
    await done;
    // 6 and 4 bytes (≥ 4): the format's own buffer; 2 bytes: a copy that outlives it.
    expect(kept[0]!.buffer).toBe(shared.buffer);
    expect(kept[1]!.buffer).toBe(shared.buffer);
    expect(kept[2]!.buffer).not.toBe(shared.buffer);
    expect(Buffer.from(kept[2]!).toString('utf8')).toBe('xy');
  });

  it('keepsNoChunk: only a stream that says its high-water mark and how to wait, for a chunk at least that long', () => {
    const once = (): void => {};
    expect(keepsNoChunk({ write: () => true, writableHighWaterMark: 16384, once }, 16384)).toBe(true);
    expect(keepsNoChunk({ write: () => true, writableHighWaterMark: 16384, once }, 16383)).toBe(false);
    expect(keepsNoChunk({ write: () => true, once }, 1 << 22)).toBe(false);
    expect(keepsNoChunk({ write: () => true, writableHighWaterMark: 16384 }, 1 << 22)).toBe(false);
    expect(keepsNoChunk({ write: () => true, writableHighWaterMark: 0, once }, 1 << 22)).toBe(false);
  });

  it('a fake stdout without writeStdoutBytes is written the same chunks as text', async () => {
    const texts: string[] = [];
    const chunks = [Buffer.from('{"a":', 'utf8'), Buffer.from('"县"}\n', 'utf8')];
    await writeOutputs([{ format: 'json', text: { chunks } }], { ...io, stdout: { write: (text: string) => texts.push(text) > 0 } });
    expect(texts.join('')).toBe('{"a":"县"}\n');
  });
});

/** A stdout whose writes fail as a Node stream's do: `errored` set at once, the 'error' event on the next tick, then `errored` forgotten (as process.stdout does). */
function failingStdout(code: string) {
  const sink = new EventEmitter() as EventEmitter & { write(text: string): boolean; errored: Error | null; destroyed: boolean; writes: number };
  sink.errored = null;
  sink.destroyed = false;
  sink.writes = 0;
  sink.write = () => {
    sink.writes++;
    const error = Object.assign(new Error(code), { code });
    sink.errored = error;
    process.nextTick(() => {
      sink.emit('error', error);
      sink.errored = null;
    });
    return false;
  };
  return sink;
}

describe('writeOutputs: a stdout that fails', () => {
  // Over 64 K characters: several pieces, so that writing on after the failure would show.
  const long = 'x'.repeat(300_000);

  it('a full disk (ENOSPC) is a worded error, output.stdout-failed, and nothing more is written', async () => {
    const stdout = failingStdout('ENOSPC');
    const error = await failure(writeOutputs([{ format: 'table', text: long }], { ...io, stdout }));
    expect(error.code).toBe('output.stdout-failed');
    expect(error.params).toEqual({ reason: 'no space left on the device', reasonZh: '磁盘空间不足' });
    expect(stdout.writes).toBe(1);
  });

  it('a reader that went away (EPIPE) ends the writing quietly', async () => {
    const stdout = failingStdout('EPIPE');
    await writeOutputs([{ format: 'table', text: long }], { ...io, stdout });
    expect(stdout.writes).toBe(1);
  });

  it('-o /dev/stdout onto a failing stdout is the same worded error, not "cannot write /dev/stdout"', async () => {
    const stdout = failingStdout('EIO');
    const error = await failure(writeOutputs([{ format: 'json', path: '/dev/stdout', text: long }], { ...io, stdout }));
    expect(error.code).toBe('output.stdout-failed');
    expect(error.params.reason).toBe('input/output error');
  });

  it('the files asked for beside a failing stdout are still written, then the failure is thrown', async () => {
    const stdout = failingStdout('ENOSPC');
    const out = join(dir, 'beside.json');
    const error = await failure(writeOutputs([{ format: 'table', text: long }, { format: 'json', path: out, text: '{}\n' }, { format: 'text', text: long }], { ...io, stdout }));
    expect(error.code).toBe('output.stdout-failed');
    expect(readFileSync(out, 'utf8')).toBe('{}\n');
    // The second stdout output is not tried on a stdout that failed.
    expect(stdout.writes).toBe(1);
  });
});
