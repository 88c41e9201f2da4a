import { distance } from 'fastest-levenshtein';
import type { Plan, Target } from '../plan/types.js';
import { isUnitText } from './units.js';

/** An indicator name as compared: NFKC, no spaces or quotation marks, one kind of bracket and dash, lower-case. */
export function normaliseName(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\u200b\u3000]+/g, '')
    .replace(/["'`“”‘’「」『』〝〞]/g, '')
    .replace(/[【〔［]/g, '(')
    .replace(/[】〕］]/g, ')')
    .replace(/[‐‑‒–—―−~〜～]/g, '-')
    .replace(/[、]/g, ',')
    .toLowerCase();
}

// A list number or mark before a name: 1. 1、 (1) ① 一、 其中: ★
// (Names are normalised first: 、 is then a comma, full-width brackets and colons ASCII, ① is 1.)
const LIST_MARK = /^(?:\d{1,3}\s*[.,)]|\(\s*\d{1,3}\s*\)|[一二三四五六七八九十]{1,3}\s*[,.]|\([一二三四五六七八九十]{1,3}\)|其中[:,]?|[*★☆△▲※#]+)\s*/;

/** The outcome of looking a name up. */
export type NameMatch =
  | { kind: 'one'; target: Target; unit: string | null }
  | { kind: 'many'; targets: Target[] }
  | { kind: 'none'; closest: Target[] };

/** Targets by normalised indicator name, Chinese and English, for rows without an id. */
export class NameIndex {
  private readonly byName = new Map<string, Target[]>();
  private readonly names: { name: string; target: Target }[] = [];
  /** Answers by raw text: long files repeat names row after row. Bounded like the reader's memos. */
  private readonly answers = new Map<string, NameMatch>();
  /** Closest names are searched for this many unknown names; past that a hostile file would cost too much. */
  private searchesLeft = 1000;

  constructor(plan: Plan) {
    for (const target of plan.targets) {
      for (const name of new Set([normaliseName(target.indicator), normaliseName(target.indicatorEn)])) {
        if (name === '') continue;
        const list = this.byName.get(name);
        if (list) list.push(target);
        else this.byName.set(name, [target]);
        this.names.push({ name, target });
      }
    }
  }

  /**
   * Finds the target a name stands for. A name may end in its unit in brackets
   * (`外贸进出口总额（亿元）`): when only the shorter name matches, that unit is returned with it.
   */
  match(raw: string): NameMatch {
    let answer = this.answers.get(raw);
    if (answer === undefined) {
      answer = this.lookUp(raw);
      if (this.answers.size >= 4096) this.answers.clear();
      this.answers.set(raw, answer);
    }
    return answer;
  }

  private lookUp(raw: string): NameMatch {
    const name = normaliseName(raw);
    const found = this.byName.get(name);
    if (found?.length === 1 && found[0]) return { kind: 'one', target: found[0], unit: null };
    if (found && found.length > 1) return { kind: 'many', targets: found };
    // Ledgers number their rows in the name (1.外贸…, (1)外贸…, 其中:外贸…) and mark key ones (★).
    const bare = name.replace(LIST_MARK, '').replace(/[*★☆△▲※#]+$/, '');
    if (bare !== name && bare !== '') {
      const marked = this.lookUp(bare);
      if (marked.kind !== 'none') return marked;
    }
    const withUnit = /^(.+?)\(([^()]+)\)$/.exec(name);
    if (withUnit) {
      const shorter = this.byName.get(withUnit[1] ?? '');
      const unit = withUnit[2] ?? '';
      if (shorter?.length === 1 && shorter[0]) return { kind: 'one', target: shorter[0], unit: isUnitText(unit) ? unit : null };
      if (shorter && shorter.length > 1) return { kind: 'many', targets: shorter };
    }
    if (this.searchesLeft <= 0) return { kind: 'none', closest: [] };
    this.searchesLeft--;
    return { kind: 'none', closest: this.closest(name, 3) };
  }

  /** The `count` targets whose names are nearest to `name` by edit distance. */
  closest(name: string, count: number): Target[] {
    const scored = this.names.map((entry) => ({ target: entry.target, d: distance(name, entry.name) }));
    scored.sort((a, b) => a.d - b.d || a.target.index - b.target.index);
    const result: Target[] = [];
    for (const { target } of scored) {
      if (!result.includes(target)) result.push(target);
      if (result.length >= count) break;
    }
    return result;
  }
}

/** Names and ids of targets for a message: `外贸进出口总额 (G2.7)、…`. */
export function listTargets(targets: Target[], lang: 'zh' | 'en' = 'zh'): string {
  return targets.map((t) => `${lang === 'zh' ? t.indicator : t.indicatorEn} (${t.id})`).join(lang === 'zh' ? '、' : '; ');
}
