import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledPlan, miniPlan } from '../evaluate/plan.test-helper.js';
import { chunked, fixtureFiles, randomLongCsv, reusedChunks, root } from './csv-bytes.test-helper.js';
import type { Plan } from '../plan/types.js';
import type { Problem } from '../problem.js';
import { cleanUtf8, readFastLong, readPlainNumber, type FastLongLayout, type FastLongResult } from './fast-long-reader.js';
import { decodeFigure, FigureStore, NOT_SHORT } from './figure-store.js';
import { guessDelimiter, readActuals } from './read-actuals.js';

const mini = miniPlan();
const xiangshan = bundledPlan();

// The header roles the normal path knows (read-actuals.ts), to tell the fast reader its columns.
const ROLES: Record<string, 'id' | 'value' | 'year' | 'unit' | 'region'> = {
  id: 'id', target: 'id', target_id: 'id', 编号: 'id', 指标编号: 'id', 目标编号: 'id',
  value: 'value', actual: 'value', 实际值: 'value', 数值: 'value', 值: 'value', 实际: 'value', 完成值: 'value',
  year: 'year', 年份: 'year', 年度: 'year', 年: 'year', unit: 'unit', 单位: 'unit',
  region: 'region', 地区: 'region', 区域: 'region', 地区名称: 'region',
};

/** The layout of a long-format file as the header reader would give it; null when the fast path does not apply. */
function layoutOf(bytes: Buffer): { layout: FastLongLayout; header: string[] } | null {
  const text = bytes.toString('utf8').replace(/^\ufeff/, '');
  const lines = text.split('\n');
  const headerIndex = lines.findIndex((line) => line.replace(/\r$/, '') !== '');
  if (headerIndex < 0 || lines.slice(0, headerIndex + 1).some((line) => line.replace(/\r$/, '').includes('\r'))) return null;
  const delimiter = guessDelimiter(text);
  // A quoted header cell is named without its quotes (the fast path hands such a file over at once).
  const header = (lines[headerIndex] ?? '').replace(/\r$/, '').split(delimiter).map((cell) => cell.replace(/^"(.*)"$/, '$1').normalize('NFKC').trim());
  const layout: FastLongLayout = { fileIndex: 0, delimiter, headerLine: headerIndex + 1, columns: header.length, id: -1, value: -1 };
  header.forEach((name, column) => {
    const role = ROLES[name.toLowerCase()];
    if (role && layout[role] === undefined) layout[role] = column;
    else if (role && layout[role] === -1) layout[role] = column;
  });
  return layout.id >= 0 && layout.value >= 0 ? { layout, header } : null;
}

interface Run {
  normal: Awaited<ReturnType<typeof readActuals>>;
  fast: FastLongResult | null;
  fastProblems: Problem[];
  fastStore: FigureStore;
  rest: Buffer | null;
}

/** Reads `bytes` by the normal path and, where it applies, by the fast path into a store of its own. */
async function bothPaths(plan: Plan, bytes: Buffer, chunk = 64 * 1024): Promise<Run> {
  const normal = await readActuals([{ name: 'in1.csv', open: chunked(bytes, chunk) }], plan);
  const fastStore = new FigureStore(plan.targets.length, plan.baselineYear, plan.period.end);
  const fastProblems: Problem[] = [];
  const found = layoutOf(bytes);
  const headerTrouble = normal.problems.some((p) => p.line === undefined || p.line <= (found?.layout.headerLine ?? Infinity));
  if (!found || normal.inputs[0]?.encoding !== 'utf-8' || normal.inputs[0]?.layout !== 'long' || headerTrouble) {
    return { normal, fast: null, fastProblems, fastStore, rest: null };
  }
  const { layout, header } = found;
  // What the reader does with each figure, as read-actuals.ts's readFigure does.
  const fast = await readFastLong(chunked(bytes, chunk)(), layout, plan.targets, (f) => {
    const target = plan.targets[f.target];
    if (!target) throw new Error(`no target ${f.target}`);
    // The store's 32-bit code the reader gives with each figure is that very double.
    if (f.code !== NOT_SHORT) expect(Object.is(decodeFigure(f.code), f.value)).toBe(true);
    if (f.year < plan.baselineYear || f.year > plan.period.end) {
      const column = layout.year ?? layout.value;
      fastProblems.push({ code: 'row.year-outside-period', params: { year: f.year, start: plan.baselineYear, end: plan.period.end }, file: 'in1.csv', line: f.row, column: column + 1, field: header[column], value: undefined });
      return;
    }
    const earlier = fastStore.set(f.regionName, f.target, f.year, f.value, { file: f.fileIndex, row: f.row });
    if (earlier) {
      const code = f.regionName === '' ? 'row.duplicate' : 'row.duplicate-in-region';
      const params = { id: target.id, year: f.year, region: f.regionName, other: `in1.csv:${earlier.row}` };
      fastProblems.push({ code, params, file: 'in1.csv', line: f.row, column: layout.value + 1, field: header[layout.value], value: f.valueText() });
    }
  });
  let rest: Buffer | null = null;
  if (fast.fallback) {
    const parts: Uint8Array[] = [];
    for await (const part of fast.fallback.rest) parts.push(part);
    rest = Buffer.concat(parts);
  }
  return { normal, fast, fastProblems, fastStore, rest };
}

/** Every stored figure read before line `before`, as comparable rows (−0 kept apart from 0). */
function figuresOf(store: FigureStore, plan: Plan, before: number): string[] {
  const out: string[] = [];
  for (const region of store.regionNames()) {
    for (const target of plan.targets) {
      for (const f of store.series(region, target.index)) {
        if (f.source.row < before) out.push(`${region}|${target.id}|${f.year}|${Object.is(f.value, -0) ? '-0' : f.value}|${f.source.row}|${f.level}`);
      }
    }
  }
  return out.sort();
}

/** Byte offset where physical line `line` (1-based) starts. */
function lineStart(bytes: Buffer, line: number): number {
  let at = 0;
  for (let n = 1; n < line; n++) at = bytes.indexOf(10, at) + 1;
  return at;
}

/**
 * The rule both paths must keep: up to where the fast path stops (the whole file when it does
 * not), the same figures, rows and located errors; past it, the normal path gets exactly the
 * rest of the bytes.
 */
function expectSameAsNormal(run: Run, plan: Plan, bytes: Buffer): void {
  const { normal, fast } = run;
  if (!fast) return;
  const before = fast.fallback ? fast.fallback.line : Infinity;
  expect(figuresOf(run.fastStore, plan, before)).toEqual(figuresOf(normal.store, plan, before));
  const normalProblems = normal.problems.filter((p) => (p.line ?? 0) < before);
  expect(run.fastProblems).toEqual(normalProblems);
  if (fast.fallback) {
    expect(run.rest?.equals(bytes.subarray(lineStart(bytes, fast.fallback.line)))).toBe(true);
    expect(fast.fallback.offset).toBe(lineStart(bytes, fast.fallback.line));
  } else {
    expect(fast.rows).toBe(normal.inputs[0]?.rows);
    expect(normal.problemCount).toBe(run.fastProblems.length);
  }
}

describe('fast long reader against the normal path, over every fixture CSV', () => {
  const files = fixtureFiles(join(root, 'fixtures'));
  it.each(files.map((file) => [file.slice(root.length), file]))('%s', async (_name, file) => {
    const bytes = readFileSync(file);
    const plan = file.includes('/xiangshan/') ? xiangshan : mini;
    for (const chunk of [7, 64 * 1024]) expectSameAsNormal(await bothPaths(plan, bytes, chunk), plan, bytes);
  });

  it('reads the plain submissions whole, without falling back', async () => {
    const plain = ['xiangshan/partial-2025.csv', 'xiangshan/utf8-no-bom-2025.csv', 'xiangshan/regions-2025.csv', 'xiangshan/semicolon-2025.csv', 'xiangshan/broken/duplicate-row.csv', 'xiangshan/broken/year-outside-period.csv'];
    for (const name of plain) {
      const run = await bothPaths(xiangshan, readFileSync(join(root, 'fixtures', name)));
      expect({ name, fallback: run.fast?.fallback?.reason ?? null }).toEqual({ name, fallback: null });
      expect(run.fast?.rows).toBeGreaterThan(0);
    }
  });

  it('hands over at the first cell that is not plain: a level with its unit for a change target', async () => {
    const bytes = readFileSync(join(root, 'fixtures/xiangshan/submission-2025.csv'));
    // The first cell with a unit written in it; every line above it is plain.
    const line = bytes.toString('utf8').split('\n').findIndex((text) => text.startsWith('M111.2,2020,1000件')) + 1;
    expect(line).toBeGreaterThan(2);
    const run = await bothPaths(xiangshan, bytes);
    expect(run.fast?.fallback?.line).toBe(line);
    expect(run.fast?.fallback?.reason).toBe('value');
    expect(run.fast?.rows).toBe(line - 2); // the header and the hand-over line are not read fast
  });

  it('gives the duplicate and the out-of-period year the same located errors', async () => {
    const dup = await bothPaths(xiangshan, readFileSync(join(root, 'fixtures/xiangshan/broken/duplicate-row.csv')));
    expect(dup.fastProblems.map((p) => p.code)).toContain('row.duplicate');
    const year = await bothPaths(xiangshan, readFileSync(join(root, 'fixtures/xiangshan/broken/year-outside-period.csv')));
    expect(year.fastProblems.map((p) => p.code)).toContain('row.year-outside-period');
  });
});

describe('where the fast path hands over', () => {
  const cases: [string, string, number, string][] = [
    ['a quote', 'id,value\nG1.1,3.5\nM1.1,"900"\nM1.3,3\n', 3, 'quote'],
    ['a lone CR', 'id,value\nG1.1,3.5\rM1.1,900\n', 2, 'cr'],
    ['a number with a thousands comma', 'id;value\nG1.1;3.5\nM1.1;1,200\n', 3, 'value'],
    ['a unit in the cell', 'id,value\nM1.1,900亿元\n', 2, 'value'],
    ['an id to normalise', 'id,value\nG1.1,3\ng1.1,3\n', 3, 'id'],
    ['a year with a space', 'id,year,value\nG1.1, 2025,3\n', 2, 'year'],
    ['a unit cell', 'id,value,unit\nM1.1,900,亿元\n', 2, 'unit'],
    ['a ragged row', 'id,value\nG1.1,3,x\n', 2, 'shape'],
    ['a field too long', `id,value,note\nG1.1,3,${'x'.repeat(10_001)}\n`, 2, 'long'],
    ['a BOM inside a cell', 'id,value,note\nG1.1,3,a\ufeffb\n', 2, 'text'],
    ['a milestone word not known byte for byte', 'id,value\nM2.5,Yes\n', 2, 'value'],
    ['a quote in the header', '"id",value\nG1.1,3\n', 1, 'quote'],
  ];
  it.each(cases)('%s', async (_name, text, line, reason) => {
    const bytes = Buffer.from(text);
    const run = await bothPaths(mini, bytes);
    expect(run.fast?.fallback?.line).toBe(line);
    expect(run.fast?.fallback?.reason).toBe(reason);
    expectSameAsNormal(run, mini, bytes);
  });

  it('reads CRLF, a BOM, blank lines, 年 years, blank values and regions by their normalised names', async () => {
    const text = '\ufeff\r\n地区,编号,年份,实际值,备注\r\n东区,G1.1,2024年,3.5,说明\r\n\r\n Ｂ区 ,M2.5,,是,\r\nＢ区,M1.1,2025,,\r\n东区,M1.1,2025,-0,';
    const bytes = Buffer.from(text);
    const run = await bothPaths(mini, bytes, 5);
    expect(run.fast?.fallback).toBeNull();
    expect(run.fast?.rows).toBe(4);
    expect(run.fast?.figures).toBe(3);
    expect(run.fast?.regions).toEqual(['东区', 'B区']);
    expect(figuresOf(run.fastStore, mini, Infinity)).toEqual(['B区|M2.5|2025|1|5|false', '东区|G1.1|2024|3.5|3|false', '东区|M1.1|2025|-0|7|false']);
    expectSameAsNormal(run, mini, bytes);
  });
});

describe('odd lines given to the table reader one by one (onLine)', () => {
  const layout: FastLongLayout = { fileIndex: 0, delimiter: ',', headerLine: 1, columns: 3, id: 0, year: 1, value: 2 };
  /** Everything the reader gives, in the order it gives it: figures, lines, and the hand-over. */
  const events = async (text: string, chunk: number, reuse: boolean) => {
    const out: string[] = [];
    const bytes = Buffer.from(text);
    const result = await readFastLong((reuse ? reusedChunks : chunked)(bytes, chunk)(), layout, mini.targets, (f) => out.push(`figure ${f.row} ${f.value}`), (cells, line) => {
      out.push(`line ${line} ${JSON.stringify(cells)}`);
    });
    return { out, rows: result.rows, handed: result.handed, fallback: result.fallback ? [result.fallback.line, result.fallback.reason, result.fallback.offset] : null };
  };

  it('gives each such line with its physical line, in its place among the figures, and reads on', async () => {
    const text = 'id,year,value\r\nG1.1,2025,3.5\r\nM1.1,2025,900亿元\r\n\r\nX9.9,2025,1\r\nM1.3, 2025,3\r\nM1.3,2025,3,4\r\nM2.1,2024,4\r\nM2.1,2025,"5"\r\nM2.2,2025,1\r\n';
    const expected = {
      out: ['figure 2 3.5', 'line 3 ["M1.1","2025","900亿元"]', 'line 5 ["X9.9","2025","1"]', 'line 6 ["M1.3"," 2025","3"]', 'line 7 ["M1.3","2025","3","4"]', 'figure 8 4'],
      rows: 2,
      handed: 4,
      // Line 9 has a quote: the rest from its first byte, after the 8 lines before it (15 + 15 + 21 + 2 + 13 + 14 + 15 + 13 bytes).
      fallback: [9, 'quote', 108],
    };
    for (const chunk of [1, 4, 17, 64 * 1024]) for (const reuse of [false, true]) expect(await events(text, chunk, reuse)).toEqual(expected);
  });
});

describe('ids guessed in the plan\'s order', () => {
  const ids = xiangshan.targets.map((target) => target.id);
  // A yes/no word for a milestone, else the number.
  const cell = (index: number, value: string): string => (xiangshan.targets[index]?.kind === 'milestone' ? '是' : value);
  // Chunks of 200 bytes: the first chunk (with the header) is read line by line, the rest by the hot loop that guesses.
  it('gives each line the target the table gives: in order, out of order, an id one byte longer than the guess, the id last on LF and CRLF lines', async () => {
    const inOrder = ids.slice(0, 40).map((id, i) => `丹东街道,${id},2025,${cell(i, `${i}.5`)}`);
    const order = [7, 3, 4, 5, 0, 1, 90, 91, 2];
    const shuffled = order.map((t, i) => `石浦镇,${ids[t]},2025,${cell(t, String(i))}`);
    // The guess after G1.1 is G1.2: "G1.21" starts with it and is no id of the plan.
    const longer = [`西周镇,${ids[0]},2025,${cell(0, '1')}`, `西周镇,${ids[1]}1,2025,2`, `西周镇,${ids[2]},2025,${cell(2, '3')}`];
    for (const body of [[...inOrder, ...shuffled].join('\n'), [...inOrder, ...longer].join('\n')]) {
      const bytes = Buffer.from(`region,id,year,value\n${body}\n`);
      const run = await bothPaths(xiangshan, bytes, 200);
      expect(run.fast).not.toBeNull();
      expectSameAsNormal(run, xiangshan, bytes);
    }
    const read = await bothPaths(xiangshan, Buffer.from(`region,id,year,value\n${[...inOrder, ...shuffled].join('\n')}\n`), 200);
    expect(read.fast?.fallback).toBeNull();
    expect(read.fastStore.valueAt('石浦镇', 90, 2025)).toBe(xiangshan.targets[90]?.kind === 'milestone' ? 1 : 6);
    expect(read.fastStore.valueAt('丹东街道', 39, 2025)).toBe(xiangshan.targets[39]?.kind === 'milestone' ? 1 : 39.5);
    for (const end of ['\n', '\r\n']) {
      // Then the id after the last one with one more byte: no id of the plan, last on its line.
      const last = Buffer.from(`region,year,value,id${end}${ids.slice(0, 12).map((id, i) => `丹东街道,2025,${cell(i, String(i))},${id}`).join(end)}${end}丹东街道,2025,7,${ids[12]}1${end}`);
      const run = await bothPaths(xiangshan, last, 200);
      expectSameAsNormal(run, xiangshan, last);
      expect(run.fastStore.valueAt('丹东街道', 11, 2025)).toBe(xiangshan.targets[11]?.kind === 'milestone' ? 1 : 11);
    }
  });
});

describe('the layout it is given', () => {
  const read = (layout: Partial<FastLongLayout>) =>
    readFastLong(chunked(Buffer.from('id,value\nG1.1,3\n'), 64)(), { fileIndex: 0, delimiter: ',', headerLine: 1, columns: 2, id: 0, value: 1, ...layout }, mini.targets, () => {});
  it('must name distinct columns inside the header, a one-byte separator and a header line', async () => {
    await expect(read({})).resolves.toMatchObject({ rows: 1, figures: 1, fallback: null });
    for (const wrong of [{ id: 2 }, { value: 0 }, { year: -1 }, { delimiter: ',,' }, { delimiter: '"' }, { delimiter: '，' }, { headerLine: -1 }, { headerLine: 1.5 }, { columns: 1 }]) {
      await expect(read(wrong)).rejects.toThrow(RangeError);
    }
  });

  it('reads every line as data with header line 0 (a part of a file after its header)', async () => {
    const figures: number[] = [];
    const layout: FastLongLayout = { fileIndex: 0, delimiter: ',', headerLine: 0, columns: 2, id: 0, value: 1 };
    const result = await readFastLong(chunked(Buffer.from('G1.1,3\nM1.1,1200\n'), 64)(), layout, mini.targets, (f) => figures.push(f.row));
    expect(result).toMatchObject({ lines: 2, rows: 2, figures: 2, fallback: null });
    expect(figures).toEqual([1, 2]);
  });
});

describe('cells read byte by byte', () => {
  it('plain numbers are the doubles Number() gives', () => {
    const read = (text: string) => readPlainNumber(Buffer.from(text), 0, Buffer.byteLength(text));
    expect(read('840.97')).toBe(840.97);
    expect(read('0.1')).toBe(0.1);
    expect(read('-5')).toBe(-5);
    expect(Object.is(read('-0'), -0)).toBe(true);
    expect(read('007.50')).toBe(7.5);
    expect(read('12345678901234567890.5')).toBe(12345678901234567890.5);
    for (const bad of ['', '-', '.5', '5.', '+5', '1e3', '1,200', ' 5', '5 ', '1.2.3']) expect(read(bad)).toBeNaN();
  });

  it('UTF-8 is clean only when well formed and free of U+FEFF and U+FFFD', () => {
    const clean = (bytes: number[]) => cleanUtf8(Uint8Array.from(bytes), 0, bytes.length);
    expect(clean([...Buffer.from('丹东街道0001村')])).toBe(true);
    expect(clean([0xf0, 0x9f, 0x98, 0x80])).toBe(true);
    expect(clean([0xef, 0xbb, 0xbf])).toBe(false);
    expect(clean([0xef, 0xbf, 0xbd])).toBe(false);
    expect(clean([0xc0, 0x80])).toBe(false); // overlong
    expect(clean([0xed, 0xa0, 0x80])).toBe(false); // a surrogate
    expect(clean([0xe4, 0xb8])).toBe(false); // cut short
    expect(clean([0xff])).toBe(false);
  });
});

describe('property: random files read the same by both paths', () => {
  // Mostly plain cells, so that many files are read far (or whole) before an odd cell hands over.
  const file = randomLongCsv(mini, 40);

  it('a source that gives the same buffer again and again is read alike: the reader keeps copies only', async () => {
    /** Everything the reader gives: each figure as text, its counts, the hand-over and the bytes after it. */
    const reading = async (chunks: AsyncIterable<Uint8Array>, layout: FastLongLayout) => {
      const figures: string[] = [];
      const result = await readFastLong(chunks, layout, mini.targets, (f) => figures.push(`${f.row}|${f.regionName}|${f.target}|${f.year}|${Object.is(f.value, -0) ? '-0' : f.value}|${f.code}|${f.valueText()}`));
      const rest: Buffer[] = [];
      // The rest is read as the normal path reads it: each chunk used before the next is asked for.
      if (result.fallback) for await (const part of result.fallback.rest) rest.push(Buffer.from(part));
      return { figures, lines: result.lines, rows: result.rows, fallback: result.fallback ? { line: result.fallback.line, offset: result.fallback.offset, reason: result.fallback.reason } : null, rest: Buffer.concat(rest).toString('latin1') };
    };
    let read = 0;
    await fc.assert(
      fc.asyncProperty(file, async ({ bytes, chunk }) => {
        const found = layoutOf(bytes);
        if (!found) return;
        read++;
        expect(await reading(reusedChunks(bytes, chunk)(), found.layout)).toEqual(await reading(chunked(bytes, chunk)(), found.layout));
      }),
      { numRuns: 200 },
    );
    expect(read).toBeGreaterThan(100);
  });

  it('same figures, rows and located errors up to the hand-over, and the exact rest after it', async () => {
    let whole = 0;
    let handedOver = 0;
    await fc.assert(
      fc.asyncProperty(file, async ({ bytes, chunk }) => {
        const run = await bothPaths(mini, bytes, chunk);
        expectSameAsNormal(run, mini, bytes);
        if (run.fast && !run.fast.fallback && run.fast.figures > 0) whole++;
        if (run.fast?.fallback && run.fast.fallback.line > 2) handedOver++;
      }),
      { numRuns: 300 },
    );
    // The generator reaches both outcomes often: whole files, and hand-overs after rows were read.
    expect(whole).toBeGreaterThan(30);
    expect(handedOver).toBeGreaterThan(30);
  });
});
