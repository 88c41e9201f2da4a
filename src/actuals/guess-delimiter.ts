/**
 * The separator of a file, from its header line: whichever of comma, semicolon, tab or bar it
 * holds most of outside quotes (a comma when none). Headers are short and never quoted across
 * lines, so the first line decides better than a statistical guess over few rows.
 */
export function guessDelimiter(text: string): string {
  const start = text.search(/[^\r\n]/);
  const end = text.slice(Math.max(start, 0)).search(/[\r\n]/);
  const line = start < 0 ? '' : end < 0 ? text.slice(start) : text.slice(start, start + end);
  // A quoted header may hold any character ("a|b"): only what lies outside quotes counts.
  const bare = line.replace(/"(?:[^"]|"")*"?/g, '');
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t', '|']) {
    const count = bare.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/** Excel's first line `sep=;` names the separator; returns it and the length of that line, if present. */
export function excelSeparatorLine(text: string): { delimiter: string; length: number } | null {
  const match = /^sep=([^\r\n])[^\S\r\n]*(\r\n|\n|\r|$)/i.exec(text);
  return match ? { delimiter: match[1] ?? ',', length: match[0].length } : null;
}
