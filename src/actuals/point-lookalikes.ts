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
