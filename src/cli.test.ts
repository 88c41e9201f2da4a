import { describe, expect, it } from 'vitest';
import { main } from './cli.js';
import { displayWidth } from './format/text-width.js';
import type { Io } from './run.js';

/** A fake process: captures what plancheck writes, feeds `input` as standard input. */
function fakeIo(input = '', env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    stdout: { write: (text: string) => out.push(text) } as Io['stdout'],
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

describe('reports people read', () => {
  const MIDTERM = new URL('../fixtures/xiangshan/midterm-2020-2023.csv', import.meta.url).pathname;
  const widest = (text: string): number => Math.max(...text.split('\n').map((line) => displayWidth(line)));

  it('the table takes the terminal width, then COLUMNS, then 100, and --width over all', async () => {
    const tty = fakeIo('', { COLUMNS: '70' });
    tty.io.stdout.isTTY = true;
    tty.io.stdout.columns = 90;
    await main(['check', MIDTERM], tty.io);
    expect(widest(tty.stdout())).toBeLessThanOrEqual(90);
    expect(widest(tty.stdout())).toBeGreaterThan(80);
    const piped = fakeIo('', { COLUMNS: '70' });
    await main(['check', MIDTERM], piped.io);
    expect(widest(piped.stdout())).toBeLessThanOrEqual(70);
    const plain = fakeIo();
    await main(['check', MIDTERM], plain.io);
    expect(widest(plain.stdout())).toBeLessThanOrEqual(100);
    expect(widest(plain.stdout())).toBeGreaterThan(90);
    const asked = fakeIo('', { COLUMNS: '70' });
    await main(['check', MIDTERM, '--width', '50'], asked.io);
    expect(widest(asked.stdout())).toBeLessThanOrEqual(50);
  });

  it('mid-term, -q lists what is behind or moving away although the policy only warns', async () => {
    const fake = fakeIo();
    expect(await main(['check', MIDTERM, '-q', '-f', 'text'], fake.io)).toBe(0);
    const lines = fake.stdout().trimEnd().split('\n');
    // 22 insufficient + 8 moving away + 1 not met (a soft target) in the sample.
    expect(lines).toHaveLength(31);
    expect(lines.every((line) => / (insufficient progress|moving away|not met)/.test(line))).toBe(true);
  });

  it('when a policy fails the run, the last line names the rule', async () => {
    const fake = fakeIo();
    expect(await main(['check', MIDTERM, '--max-warnings', '0'], fake.io)).toBe(1);
    expect(fake.stdout().trimEnd().split('\n').at(-1)).toBe('exit code 1: 31 warnings, more than --max-warnings 0');
  });

  it('--sort status lists failures first', async () => {
    const fake = fakeIo('id,value\nG1.1,3.5\nM1.1,900\n');
    await main([...MINI, 'check', '-', '--sort', 'status', '-f', 'csv', '--status', 'met,not_met'], fake.io);
    const ids = fake.stdout().split('\r\n').slice(1, 3).map((line) => line.split(',')[0]);
    expect(ids).toEqual(['M1.1', 'G1.1']);
  });
});
