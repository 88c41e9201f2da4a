import { displayWidth } from '../format/text-width.js';

/**
 * Text as it may be stored in a workbook cell: control characters (which XML cannot carry and the
 * writer would silently drop) shown as their visible pictures (␀, ␛, …), line breaks kept.
 */
export function visibleCellText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => (c === '\u007f' ? '\u2421' : String.fromCharCode(0x2400 + c.charCodeAt(0))));
}

/** The widest line of a text in spreadsheet character widths (a CJK character counts two). */
export function textWidth(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) widest = Math.max(widest, displayWidth(line));
  return widest;
}
