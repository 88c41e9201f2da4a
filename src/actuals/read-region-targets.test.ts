import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { townsPlan } from '../evaluate/plan.test-helper.js';
import { writeWorkbook } from '../xlsx/write-workbook.js';
import { readRegionTargets } from './read-region-targets.js';
import { workbook } from './workbook-bytes.test-helper.js';

const plan = townsPlan();
const dir = mkdtempSync(join(tmpdir(), 'plancheck-rt-'));

describe('decomposed targets from a file: CSV or workbook, the same rows', () => {
  it('a workbook form is read from its first sheet after an instructions sheet; numbers and % cells as Excel shows them', async () => {
    const file = join(dir, 'rt.xlsx');
    writeFileSync(
      file,
      await writeWorkbook([
        { name: '填报说明', rows: [[{ value: '每个乡镇填写分解目标' }]] },
        {
          name: '分解目标',
          rows: [
            [{ value: '地区' }, { value: '编号' }, { value: '分解目标值' }],
            [{ value: '甲镇' }, { value: 'M1.1' }, { value: 120.5 }],
            // A share stored as a fraction under a % format: 0.56 shown as 56%.
            [{ value: '乙镇' }, { value: 'M1.2' }, { value: 0.56, format: '0%' }],
          ],
        },
      ]),
    );
    const out = await readRegionTargets(file, plan);
    expect(out.problems).toEqual([]);
    expect(out.byRegion.get('甲镇')?.get('M1.1')).toMatchObject({ value: 120.5, file: `${file}[分解目标]`, row: 2 });
    expect(out.byRegion.get('乙镇')?.get('M1.2')).toMatchObject({ value: 56, row: 3 });
  });

  it('a hidden sheet (a draft) is passed over: the first visible sheet is the form', async () => {
    const file = join(dir, 'hidden.xlsx');
    const rows = (value: number) => [['地区', '编号', '分解目标值'], ['甲镇', 'M1.1', value]];
    writeFileSync(file, workbook({ 草稿: rows(999), 分解目标: rows(120) }, { 草稿: { hidden: true } }));
    const out = await readRegionTargets(file, plan);
    expect(out.byRegion.get('甲镇')?.get('M1.1')).toMatchObject({ value: 120, file: `${file}[分解目标]` });
  });

  it('a fault in a workbook is located by file, sheet and row', async () => {
    const file = join(dir, 'bad.xlsx');
    writeFileSync(
      file,
      await writeWorkbook([{ name: 'Sheet1', rows: [[{ value: 'region' }, { value: 'id' }, { value: 'value' }], [{ value: '甲镇' }, { value: 'M9.9' }, { value: 1 }]] }]),
    );
    const out = await readRegionTargets(file, plan);
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]).toMatchObject({ file: `${file}[Sheet1]`, line: 2 });
  });

  it('a CSV is read the same way; a file over the limit is refused by the bounded read, before parsing', async () => {
    const csv = join(dir, 'rt.csv');
    writeFileSync(csv, 'region,id,value\n甲镇,M1.1,100\n');
    expect((await readRegionTargets(csv, plan)).byRegion.get('甲镇')?.get('M1.1')).toMatchObject({ value: 100, file: csv, row: 2 });
    const big = join(dir, 'big.csv');
    writeFileSync(big, Buffer.alloc(16 * 1024 * 1024 + 1, 0x41));
    const refused = await readRegionTargets(big, plan);
    expect(refused.problems.map((p) => p.code)).toEqual(['file.over-limit']);
  });
});
