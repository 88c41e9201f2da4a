import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { bundledPlan, miniPlan } from '../evaluate/plan.test-helper.js';
import { chunked, fixtureFiles, root } from './csv-bytes.test-helper.js';
import type { Plan } from '../plan/types.js';
import type { FallbackReason } from './fast-long-reader.js';
import { readActuals, type Actuals } from './read-actuals.js';

// Every call of the byte-level reader is recorded, to tell whether a file went through it, which
// lines it gave the table reader one by one (`handed`, physical lines) and where it handed the rest over.
const calls: { fallback: FallbackReason | null; line: number | null; handed: number[] }[] = [];
vi.mock('./fast-long-reader.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('./fast-long-reader.js')>();
  return {
    ...original,
    readFastLong: async (...args: Parameters<typeof original.readFastLong>) => {
      const [chunks, layout, targets, onFigure, onLine] = args;
      const handed: number[] = [];
      const record = onLine && ((cells: string[], line: number) => {
        handed.push(line);
        onLine(cells, line);
      });
      const result = await original.readFastLong(chunks, layout, targets, onFigure, record);
      expect(result.handed).toBe(handed.length);
      calls.push({ fallback: result.fallback?.reason ?? null, line: result.fallback?.line ?? null, handed });
      return result;
    },
  };
});

const mini = miniPlan();
const xiangshan = bundledPlan();

/** Everything a read gives, figures with their rows and files included, as comparable data. */
function observable(actuals: Actuals, plan: Plan): unknown {
  const figures: string[] = [];
  for (const region of actuals.store.regionNames()) {
    for (const target of plan.targets) {
      for (const f of actuals.store.series(region, target.index)) {
        figures.push(`${region}|${target.id}|${f.year}|${Object.is(f.value, -0) ? '-0' : f.value}|${f.source.file}:${f.source.row}|${f.level}`);
      }
    }
  }
  const { inputs, problems, problemCount, notices, noticeCount } = actuals;
  return { figures: figures.sort(), inputs, problems, problemCount, notices, noticeCount };
}

/** Reads `files` (name → bytes) with the fast path and without it; returns both and the fast reader's calls. */
async function bothWays(plan: Plan, files: [string, Buffer][], chunk = 64 * 1024) {
  const sources = files.map(([name, bytes]) => ({ name, open: chunked(bytes, chunk) }));
  calls.length = 0;
  const fast = observable(await readActuals(sources, plan), plan);
  const used = [...calls];
  calls.length = 0;
  const normal = observable(await readActuals(sources, plan, { fast: false }), plan);
  expect(calls).toEqual([]);
  return { fast, normal, used };
}

describe('reading actuals with the fast path gives exactly what the normal path gives', () => {
  const files = fixtureFiles(join(root, 'fixtures'));
  it.each(files.map((file) => [file.slice(root.length), file]))('%s', async (_name, file) => {
    const plan = file.includes('/xiangshan/') ? xiangshan : mini;
    const bytes = readFileSync(file);
    for (const chunk of [5, 64 * 1024]) {
      const { fast, normal } = await bothWays(plan, [['in.csv', bytes]], chunk);
      expect(fast).toEqual(normal);
    }
  });

  it('reads the plain submissions through the fast reader, whole', async () => {
    for (const name of ['xiangshan/partial-2025.csv', 'xiangshan/utf8-no-bom-2025.csv', 'xiangshan/regions-2025.csv', 'xiangshan/broken/duplicate-row.csv']) {
      const { fast, normal, used } = await bothWays(xiangshan, [[name, readFileSync(join(root, 'fixtures', name))]]);
      expect(fast).toEqual(normal);
      expect({ name, used }).toEqual({ name, used: [{ fallback: null, line: null, handed: [] }] });
    }
  });

  it('leaves to the normal path what the fast reader does not know: names, notes, units in headers, title rows, other encodings', async () => {
    const cases = [
      '指标名称,实际值\n城乡居民收入倍差,1.9\n',
      'id,value,备注\nG1.1,5,x\n',
      'id,实际值（亿元）\nG1.1,5\n',
      '2025年报表\nid,value\nG1.1,5\n',
      'sep=;\nid;value\nG1.1;5\n',
      '"id",value\nG1.1,5\n',
      'id,value,extra\nG1.1,5,1\n',
      'id,value\n',
    ];
    for (const text of cases) {
      const { fast, normal, used } = await bothWays(mini, [['x.csv', Buffer.from(text)]]);
      expect(fast).toEqual(normal);
      expect({ text, used }).toEqual({ text, used: [] });
    }
    const gbk = Buffer.from([0x69, 0x64, 0x2c, 0x76, 0x61, 0x6c, 0x75, 0x65, 0x0a, 0x47, 0x31, 0x2e, 0x31, 0x2c, 0xca, 0xc7, 0x0a]);
    const { fast, normal, used } = await bothWays(mini, [['gbk.csv', gbk]]);
    expect(fast).toEqual(normal);
    expect(used).toEqual([]);
  });

  it('hands over mid-file with the header, row numbers and duplicates of the rows read before', async () => {
    // Line 4 has a quoted cell: lines 2–3 are read fast, the rest by the normal path.
    const text = 'region,id,value\n东区,G1.1,5\n西区,G1.1,6\n东区,"G1.1",7\n西区,G1.1,8\n北区,G9.9,1\n';
    const { fast, normal, used } = await bothWays(mini, [['a.csv', Buffer.from(text)]]);
    expect(used).toEqual([{ fallback: 'quote', line: 4, handed: [] }]);
    expect(fast).toEqual(normal);
    const problems = (fast as { problems: { code: string; line: number; params: { other?: string } }[] }).problems;
    expect(problems.map((p) => [p.code, p.line, p.params.other ?? null])).toEqual([
      ['row.duplicate-in-region', 4, 'a.csv:2'],
      ['row.duplicate-in-region', 5, 'a.csv:3'],
      ['row.unknown-id', 6, null],
    ]);
  });

  it('leaves a figure too large for a double to the normal path, which refuses it where it is', async () => {
    const text = `id,value\nM1.1,${'9'.repeat(400)}\nG1.1,5\n`;
    const { fast, normal, used } = await bothWays(mini, [['big.csv', Buffer.from(text)]]);
    expect(used).toEqual([{ fallback: null, line: null, handed: [2] }]);
    expect(fast).toEqual(normal);
    const problems = (fast as { problems: { code: string; line: number }[] }).problems;
    expect(problems.map((p) => [p.code, p.line])).toEqual([['row.not-finite', 2]]);
  });

  it('reads an odd but plain line through the table reader in its place and goes on with the next line', async () => {
    // Lines 3–6 and 8–11 split plainly but are not read byte by byte (a unit or % in a value, a
    // ragged row, an unknown id, a padded year, a subtotal line, a line of separators); line 12
    // has a quote: the rest goes to the normal path. Duplicates: 5 of 2 (fast, then table
    // reader), 7 of 6 (table reader, then fast), 13 of 12 (the normal path's own).
    const text = [
      'region,id,year,value',
      '东区,G1.1,2025,3.5',
      '东区,M1.1,2025,900亿元',
      '西区,M1.1,2025,1,200',
      '东区,G1.1,2025,3.6%',
      '西区,G1.1,2025年,3.4%',
      '西区,G1.1,2025,3.5',
      '北区,X9.9,2025,1',
      '北区,M1.3, 2025,3',
      '合计',
      ',,,',
      '东区,"M1.3",2025,3',
      '东区,M1.3,2025,4',
    ];
    for (const newline of ['\n', '\r\n']) {
      for (const chunk of [5, 64 * 1024]) {
        const { fast, normal, used } = await bothWays(mini, [['a.csv', Buffer.from(text.join(newline) + newline)]], chunk);
        expect(used).toEqual([{ fallback: 'quote', line: 12, handed: [3, 4, 5, 6, 8, 9, 10, 11] }]);
        expect(fast).toEqual(normal);
        const read = fast as { figures: string[]; problems: { code: string; line: number; params: { other?: string } }[]; notices: { code: string; line: number }[]; inputs: { rows: number; figures: number }[] };
        expect(read.problems.map((p) => [p.code, p.line, p.params.other ?? null])).toEqual([
          ['csv.ragged-row', 4, null],
          ['row.duplicate-in-region', 5, 'a.csv:2'],
          ['row.duplicate-in-region', 7, 'a.csv:6'],
          ['row.unknown-id', 8, null],
          ['row.duplicate-in-region', 13, 'a.csv:12'],
        ]);
        expect(read.figures).toEqual(['东区|G1.1|2025|3.5|0:2|false', '东区|M1.1|2025|900|0:3|false', '东区|M1.3|2025|3|0:12|false', '北区|M1.3|2025|3|0:9|false', '西区|G1.1|2025|3.4|0:6|false']);
        expect(read.notices.map((n) => [n.code, n.line])).toEqual([['notice.row-subtotal', 10]]);
        expect(read.inputs[0]?.rows).toBe(10);
        expect(read.inputs[0]?.figures).toBe(5);
      }
    }
  });

  it('reads the sample submission whole: its six values with a unit (1000件) go to the table reader one by one', async () => {
    const name = 'xiangshan/submission-2025.csv';
    const { fast, normal, used } = await bothWays(xiangshan, [[name, readFileSync(join(root, 'fixtures', name))]]);
    expect(used).toEqual([{ fallback: null, line: null, handed: [386, 387, 388, 396, 397, 398] }]);
    expect(fast).toEqual(normal);
  });

  it('keeps figures of several files apart and finds a duplicate across them', async () => {
    const a = Buffer.from('id,value\nG1.1,5\n');
    const b = Buffer.from('id,value\nM1.1,1000\nG1.1,6\n');
    const { fast, normal, used } = await bothWays(mini, [['a.csv', a], ['b.csv', b]]);
    expect(used.length).toBe(2);
    expect(fast).toEqual(normal);
    const problems = (fast as { problems: { code: string; file: string; line: number; params: { other?: string } }[] }).problems;
    expect(problems.map((p) => [p.code, p.file, p.line, p.params.other])).toEqual([['row.duplicate', 'b.csv', 3, 'a.csv:2']]);
  });
});

describe('property: random long-format files read the same with and without the fast path', () => {
  const ids = [...mini.targets.map((t) => t.id), 'g1.1', 'X9.9', '', '小计'];
  const mostly = <T,>(plain: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) => fc.oneof({ arbitrary: plain, weight: 15 }, { arbitrary: odd, weight: 1 });
  const cell = {
    id: mostly(fc.constantFrom(...ids.slice(0, -4)), fc.constantFrom(...ids.slice(-4))),
    region: mostly(fc.constantFrom('东区', '西区', 'a', ' b', 'Ｂ区', ''), fc.constantFrom('区\ufffd', 'x\ufeff', '"c"')),
    year: mostly(fc.constantFrom('2025', '2024', '2025年', '', '2019', '2026'), fc.constantFrom(' 2025', 'abc', '2025年度')),
    value: mostly(fc.oneof(fc.integer().map(String), fc.tuple(fc.integer({ min: -1e6, max: 1e9 }), fc.integer({ min: 0, max: 999 })).map(([a, b]) => `${a}.${b}`), fc.constantFrom('是', '否', '', '1e5')), fc.constantFrom('3.5%', '1,200', '"5"', 'abc', '—', '900亿元', '#N/A')),
    unit: mostly(fc.constant(''), fc.constantFrom('%', '亿元')),
    note: mostly(fc.constantFrom('', 'x'), fc.constantFrom('"a,b"', 'c\rd', 'e\n')),
  };
  const headers = { id: ['id', '指标编号'], value: ['value', '实际值', '完成值'], region: ['region', '地区'], year: ['year', '年份'], unit: ['unit', '单位'], note: ['序号', '备注'] } as const;
  const file = fc
    .record({
      columns: fc.shuffledSubarray(['region', 'year', 'unit', 'note'] as const).chain((extra) => fc.shuffledSubarray(['id', 'value', ...extra] as const, { minLength: extra.length + 2 })),
      chinese: fc.boolean(),
      delimiter: fc.constantFrom(',', ';', '\t'),
      newline: fc.constantFrom('\n', '\r\n'),
      bom: fc.boolean(),
      rows: fc.array(fc.record({ id: cell.id, region: cell.region, year: cell.year, value: cell.value, unit: cell.unit, note: cell.note, blank: fc.integer({ min: 0, max: 12 }), ragged: fc.integer({ min: 0, max: 100 }) }), { maxLength: 40 }),
      chunk: fc.integer({ min: 1, max: 97 }),
    })
    .map(({ columns, chinese, delimiter, newline, bom, rows, chunk }) => {
      const lines = [columns.map((column) => headers[column][chinese ? 1 : 0]).join(delimiter)];
      for (const row of rows) {
        if (row.blank === 0) lines.push('');
        const cells = columns.map((column) => row[column]);
        if (row.ragged === 0) cells.push('extra');
        lines.push(cells.join(delimiter));
      }
      return { bytes: Buffer.from((bom ? '\ufeff' : '') + lines.join(newline) + newline), chunk };
    });

  it('same figures, rows, located errors and notices', async () => {
    let fastWhole = 0;
    let lineByLine = 0;
    let handedOver = 0;
    await fc.assert(
      fc.asyncProperty(file, async ({ bytes, chunk }) => {
        const { fast, normal, used } = await bothWays(mini, [['r.csv', bytes]], chunk);
        expect(fast).toEqual(normal);
        if (used.length === 1 && used[0]?.fallback === null) fastWhole++;
        if (used.length === 1 && (used[0]?.handed.length ?? 0) > 0) lineByLine++;
        if (used.length === 1 && (used[0]?.line ?? 0) > 3) handedOver++;
      }),
      { numRuns: 300 },
    );
    // The generator reaches every outcome often: files read whole, odd lines given to the table
    // reader one by one, and hand-overs of the rest after rows were read.
    expect(fastWhole).toBeGreaterThan(20);
    expect(lineByLine).toBeGreaterThan(20);
    expect(handedOver).toBeGreaterThan(10);
  });
});

describe('property: odd lines read one by one among plain ones, duplicates between them both ways', () => {
  // Few cells (2 regions, 3 targets, 2 years), so that figures repeat often. Each line is plain,
  // or odd but plain to split (a unit or % in the value, a padded year or id, an id to normalise,
  // a ragged row, a footnote, a blank line), or now and then one the normal path must read (a
  // quote, a lone CR, a U+FEFF), after which the normal path reads the rest.
  const line = fc.record({
    region: fc.constantFrom('东区', 'Ｂ区'),
    id: fc.constantFrom('G1.1', 'M1.1', 'M1.3'),
    year: fc.constantFrom('2025', '2024'),
    value: fc.integer({ min: 1, max: 9 }).map(String),
    shape: fc.oneof(
      { arbitrary: fc.constant('plain'), weight: 12 },
      { arbitrary: fc.constantFrom('unit', 'padded-year', 'lower-id', 'spaced-id', 'comma', 'ragged', 'footnote', 'blank', 'separators'), weight: 6 },
      { arbitrary: fc.constantFrom('quote', 'lone-cr', 'bom'), weight: 1 },
    ),
  });
  const unitOf: Record<string, string> = { 'G1.1': '%', 'M1.1': '亿元', 'M1.3': '%' };
  const file = fc.record({ lines: fc.array(line, { minLength: 1, maxLength: 40 }), delimiter: fc.constantFrom(',', ';', '\t'), newline: fc.constantFrom('\n', '\r\n'), chunk: fc.integer({ min: 1, max: 61 }) }).map(({ lines, delimiter, newline, chunk }) => {
    const text = lines.map(({ region, id, year, value, shape }) => {
      const cells = [region, id, year, value];
      if (shape === 'unit') cells[3] = `${value}${unitOf[id]}`;
      else if (shape === 'padded-year') cells[2] = ` ${year}`;
      else if (shape === 'lower-id') cells[1] = id.toLowerCase();
      else if (shape === 'spaced-id') cells[1] = ` ${id}`;
      else if (shape === 'comma') cells[3] = `1,00${value}`;
      else if (shape === 'ragged') cells.push('x');
      else if (shape === 'footnote') return '注：数据为初步统计';
      else if (shape === 'blank') return '';
      else if (shape === 'separators') return delimiter.repeat(3);
      else if (shape === 'quote') cells[3] = `"${value}"`;
      else if (shape === 'lone-cr') cells[3] = `${value}\r`;
      else if (shape === 'bom') cells[0] = `\ufeff${region}`;
      return cells.join(delimiter);
    });
    return { bytes: Buffer.from(['region', 'id', 'year', 'value'].join(delimiter) + newline + text.join(newline) + newline), chunk };
  });

  it('same figures, rows, located errors and notices as the normal path', async () => {
    let handedThenFast = 0;
    let fastThenHanded = 0;
    let handedOver = 0;
    await fc.assert(
      fc.asyncProperty(file, async ({ bytes, chunk }) => {
        const { fast, normal, used } = await bothWays(mini, [['d.csv', bytes]], chunk);
        expect(fast).toEqual(normal);
        const call = used[0];
        if (!call) return;
        if (call.fallback !== null && call.line !== null && call.line > 2) handedOver++;
        // Each duplicate the fast reader's part of the file has, by who read its two lines.
        const byFast = (line: number) => !call.handed.includes(line) && (call.line === null || line < call.line);
        const byTable = (line: number) => call.handed.includes(line);
        for (const p of (fast as { problems: { code: string; line: number; params: { other?: string } }[] }).problems) {
          if (p.code !== 'row.duplicate-in-region') continue;
          const other = Number(p.params.other?.split(':')[1]);
          if (byTable(other) && byFast(p.line)) handedThenFast++;
          if (byFast(other) && byTable(p.line)) fastThenHanded++;
        }
      }),
      { numRuns: 300 },
    );
    // Typically about 40, 40 and 50 of 300 files.
    expect(handedThenFast).toBeGreaterThan(15);
    expect(fastThenHanded).toBeGreaterThan(15);
    expect(handedOver).toBeGreaterThan(20);
  });
});
