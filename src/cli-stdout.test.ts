import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { directStdout, writesDirectly, type StdoutSink } from './cli-stdout.js';

const temp = mkdtempSync(join(tmpdir(), 'plancheck-stdout-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A stream standing in for process.stdout: what it was given, its listeners, and a failure it reports. */
function fakeStream() {
  const written: (string | Uint8Array)[] = [];
  const listeners: string[] = [];
  const stream: StdoutSink = {
    write: (piece) => {
      written.push(piece);
      return false;
    },
    once: (event) => {
      listeners.push(event);
      return stream;
    },
    destroyed: true,
    errored: new Error('ENOSPC'),
    writableHighWaterMark: 16384,
  };
  return { stream, written, listeners };
}

describe('stdout written directly', () => {
  it('a regular file and /dev/null are written directly; a folder is not', () => {
    const file = openSync(join(temp, 'plain.txt'), 'w');
    const nul = openSync('/dev/null', 'w');
    const folder = openSync(temp, 'r');
    expect([writesDirectly(file), writesDirectly(nul), writesDirectly(folder)]).toEqual([true, true, false]);
    for (const fd of [file, nul, folder]) closeSync(fd);
  });

  it('text and bytes reach the file as UTF-8, in order, without opening the stream', () => {
    const path = join(temp, 'out.txt');
    const fd = openSync(path, 'w');
    let opened = 0;
    const sink = directStdout(fd, () => {
      opened++;
      return fakeStream().stream;
    });
    expect(sink.write('象山县: 311 targets\n')).toBe(true);
    expect(sink.write(Buffer.from('second line\n'))).toBe(true);
    closeSync(fd);
    expect(readFileSync(path, 'utf8')).toBe('象山县: 311 targets\nsecond line\n');
    expect(opened).toBe(0);
    // Nothing is queued: any chunk may be written as it is; no failure to report.
    expect({ errored: sink.errored, destroyed: sink.destroyed, isTTY: sink.isTTY, mark: sink.writableHighWaterMark }).toEqual({ errored: null, destroyed: false, isTTY: false, mark: 1 });
  });

  it('a failed write hands its bytes and everything after to the stream, which reports the failure with the listeners added before', () => {
    const path = join(temp, 'read-only.txt');
    closeSync(openSync(path, 'w'));
    const fd = openSync(path, 'r'); // every write fails (EBADF)
    const fake = fakeStream();
    const sink = directStdout(fd, () => fake.stream);
    const record = (): void => undefined;
    sink.once?.('error', record);
    sink.once?.('drain', record);
    sink.removeListener?.('drain', record);
    expect(sink.write('first\n')).toBe(false);
    expect(sink.write('second\n')).toBe(false);
    expect(fake.written.map((piece) => Buffer.from(piece).toString('utf8'))).toEqual(['first\n', 'second\n']);
    expect(fake.listeners).toEqual(['error']);
    expect({ errored: sink.errored?.message, destroyed: sink.destroyed, mark: sink.writableHighWaterMark }).toEqual({ errored: 'ENOSPC', destroyed: true, mark: 16384 });
    closeSync(fd);
    expect(readFileSync(path, 'utf8')).toBe('');
  });
});
