import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { checkOutputs } from './check-outputs.js';
import type { OutputRequest } from './write-outputs.js';

/** The refusals of checkOutputs as plain data. */
const refusals = (outputs: OutputRequest[], inputs: string[]) => checkOutputs(outputs, inputs).map((e) => ({ code: e.code, params: e.params }));

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
      expect(refusals([{ format: 'json', path: output }], ['plan.yaml', input]), output).toEqual([
        { code: 'usage.output-is-input', params: { output, input } },
      ]);
    }
    // The input given through the link, the output by its real name.
    expect(refusals([{ format: 'json', path: input }], [join(dir, 'link.csv')])).toEqual([
      { code: 'usage.output-is-input', params: { output: input, input: join(dir, 'link.csv') } },
    ]);
  });

  it('refuses two outputs to one file, existing or not yet', () => {
    const a = join(dir, 'out.json');
    const b = `${dir}/./out.json`;
    expect(refusals([{ format: 'json', path: a }, { format: 'csv', path: b }], [])).toEqual([
      { code: 'usage.output-twice', params: { output: `${a} = ${b}` } },
    ]);
    writeFileSync(a, '');
    expect(refusals([{ format: 'json', path: a }, { format: 'csv', path: a }], [])).toEqual([{ code: 'usage.output-twice', params: { output: a } }]);
  });

  it('refuses an existing directory before anything is read', () => {
    mkdirSync(join(dir, 'reports'));
    expect(refusals([{ format: 'json', path: join(dir, 'reports') }], [])).toEqual([
      { code: 'file.write-failed', params: { file: join(dir, 'reports'), reason: 'it is a directory', reasonZh: '这是一个目录' } },
    ]);
  });

  it('refuses a file in a missing folder before anything is read', () => {
    expect(refusals([{ format: 'json', path: join(dir, 'nope', 'out.json') }], [])).toEqual([
      { code: 'file.write-failed', params: { file: join(dir, 'nope', 'out.json'), reason: 'its folder does not exist', reasonZh: '所在的文件夹不存在' } },
    ]);
  });

  it('names every refused output, not just the first', () => {
    const input = join(dir, 'data.csv');
    writeFileSync(input, 'id,value\n');
    mkdirSync(join(dir, 'reports'));
    const outputs: OutputRequest[] = [
      { format: 'json', path: input },
      { format: 'csv', path: join(dir, 'reports') },
      { format: 'junit', path: join(dir, 'a.xml') },
      { format: 'sarif', path: join(dir, 'a.xml') },
    ];
    expect(refusals(outputs, [input]).map((r) => r.code)).toEqual(['usage.output-is-input', 'file.write-failed', 'usage.output-twice']);
  });

  it('allows distinct files, stdout twice and a device twice', () => {
    expect(refusals([{ format: 'json', path: join(dir, 'a.json') }, { format: 'csv', path: join(dir, 'b.csv') }], [])).toEqual([]);
    expect(refusals([{ format: 'table' }, { format: 'summary', path: '-' }, { format: 'json' }], ['-'])).toEqual([]);
    expect(refusals([{ format: 'json', path: '/dev/null' }, { format: 'csv', path: '/dev/null' }], [])).toEqual([]);
  });
});
