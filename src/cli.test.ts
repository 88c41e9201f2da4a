import { describe, expect, it } from 'vitest';
import { main } from './cli.js';
import { fakeIo } from './fake-io.test-helper.js';
import { displayWidth } from './format/text-width.js';

const MINI = ['--targets', new URL('../fixtures/plans/mini.yaml', import.meta.url).pathname];

describe('main(argv, io)', () => {
  it('checks standard input and returns the exit code instead of exiting', async () => {
    const fake = fakeIo('id,value\nG1.1,3.3\n');
    expect(await main([...MINI, 'check', '-', '-f', 'summary'], fake.io)).toBe(1);
    expect(fake.stdout()).toBe('All: 12 targets, 0 met, 1 not met, 11 no data; 1 failing, 0 warnings; completion rate 0.0% (0 of 1)\nexit code 1: 1 target fails under --fail-on not_met\n');
    // No year column: how the figures were dated is said once (docs/actuals-format.md).
    expect(fake.stderr()).toBe("info: <stdin>:1: no year column: each figure is taken as of its target's deadline year (2025 for most targets); to give figures of other years, add a year column (年份)\n");
  });

  it("speaks the locale's language, and --lang overrides it", async () => {
    const zh = fakeIo('id,value\nG1.1,3.5\n', { LANG: 'zh_CN.UTF-8' });
    await main([...MINI, 'check', '-', '-f', 'summary'], zh.io);
    expect(zh.stdout()).toContain('合计:共 12 个指标,已达标 1');
    const en = fakeIo('id,value\nG1.1,3.5\n', { LANG: 'zh_CN.UTF-8' });
    await main([...MINI, '--lang', 'en', 'check', '-', '-f', 'summary'], en.io);
    expect(en.stdout()).toContain('All: 12 targets, 1 met');
  });

  it('usage errors are exit 2 with the message on stderr, in the user\'s language', async () => {
    const fake = fakeIo();
    expect(await main(['check'], fake.io)).toBe(2);
    expect(fake.stderr()).toBe('error: missing required argument <files>\n(add --help for usage)\n');
    const zh = fakeIo('', { LANG: 'zh_CN.UTF-8' });
    expect(await main(['check'], zh.io)).toBe(2);
    expect(zh.stderr()).toBe('错误:缺少必需的参数 <文件>\n(加 --help 查看用法)\n');
  });

  it('where stdout is stderr (a terminal, 2>&1), a warning the report lists is said once, in the report; else on both', async () => {
    const input = 'id,value\nM1.1,12000000\n';
    // Each format words it in its own layout (`warning: <stdin>:2:2 …`, `<stdin>:2:2 warning …`, Markdown escaped).
    const count = (text: string): number => text.split('\n').filter((line) => line.includes(':2:2') && line.includes('is about 10^4 times the target of M1.1')).length;
    for (const format of ['summary', 'table', 'text', 'markdown']) {
      const one = fakeIo(input);
      one.io.stdoutIsStderr = () => true;
      await main([...MINI, 'check', '-', '-f', format, '--no-color'], one.io);
      expect([format, count(one.stdout()), count(one.stderr())]).toEqual([format, 1, 0]);
      // The note on how figures were dated is no warning: the report does not list it, stderr still says it.
      expect(one.stderr()).toContain('info: <stdin>:1: no year column');
      const two = fakeIo(input);
      two.io.stdoutIsStderr = () => false;
      await main([...MINI, 'check', '-', '-f', format, '--no-color'], two.io);
      expect([format, count(two.stdout()), count(two.stderr())]).toEqual([format, 1, 1]);
    }
    // A machine format on stdout carries warnings in its own form: stderr says them as lines still.
    const json = fakeIo(input);
    json.io.stdoutIsStderr = () => true;
    await main([...MINI, 'check', '-', '-f', 'json'], json.io);
    expect(count(json.stderr())).toBe(1);
    // A report written to a file is not seen on stderr's terminal: stderr says them.
    const toFile = fakeIo(input);
    toFile.io.stdoutIsStderr = () => true;
    await main([...MINI, 'check', '-', '-f', 'table', '-o', '/dev/null'], toFile.io);
    expect(count(toFile.stderr())).toBe(1);
  });

  it('show prints a target with its quote', async () => {
    const fake = fakeIo();
    expect(await main([...MINI, 'show', 'm1.3', '--lang', 'zh'], fake.io)).toBe(0);
    expect(fake.stdout()).toContain('原文:城镇登记失业率控制在3.5%以内');
  });
});

describe('option values', () => {
  it('-o without a -f before it is a usage error, not a silent JSON file', async () => {
    const fake = fakeIo('id,value\nG1.1,3.5\n');
    expect(await main([...MINI, 'check', '-', '-o', 'report.json'], fake.io)).toBe(2);
    expect(fake.stderr()).toContain('an -o needs a -f before it naming the format');
    expect(fake.stdout()).toBe('');
    const twice = fakeIo('id,value\nG1.1,3.5\n');
    expect(await main([...MINI, 'check', '-', '-f', 'json', '-o', 'a.json', '-o', 'b.json'], twice.io)).toBe(2);
  });

  it('--encoding takes its choices in any letter case and refuses others', async () => {
    const ok = fakeIo('id,value\nG1.1,3.5\n');
    expect(await main([...MINI, 'check', '-', '--encoding', 'GBK', '-f', 'summary'], ok.io)).toBe(0);
    const bad = fakeIo();
    expect(await main([...MINI, 'check', '-', '--encoding', 'latin1'], bad.io)).toBe(2);
    expect(bad.stderr()).toContain('the choices are utf-8, utf8, utf-16le, utf-16be, gb18030, gbk, gb2312, cp936');
  });

  it('a value that is not a year says so in the user\'s language', async () => {
    const en = fakeIo();
    expect(await main(['check', 'a.csv', '--as-of', 'abc'], en.io)).toBe(2);
    expect(en.stderr()).toBe('error: option --as-of <year>: "abc" is invalid: not a year (four digits, e.g. 2025)\n(add --help for usage)\n');
    const zh = fakeIo('', { LANG: 'zh_CN.UTF-8' });
    expect(await main(['check', 'a.csv', '--as-of', 'abc'], zh.io)).toBe(2);
    expect(zh.stderr()).toBe('错误:选项 --as-of <年份> 的值 “abc” 无效:不是年份(应为四位数字,如 2025)\n(加 --help 查看用法)\n');
  });

  it('--lang=zh is read before parsing, so help is Chinese', async () => {
    const fake = fakeIo();
    expect(await main(['--lang=zh', 'list', '--help'], fake.io)).toBe(0);
    expect(fake.stdout()).toMatch(/^用法: plancheck list \[选项\]\n/);
    expect(fake.stdout()).toContain('选项:\n');
  });

  it('list shows the kind in words', async () => {
    const zh = fakeIo('', { LANG: 'zh_CN.UTF-8' });
    await main([...MINI, 'list', '--kind', 'milestone'], zh.io);
    expect(zh.stdout()).toContain('完成类');
    expect(zh.stdout()).not.toContain('milestone');
  });
});

describe('plurals', () => {
  it('English counts take the singular for one: "1 goal", "3 measures"', async () => {
    const fake = fakeIo();
    expect(await main(['validate', new URL('../fixtures/plans/mini.yaml', import.meta.url).pathname], fake.io)).toBe(0);
    expect(fake.stdout()).toMatch(/is valid: 1 goal, 3 measures, 12 targets\n$/);
  });
});

describe('help pages', () => {
  it('fit 80 columns in both languages, Chinese counted two columns a character', async () => {
    for (const env of [{ LANG: 'en_US.UTF-8' }, { LANG: 'zh_CN.UTF-8' }]) {
      for (const command of [[], ['validate'], ['list'], ['show'], ['schema'], ['template'], ['check']]) {
        const fake = fakeIo('', env);
        expect(await main([...command, '--help'], fake.io)).toBe(0);
        for (const line of fake.stdout().split('\n')) expect(displayWidth(line), `${env.LANG} ${command.join(' ')}: ${line}`).toBeLessThanOrEqual(80);
      }
    }
  });
});

describe('main(argv, io): the read of standard input is bounded', () => {
  it('stdin past 1 GiB stops with a worded, located error and exit 2', async () => {
    const fake = fakeIo();
    let pulled = 0;
    fake.io.stdin = (async function* () {
      yield Buffer.from('id,value\n');
      pulled++;
      // Only the length is looked at before the read stops: a chunk that says it holds 1 GiB
      // stands in for an endless stream without allocating one.
      yield { byteLength: 2 ** 30 } as Uint8Array;
      pulled++;
    })();
    expect(await main([...MINI, 'check', '-', '-f', 'summary'], fake.io)).toBe(2);
    expect(fake.stdout()).toContain('<stdin>: cannot read file <stdin>: the file is larger than the limit of 1 GiB (1073741824 bytes); reading stopped there');
    expect(pulled).toBe(1);
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
    // 23 insufficient + 8 moving away + 1 not met (a soft target) in the sample.
    expect(lines).toHaveLength(32);
    expect(lines.every((line) => / (insufficient progress|moving away|not met)/.test(line))).toBe(true);
  });

  it('mid-term, milestones not yet due are counted as pending, apart from what cannot be assessed', async () => {
    const fake = fakeIo();
    await main(['check', MIDTERM, '-f', 'summary'], fake.io);
    // The sample's 48 milestones are all undone in 2023, before their deadline; no target lacks figures.
    expect(fake.stdout()).toContain('8 moving away, 48 pending, 0 not assessable');
  });

  it('a coverage projected past 100 % reaches 100 and meets "= 100 %": no "would miss" beside on track', async () => {
    const fake = fakeIo();
    await main(['check', MIDTERM, '-f', 'csv'], fake.io);
    // G4.8 = 100 %: 92 in 2023 on a path projected to 100.98 in 2025.
    const line = fake.stdout().split('\n').find((text) => text.startsWith('G4.8,')) ?? '';
    expect(line).toContain('projected 2025: 100,');
    expect(line).toContain('on track');
    expect(line).not.toContain('would miss');
  });

  it('a gap between percentages is worded in percentage points', async () => {
    const fake = fakeIo('id,value\nG1.1,3.3\n');
    await main([...MINI, 'check', '-', '-f', 'text'], fake.io);
    expect(fake.stdout()).toMatch(/0\.1 percentage points short of the target/);
  });

  it('when a policy fails the run, the last line names the rule', async () => {
    const fake = fakeIo();
    expect(await main(['check', MIDTERM, '--max-warnings', '0'], fake.io)).toBe(1);
    expect(fake.stdout().trimEnd().split('\n').at(-1)).toBe('exit code 1: 32 warnings, more than --max-warnings 0');
  });

  it('--sort status lists failures first', async () => {
    const fake = fakeIo('id,value\nG1.1,3.5\nM1.1,900\n');
    await main([...MINI, 'check', '-', '--sort', 'status', '-f', 'csv', '--status', 'met,not_met'], fake.io);
    const ids = fake.stdout().split('\r\n').slice(1, 3).map((line) => line.split(',')[0]);
    expect(ids).toEqual(['M1.1', 'G1.1']);
  });
});
