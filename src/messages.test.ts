import { describe, expect, it } from 'vitest';
import { detectLang, fillTemplate, formatMessage, messages, pluralCategory } from './messages.js';

describe('fillTemplate', () => {
  const rows = '{count, plural, one {# row} other {# rows}}';

  it('picks the English plural form by Intl.PluralRules: 1 is singular, 0 and 2 are plural', () => {
    expect(fillTemplate(rows, { count: 1 }, 'en')).toBe('1 row');
    expect(fillTemplate(rows, { count: 0 }, 'en')).toBe('0 rows');
    expect(fillTemplate(rows, { count: 2 }, 'en')).toBe('2 rows');
    expect(fillTemplate(rows, { count: 1.5 }, 'en')).toBe('1.5 rows');
  });

  it('whole numbers take the category Intl.PluralRules gives, in both languages (without asking it); fractions are rounded as Intl rounds them', () => {
    const intl = { en: new Intl.PluralRules('en'), zh: new Intl.PluralRules('zh') };
    const counts = [0, -0, 1, -1, 2, -2, 11, 21, 101, 1001, 2 ** 31, -(2 ** 31), Number.MAX_SAFE_INTEGER, 1e21, 1e300];
    for (let n = 0; n < 2000; n++) counts.push(n * 7919 - 5_000_000);
    const fractions = [0.5, 1.5, 1.0004, 0.9996, 1.0005, 0.9995, -1.0004, 2.0001, 1e-7, NaN, Infinity, -Infinity];
    for (const lang of ['en', 'zh'] as const) {
      for (const count of [...counts, ...fractions]) expect(pluralCategory(count, lang), `${lang} ${count}`).toBe(intl[lang].select(count));
    }
    expect(pluralCategory(1.0004, 'en')).toBe('one');
    expect(pluralCategory(1, 'zh')).toBe('other');
  });

  it('Chinese has one form: "other"', () => {
    expect(fillTemplate('{count, plural, other {# 行}}', { count: 1 }, 'zh')).toBe('1 行');
  });

  it('an exact branch (=0) wins over the plural category, in both languages', () => {
    const soft = '{soft, plural, =0 {} one { (# soft)} other { (# soft ones)}}';
    expect(fillTemplate(`x${soft}`, { soft: 0 }, 'en')).toBe('x');
    expect(fillTemplate(`x${soft}`, { soft: 1 }, 'en')).toBe('x (1 soft)');
    expect(fillTemplate(`x${soft}`, { soft: 3 }, 'en')).toBe('x (3 soft ones)');
    expect(fillTemplate('{n, plural, =0 {无} other {# 个}}', { n: 0 }, 'zh')).toBe('无');
    expect(fillTemplate('{n, plural, =0 {无} other {# 个}}', { n: 2 }, 'zh')).toBe('2 个');
  });

  it('fills plain placeholders beside plural ones and leaves unknown ones as written', () => {
    expect(fillTemplate(`{file}: ${rows} {missing}`, { file: 'a.csv', count: 3 }, 'en')).toBe('a.csv: 3 rows {missing}');
  });
});

describe('fillTemplate, cut once per template', () => {
  /** The template filled by two passes of regular expressions over the text, as it was before templates were cut up. */
  function twoPasses(template: string, params: Record<string, string | number>, lang: 'zh' | 'en'): string {
    const plural = new Intl.PluralRules(lang);
    const plurals = template.replace(/\{(\w+), plural,((?:\s*=?\w+ \{[^{}]*\})+)\s*\}/g, (whole, name: string, branches: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      const forms = new Map<string, string>();
      for (const branch of branches.matchAll(/(=?\w+) \{([^{}]*)\}/g)) forms.set(branch[1] ?? '', branch[2] ?? '');
      const chosen = forms.get(`=${Number(value)}`) ?? forms.get(plural.select(Number(value))) ?? forms.get('other') ?? '';
      return chosen.replace(/#/g, String(value));
    });
    return plurals.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
  }

  it('fills a plural with its number only: text given for it is not read again for places', () => {
    expect(fillTemplate('{n, plural, other {# 个}} {file}', { n: '{file}', file: 'a.csv' }, 'zh')).toBe('{file} 个 a.csv');
  });

  it('gives every message of the table, in both languages, the text the two passes give, with any count and with a parameter missing', () => {
    for (const message of Object.values(messages)) {
      for (const lang of ['zh', 'en'] as const) {
        const template = message[lang];
        const names = [...new Set([...template.matchAll(/\{(\w+)[},]/g)].map((m) => m[1] ?? ''))];
        const counted = new Set([...template.matchAll(/\{(\w+), plural,/g)].map((m) => m[1] ?? ''));
        for (const count of [0, 1, 2, 1.5, 1000]) {
          // Plural parameters are numbers; others are text, which is never read again for places.
          const params = Object.fromEntries(names.map((name) => [name, counted.has(name) ? count : `v{${name}}#`]));
          expect(fillTemplate(template, params, lang)).toBe(twoPasses(template, params, lang));
          const lacking = Object.fromEntries(names.slice(1).map((name) => [name, count]));
          expect(fillTemplate(template, lacking, lang)).toBe(twoPasses(template, lacking, lang));
        }
      }
    }
  });
});

describe('message table', () => {
  it('every code has both languages with the same placeholders', () => {
    for (const [code, message] of Object.entries(messages)) {
      // A Chinese message may take the Chinese wording of a parameter (`reasonZh` for `reason`).
      const names = (text: string) => [...new Set([...text.matchAll(/\{(\w+)[},]/g)].map((m) => m[1]?.replace(/Zh$/, '')))].sort();
      expect(names(message.zh), code).toEqual(names(message.en));
    }
  });

  it('no English message pluralises with "(s)"', () => {
    for (const [code, message] of Object.entries(messages)) expect(message.en, code).not.toMatch(/\(s\)/);
  });

  it('commander errors read naturally in both languages', () => {
    const params = { command: 'show', expected: 1, received: 2 };
    expect(formatMessage('cli.excess-arguments', params, 'en')).toBe('too many arguments for show: expected 1 argument, got 2');
    expect(formatMessage('cli.excess-arguments', { ...params, expected: 0 }, 'en')).toBe('too many arguments for show: expected 0 arguments, got 2');
    expect(formatMessage('cli.excess-arguments', params, 'zh')).toBe('show 的参数过多:应为 1 个,实际给了 2 个');
  });
});

describe('detectLang', () => {
  const windows = () => 'zh-CN';
  const english = () => 'en-US';

  it('--lang wins over everything', () => {
    expect(detectLang({ LANG: 'zh_CN.UTF-8' }, 'en', windows)).toBe('en');
    expect(detectLang({ LANG: 'en_US.UTF-8' }, 'zh', english)).toBe('zh');
  });

  it('then LC_ALL, LC_MESSAGES, LANG in that order', () => {
    expect(detectLang({ LC_ALL: 'zh_CN.UTF-8', LC_MESSAGES: 'en_US', LANG: 'en_US' }, undefined, english)).toBe('zh');
    expect(detectLang({ LC_ALL: '', LC_MESSAGES: 'en_US', LANG: 'zh_CN' }, undefined, windows)).toBe('en');
    expect(detectLang({ LANG: 'zh_TW.UTF-8' }, undefined, english)).toBe('zh');
    expect(detectLang({ LANG: 'C.UTF-8' }, undefined, windows)).toBe('en');
  });

  it('with no locale variable at all (Windows), the locale Intl reports', () => {
    expect(detectLang({}, undefined, windows)).toBe('zh');
    expect(detectLang({}, undefined, () => 'zh-Hans-CN')).toBe('zh');
    expect(detectLang({}, undefined, english)).toBe('en');
  });

  it('an unknown --lang value falls back to the locale (commander then refuses it)', () => {
    expect(detectLang({ LANG: 'zh_CN.UTF-8' }, 'fr', english)).toBe('zh');
  });
});

describe('fillTemplate: a template parsed once fills as the two passes of replacement do', () => {
  // The rule as first written: plural blocks replaced first, then `{name}` placeholders.
  function reference(template: string, params: Record<string, string | number>, lang: 'zh' | 'en'): string {
    const plurals = template.replace(/\{(\w+), plural,((?:\s*=?\w+ \{[^{}]*\})+)\s*\}/g, (whole, name: string, branches: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      const forms = new Map<string, string>();
      for (const branch of branches.matchAll(/(=?\w+) \{([^{}]*)\}/g)) forms.set(branch[1] ?? '', branch[2] ?? '');
      const chosen = forms.get(`=${Number(value)}`) ?? forms.get(new Intl.PluralRules(lang).select(Number(value))) ?? forms.get('other') ?? '';
      return chosen.replace(/#/g, String(value));
    });
    return plurals.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
  }

  it('gives the same text for every message, in both languages, with counts 0, 1, 2 and 21, words and missing parameters', () => {
    let checked = 0;
    for (const [code, message] of Object.entries(messages)) {
      for (const lang of ['zh', 'en'] as const) {
        const template = message[lang];
        const names = [...template.matchAll(/\{(\w+)/g)].map((m) => m[1]!);
        for (const count of [0, 1, 2, 21]) {
          const params = Object.fromEntries(names.map((name, i) => [name, i % 2 === 0 ? count : `w${i}`]));
          expect([code, fillTemplate(template, params, lang)]).toEqual([code, reference(template, params, lang)]);
          checked++;
        }
        expect(fillTemplate(template, {}, lang)).toBe(reference(template, {}, lang));
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('fills a plural with an exact branch, a category and `#`, and leaves an unknown placeholder as written', () => {
    const template = '{n, plural, =0 {none} one {# row} other {# rows}} in {file}; {missing}';
    expect(fillTemplate(template, { n: 0, file: 'a.csv' }, 'en')).toBe('none in a.csv; {missing}');
    expect(fillTemplate(template, { n: 1, file: 'a.csv' }, 'en')).toBe('1 row in a.csv; {missing}');
    expect(fillTemplate(template, { n: 3, file: 'a.csv' }, 'en')).toBe('3 rows in a.csv; {missing}');
    expect(fillTemplate(template, { file: 'a.csv' }, 'en')).toBe('{n, plural, =0 {none} one {# row} other {# rows}} in a.csv; {missing}');
  });
});
