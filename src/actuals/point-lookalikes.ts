import { closest } from 'fastest-levenshtein';
import { formatMessage } from '../messages.js';
/** Cyrillic and Greek letters that look like Latin ones, and the Latin letter they pass for. */
const LOOKALIKES = new Map<string, { latin: string; script: 'Cyrillic' | 'Greek' }>([
  ...[...'АВСЕНІЈКМОРЅТХУаеіјорсхуԁԛԜГ'].map((c, i) => [c, { latin: 'ABCEHIJKMOPSTXYaeijopcxydqWG'[i] ?? '', script: 'Cyrillic' as const }] as const),
  ...[...'ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοικνρτυ'].map((c, i) => [c, { latin: 'ABEZHIKMNOPTYXoiKvptu'[i] ?? '', script: 'Greek' as const }] as const),
]);

/** A letter in a cell that is not the Latin letter it looks like. */
export interface Lookalike {
  letter: string;
  latin: string;
  script: 'Cyrillic' | 'Greek';
  codePoint: string;
}

/** Finds Cyrillic and Greek look-alike letters in `text`; `fixed` is the text with them made Latin. */
export function pointLookalikes(text: string): { found: Lookalike[]; fixed: string } {
  const found: Lookalike[] = [];
  let fixed = '';
  for (const char of text) {
    const latin = LOOKALIKES.get(char);
    if (latin) {
      found.push({ letter: char, latin: latin.latin, script: latin.script, codePoint: `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}` });
      fixed += latin.latin;
    } else fixed += char;
  }
  return { found, fixed };
}

/**
 * The look-alike letters of an id that matches no target, worded in both languages, with the id
 * they suggest; null when it has none.
 */
export function describeLookalikes(
  id: string, targetsById: ReadonlyMap<string, unknown>, ids: string[],
): { letters: string; lettersZh: string; suggestion: string } | null {
  const { found, fixed } = pointLookalikes(id);
  if (found.length === 0) return null;
  const words = (lang: 'zh' | 'en'): string =>
    found.map((l) => formatMessage('row.lookalike-letter', { ...l, scriptZh: l.script === 'Cyrillic' ? '西里尔' : '希腊' }, lang)).join(lang === 'zh' ? ';' : '; ');
  const upper = fixed.toUpperCase();
  return { letters: words('en'), lettersZh: words('zh'), suggestion: targetsById.has(upper) ? upper : closest(upper, ids) };
}
