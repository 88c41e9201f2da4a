import type { Io } from './run.js';

/** A fake process for in-process CLI tests: captures what plancheck writes, feeds `input` as standard input. */
export function fakeIo(input = '', env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    stdin: (async function* () {
      yield Buffer.from(input);
    })(),
    env: { LANG: 'en_US.UTF-8', ...env },
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
