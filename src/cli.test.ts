import { describe, expect, it } from 'vitest';
import { main } from './cli.js';
import type { Io } from './run.js';

/** A fake process: captures what plancheck writes, feeds `input` as standard input. */
function fakeIo(input = '', env: Record<string, string> = {}) {
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

const MINI = ['--targets', new URL('../fixtures/plans/mini.yaml', import.meta.url).pathname];

describe('main(argv, io)', () => {
  it('checks standard input and returns the exit code instead of exiting', async () => {
    const fake = fakeIo('id,value\nG1.1,3.3\n');
    expect(await main([...MINI, 'check', '-', '-f', 'summary'], fake.io)).toBe(1);
    expect(fake.stdout()).toBe('All: 12 targets, 0 met, 1 not met, 11 no data; 1 failing, 0 warnings (0 of them soft targets, not failing); completion rate 0.0% (0 of 1)\nexit code 1: 1 targets fail under --fail-on not_met\n');
    expect(fake.stderr()).toBe('');
  });

  it("speaks the locale's language, and --lang overrides it", async () => {
    const zh = fakeIo('id,value\nG1.1,3.5\n', { LANG: 'zh_CN.UTF-8' });
    await main([...MINI, 'check', '-', '-f', 'summary'], zh.io);
    expect(zh.stdout()).toContain('合计:共 12 个指标,已达标 1');
    const en = fakeIo('id,value\nG1.1,3.5\n', { LANG: 'zh_CN.UTF-8' });
    await main([...MINI, '--lang', 'en', 'check', '-', '-f', 'summary'], en.io);
    expect(en.stdout()).toContain('All: 12 targets, 1 met');
  });

  it("usage errors are exit 2 with commander's message on stderr", async () => {
    const fake = fakeIo();
    expect(await main(['check'], fake.io)).toBe(2);
    expect(fake.stderr()).toContain("missing required argument 'files'");
  });

  it('show prints a target with its quote', async () => {
    const fake = fakeIo();
    expect(await main([...MINI, 'show', 'm1.3', '--lang', 'zh'], fake.io)).toBe(0);
    expect(fake.stdout()).toContain('原文: 城镇登记失业率控制在3.5%以内');
  });
});
