import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { checkOutputs } from './check-outputs.js';

const root = mkdtempSync(join(tmpdir(), 'plancheck-outputs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dir: string;
let n = 0;
beforeEach(() => {
  dir = join(root, `case-${++n}`);
  mkdirSync(dir);
});

describe('checkOutputs: no output may be an input, nor two outputs one file', () => {
  it('refuses an output that is an input, however the path is spelt', () => {
    const input = join(dir, 'data.csv');
    writeFileSync(input, 'id,value\n');
    symlinkSync(input, join(dir, 'link.csv'));
    for (const output of [input, join(dir, '.', 'data.csv'), join(dir, 'sub', '..', 'data.csv'), join(dir, 'link.csv')]) {
      const error = checkOutputs([{ format: 'json', path: output }], ['plan.yaml', input]);
      expect(error?.code, output).toBe('usage.output-is-input');
      expect(error?.params).toEqual({ output, input });
    }
    // The input given through the link, the output by its real name.
    expect(checkOutputs([{ format: 'json', path: input }], [join(dir, 'link.csv')])?.code).toBe('usage.output-is-input');
  });

  it('refuses two outputs to one file, existing or not yet', () => {
    const a = join(dir, 'out.json');
    expect(checkOutputs([{ format: 'json', path: a }, { format: 'csv', path: join(dir, '.', 'out.json') }], [])).toMatchObject({
      code: 'usage.output-twice',
    });
    writeFileSync(a, '');
    expect(checkOutputs([{ format: 'json', path: a }, { format: 'csv', path: a }], [])).toMatchObject({
      code: 'usage.output-twice',
      params: { output: a },
    });
  });

  it('refuses an existing directory before anything is read', () => {
    mkdirSync(join(dir, 'reports'));
    expect(checkOutputs([{ format: 'json', path: join(dir, 'reports') }], [])).toMatchObject({
      code: 'file.write-failed',
      params: { file: join(dir, 'reports'), reason: 'it is a directory', reasonZh: '这是一个目录' },
    });
  });

  it('refuses a file in a missing folder before anything is read', () => {
    expect(checkOutputs([{ format: 'json', path: join(dir, 'nope', 'out.json') }], [])).toMatchObject({
      code: 'file.write-failed',
      params: { file: join(dir, 'nope', 'out.json'), reason: 'its folder does not exist' },
    });
  });

  it('allows distinct files, stdout twice and a device twice', () => {
    expect(checkOutputs([{ format: 'json', path: join(dir, 'a.json') }, { format: 'csv', path: join(dir, 'b.csv') }], [])).toBeNull();
    expect(checkOutputs([{ format: 'table' }, { format: 'summary', path: '-' }, { format: 'json' }], ['-'])).toBeNull();
    expect(checkOutputs([{ format: 'json', path: '/dev/null' }, { format: 'csv', path: '/dev/null' }], [])).toBeNull();
  });
});
