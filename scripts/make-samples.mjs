// Writes the sample submissions of fixtures/xiangshan/ from the bundled plan, deterministically:
// plausible figures for every target, most met, some missed (hard and soft), in the dialects
// analysts' spreadsheets produce. Run after `npm run build`: node scripts/make-samples.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { loadPlan } from '../dist/plan/load-plan.js';

const root = new URL('../', import.meta.url);
const { plan, problems } = loadPlan(new URL('targets.yaml', root).pathname);
if (!plan) throw new Error(`targets.yaml is invalid (${problems.length} problems)`);
const out = new URL('fixtures/xiangshan/', root);
mkdirSync(out, { recursive: true });

/** A stable pseudo-random number in [0, 1) from a string. */
function unit(text) {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0), 16777619);
  return ((h >>> 0) % 10000) / 10000;
}

const round = (x) => Number(x.toPrecision(4));
const COUNTS = new Set(['个', '家', '所', '张', '户', '名', '条', '支', '套(间)', '件', '人']);
/** Shares cannot pass 100 %; things counted come whole. */
const bounded = (target, s) => {
  const share = target.unit === '%' && target.kind !== 'cagr' && target.kind !== 'change';
  const whole = COUNTS.has(target.unit) && target.kind !== 'change';
  return Object.fromEntries(
    Object.entries(s).map(([y, v]) => [y, typeof v !== 'number' ? v : share ? Math.min(100, v) : whole ? Math.round(v) : v]),
  );
};
const YEARS = [2020, 2021, 2022, 2023, 2024, 2025];

/**
 * The figures of one target, year → cell text, ending met or missed by the target's draw.
 * `met` decides the outcome at the deadline; the path leads there steadily.
 */
function series(target, met) {
  const { kind, op, value } = target;
  const v = Array.isArray(value) ? value : [value, value];
  // A target that ends short lagged from the start (slow, or a dip below the baseline): what a
  // mid-term review is there to catch.
  const away = !met && unit(`${target.id}/away`) < 0.3;
  const share = (i) => (met ? i / 5 : away && i > 0 && i < 4 ? -0.05 * i : (i / 5) ** 2);
  const path = (start, end) => Object.fromEntries(YEARS.map((y, i) => [y, round(start + (end - start) * share(i))]));
  const aimUp = op === '>=' || op === '>' || op === '~' || op === 'range' || op === '==';
  switch (kind) {
    case 'milestone':
      return { 2023: '否', 2025: met ? '是' : '否' };
    case 'trend': {
      const s = path(10, op === 'decrease' ? 8 : 12);
      if (!met) s[2023] = op === 'decrease' ? 10.5 : 9.5;
      return s;
    }
    case 'cagr': {
      const rate = met ? v[0] + 1.2 : v[0] - 2.5;
      return Object.fromEntries(YEARS.slice(1).map((y) => [y, round(rate + (y % 2 ? 0.3 : -0.3))]));
    }
    case 'change': {
      const base = 1000;
      const target = base * (1 + v[0] / 100);
      const end = op === '<=' || op === '<' ? (met ? target - 20 : target + 30) : met ? target + 20 : target - 30;
      return Object.fromEntries([[2020, `${base}件`], [2023, `${round(base + ((end - base) * 3) / 5)}件`], [2025, `${round(end)}件`]]);
    }
    case 'annual':
    case 'average': {
      const good = aimUp ? v[1] * 1.05 + 0.1 : v[0] * 0.9;
      const bad = aimUp ? v[0] * 0.9 : v[0] * 1.1 + 0.1;
      return Object.fromEntries(YEARS.slice(1).map((y) => [y, round(met || y !== 2023 ? good : bad * (kind === 'average' ? 0.5 : 1))]));
    }
    case 'cumulative': {
      const end = aimUp ? (met ? v[1] * 1.04 : v[0] * 0.85) : met ? v[0] * 0.9 : v[0] * 1.1;
      return Object.fromEntries(YEARS.slice(1).map((y, i) => [y, round((end * (i + 1)) / 5)]));
    }
    default: {
      if (op === '==') {
        const end = met ? v[0] : v[0] === 0 ? 2 : v[0] - 3;
        return path(v[0] === 0 ? 12 : v[0] * 0.8, end);
      }
      if (aimUp) {
        const end = op === 'range' ? (met ? (v[0] + v[1]) / 2 : v[0] * 0.6) : met ? v[1] * (op === '~' ? 1.01 : 1.04) : v[0] * 0.93;
        return path(v[0] * 0.75, end);
      }
      return path(v[0] * 1.25, met ? v[0] * 0.95 : v[0] * 1.06);
    }
  }
}

/** One in six targets misses, more among soft ones. */
const meets = (target) => unit(target.id) > (target.soft ? 0.3 : 0.15);
const needsSeries = (target) => ['cagr', 'change', 'trend', 'annual', 'average'].includes(target.kind);

function rows(upTo, { all = false, region } = {}) {
  const list = [];
  for (const target of plan.targets) {
    const s = bounded(target, series(target, region ? unit(target.id + region) > 0.2 : meets(target)));
    for (const [year, value] of Object.entries(s)) {
      const y = Number(year);
      if (y > upTo) continue;
      if (!all && !needsSeries(target) && y !== Math.min(upTo, target.year) && !(y === 2020 && upTo < target.year)) continue;
      list.push({ region, id: target.id, year: y, value: String(value), unit: '' });
    }
  }
  return list;
}

function write(name, records, { fields = ['id', 'year', 'value'], bom = true, delimiter = ',', encoding = 'utf8', header } = {}) {
  const text = Papa.unparse({ fields: header ?? fields, data: records.map((r) => fields.map((f) => r[f] ?? '')) }, { delimiter, newline: '\r\n' });
  const body = `${text}\r\n`;
  const bytes = encoding === 'gbk' ? iconv.encode(body, 'gbk') : Buffer.from(`${bom ? '\ufeff' : ''}${body}`, 'utf8');
  writeFileSync(new URL(name, out), bytes);
}

const final = rows(2025);
write('submission-2025.csv', final);
write('partial-2025.csv', final.filter((r) => /^(G|M[1-3]?\d\.)/.test(r.id) && unit(r.id) < 0.5));
write('midterm-2020-2023.csv', rows(2023, { all: true }));
write('final-2020-2025.csv', rows(2025, { all: true }));
const head = final.filter((r) => /^M(1|2|3|4)\./.test(r.id));
write('gbk-2025.csv', head, { encoding: 'gbk', header: ['编号', '年份', '实际值'] });
write('utf8-no-bom-2025.csv', head, { bom: false });
write('semicolon-2025.csv', head, { delimiter: ';', header: ['指标编号', '年份', '数值'] });
const regions = ['丹东街道', '丹西街道', '石浦镇'];
write('regions-2025.csv', regions.flatMap((region) => rows(2025, { region }).filter((r) => /^M(1|2)\./.test(r.id))), {
  fields: ['region', 'id', 'year', 'value'],
  header: ['地区', '编号', '年份', '实际值'],
});
// The wide form: one column per year, as `template --years 2020-2025` writes it.
const wide = plan.targets
  .filter((t) => /^M(2|3)\./.test(t.id))
  .map((t) => ({ id: t.id, indicator: t.indicator, ...bounded(t, series(t, meets(t))) }));
write('wide-2020-2025.csv', wide, { fields: ['id', 'indicator', ...YEARS.map(String)], header: ['编号', '指标', ...YEARS.map(String)] });
console.log(`wrote fixtures/xiangshan/: ${final.length} rows in the 2025 submission`);
