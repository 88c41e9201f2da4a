// Writes the 18-town samples of fixtures/towns/ from the bundled plan, deterministically: a
// submission by town without a county row (county figures derived), the same with a county row
// that does not add up for one total, and the towns' decomposed targets with population weights.
// The figures are invented. Run after `npm run build`: node scripts/make-town-samples.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { loadPlan } from '../dist/plan/load-plan.js';

const root = new URL('../', import.meta.url);
const { plan } = loadPlan(new URL('targets.yaml', root).pathname);
if (!plan?.regions) throw new Error('targets.yaml is invalid or declares no regions');
const out = new URL('fixtures/towns/', root);
mkdirSync(out, { recursive: true });
const towns = plan.regions.units;

/** Resident population of each town, 万人 (invented), and its share of the county. */
const POPULATION = [8.1, 6.4, 2.6, 6.2, 4.3, 2.9, 2.2, 1.8, 2.0, 2.7, 2.0, 2.3, 2.1, 0.9, 1.1, 1.0, 1.0, 1.4];
const totalPopulation = POPULATION.reduce((a, b) => a + b, 0);
const share = (i) => POPULATION[i] / totalPopulation;
/** A small stable wobble per town so that towns differ beyond their size. */
const wobble = (i, salt) => 1 + (((i * 7919 + salt * 104729) % 97) / 97 - 0.5) * 0.2;
const round = (x, digits) => Number(x.toFixed(digits));

// Totals (sum): each town's share of a county figure, rounded as a statistics office would.
const TOTALS = [
  { id: 'G2.7', county: 262, digits: 2 },   // 外贸进出口总额 > 250 亿元: met by the roll-up
  { id: 'M3.7', county: 812, digits: 0 },   // 规模企业 ≥ 800 家
  { id: 'M35.3', county: 4.2, digits: 3 },  // 累计城镇新增就业 ≥ 4.5 万人: missed by the roll-up
  { id: 'M12.1', county: 46, digits: 1 },   // 海塘维修加固 ≥ 44 公里 (cumulative)
];
// Intensive figures: each town's own rate, judged against the county target.
const RATES = [
  { id: 'G3.1', base: 7.9, digits: 2 },     // 居民人均可支配收入 ≥ 7.85 万元 (weighted by 常住人口)
  { id: 'G3.5', base: 72, digits: 1 },      // 常住人口城镇化率 ≥ 71.5 % (weighted)
];

const rows = [];
const townTotals = new Map();
for (const { id, county, digits } of TOTALS) {
  const figures = towns.map((_, i) => round(county * share(i) * wobble(i, id.length), digits));
  townTotals.set(id, figures);
  towns.forEach((town, i) => rows.push([town, id, 2025, figures[i]]));
}
for (const { id, base, digits } of RATES) {
  towns.forEach((town, i) => rows.push([town, id, 2025, round(base * wobble(i, id.length + 3), digits)]));
}
// 法定人员社保覆盖率 = 100 %: every town but one at full coverage (mean).
towns.forEach((town, i) => rows.push([town, 'G4.8', 2025, i === 13 ? 98.5 : 100]));
// 年种植粮食面积 ≥ 17 万亩 every year (annual, sum): towns' areas for 2021–2025.
for (let year = 2021; year <= 2025; year++) {
  towns.forEach((town, i) => rows.push([town, 'M25.4', year, round(17.6 * share(i) * wobble(i, year), 3)]));
}
// 城乡居民收入倍差 ≤ 1.67 (none): a ratio no town figure adds up to.
towns.forEach((town, i) => rows.push([town, 'G3.6', 2025, round(1.6 * wobble(i, 11), 2)]));

const header = ['地区', '编号', '年份', '实际值'];
const csv = (data) => `\ufeff${Papa.unparse({ fields: header, data }, { newline: '\r\n' })}\r\n`;
writeFileSync(new URL('towns-2025.csv', out), csv(rows));

// The same with a county row (全县) for each total: the towns' sum, except 外贸 reported 8 亿元 higher.
const sum = (id) => round(townTotals.get(id).reduce((a, b) => a + b, 0), 4);
const countyRows = TOTALS.map(({ id }) => ['全县', id, 2025, id === 'G2.7' ? round(sum(id) + 8, 2) : sum(id)]);
writeFileSync(new URL('towns-with-county-2025.csv', out), csv([...countyRows, ...rows]));

// Decomposed targets (分解目标) for two totals, and every town's population as the weight.
const targetsRows = [];
const trade = towns.map((_, i) => round(255 * share(i), 1));   // adds up to about 255 > 250
const firms = towns.map((_, i) => Math.floor(780 * share(i))); // short of 800: a warning
towns.forEach((town, i) => targetsRows.push([town, 'G2.7', '', trade[i], '']));
towns.forEach((town, i) => targetsRows.push([town, 'M3.7', '≥', firms[i], 2025]));
towns.forEach((town, i) => targetsRows.push([town, '常住人口', '', POPULATION[i], 2025]));
writeFileSync(
  new URL('region-targets.csv', out),
  `\ufeff${Papa.unparse({ fields: ['地区', '编号', '比较符', '分解目标值', '年份'], data: targetsRows }, { newline: '\r\n' })}\r\n`,
);
console.log(`fixtures/towns: ${rows.length} town rows; G2.7 towns ${sum('G2.7')}, M3.7 towns ${sum('M3.7')}, shares ${round(trade.reduce((a, b) => a + b, 0), 1)} / ${firms.reduce((a, b) => a + b, 0)}`);
