import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkOptionsOf } from './cli-check-options.js';
import { parsePlainCheck } from './cli-plain-check.js';
import { buildProgram } from './cli-program.js';
import { fakeIo } from './fake-io.test-helper.js';
import type { CheckOptions } from './run.js';

/** What commander hands the check runner for `argv`, or null when it runs no check (help, an error, another command). */
async function commanderCheck(argv: string[]): Promise<CheckOptions | null> {
  const { io } = fakeIo();
  let seen: CheckOptions | null = null;
  const program = buildProgram(io, 'en', () => undefined, async (options) => {
    seen = options;
    return 0;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch {
    return null;
  }
  return seen;
}

/** What the plain parser hands the check runner for `argv`, or null when it leaves `argv` to commander. */
function plainCheck(argv: string[]): CheckOptions | null {
  const plain = parsePlainCheck(argv);
  return plain && checkOptionsOf(plain.files, plain.flags, plain.outputs, { lang: 'en', targets: plain.targets });
}

const TOKENS = [
  'check', 'check', 'a.csv', 'b.csv', '-', '', 'help', 'list', '--', '-1',
  '-f', '--format', 'summary', 'json', 'table', 'bogus', '--format=json', '-fjson',
  '-o', '--output', 'out.json', '-o-',
  '--lang', 'zh', 'en', 'xx', '--lang=zh',
  '--targets', 't.yaml',
  '-q', '--quiet', '--no-color', '--color', '--require-complete',
  '--as-of', '2023', '20x3', '--sort', 'plan', 'status', '--by', 'region', 'indicator',
  '--width', '80', '--region', '-x', '-V', '--version', '-h', '--help', '-qq',
];

describe('the plain check parser', () => {
  it('reads the usual checks as commander does', async () => {
    const cases = [
      ['check', 'a.csv'],
      ['check', 'a.csv', 'b.csv', '-f', 'summary'],
      ['check', '-', '--format', 'json', '-o', 'out.json', '-f', 'summary'],
      ['--lang', 'zh', '--targets', 't.yaml', 'check', 'a.csv', '-q', '--no-color'],
      ['check', 'a.csv', '--lang', 'en', '--targets', 't.yaml', '--targets', 'u.yaml', '--as-of', '2023', '--sort', 'status', '--by', 'region', '--require-complete'],
      ['check', '-f', 'csv', '-o', '-', 'a.csv', 'check'],
    ];
    for (const argv of cases) {
      const plain = plainCheck(argv);
      expect(plain, argv.join(' ')).not.toBeNull();
      expect(plain, argv.join(' ')).toEqual(await commanderCheck(argv));
    }
    expect(plainCheck(['check', 'a.csv', '-f', 'json', '-o', 'r.json'])).toMatchObject({ files: ['a.csv'], outputs: [{ format: 'json', path: 'r.json' }], color: undefined, maxErrors: 50, failOn: ['not_met'] });
  });

  it('leaves help, other commands, other options and every usage error to commander', () => {
    for (const argv of [
      [], ['--help'], ['check', '--help'], ['check'], ['list'], ['help', 'check'], ['check', 'a.csv', '-o', 'x.json'],
      ['check', 'a.csv', '-f', 'json', '-o', 'x', '-o', 'y'], ['check', 'a.csv', '-f', 'bogus'], ['check', 'a.csv', '--lang', 'fr'],
      ['check', 'a.csv', '--as-of', '23'], ['check', 'a.csv', '--format=json'], ['check', 'a.csv', '--width', '80'], ['check', 'a.csv', '--'],
      ['-f', 'json', 'check', 'a.csv'], ['a.csv', 'check'], ['check', 'a.csv', '-f'], ['check', 'a.csv', '-o', '-x'],
    ]) {
      expect(parsePlainCheck(argv), argv.join(' ')).toBeNull();
    }
  });

  it('whenever it reads an argument list, commander hands the check the same options (random argument lists)', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 9 }), fc.boolean(), async (tokens, lead) => {
        const argv = lead ? ['check', ...tokens] : tokens;
        const plain = plainCheck(argv);
        if (plain === null) return;
        accepted++;
        expect(plain).toEqual(await commanderCheck(argv));
      }),
      { numRuns: 3000, seed: 15 },
    );
    // The property says something only if many lists were read by the plain parser.
    expect(accepted).toBeGreaterThan(150);
  });
});
