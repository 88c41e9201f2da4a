import type { Cell, CellObject, Feature, Sheet } from 'write-excel-file/node';
import type { Blob } from 'node:buffer';
import type { Stream } from 'node:stream';
import { visibleCellText, textWidth } from './cell-text.js';
import type { ListValidation, WorkbookCell, WorkbookSheet } from './workbook-types.js';

export type { ListValidation, WorkbookCell, WorkbookSheet } from './workbook-types.js';

/** Fonts a CJK workbook opens with: Excel's own on Windows, then the usual fall-backs. */
const FONT = 'DengXian';
/** What write-excel-file's Node build accepts as file content (images; unused here). */
type Content = Stream | Buffer | Blob;
const MAX_WIDTH = 60;
const MIN_WIDTH = 6;
/**
 * A sheet whose columns add up to at most this many characters prints one page wide, scaled
 * down to no less than about 70 % (an A4 page holds about 140 characters of 11-point text across
 * in landscape, 100 in portrait); a wider one prints at its size, page after page.
 */
export const PRINT_FIT_MAX_WIDTH = { landscape: 200, portrait: 140 } as const;
/** How wide a Latin letter is on average against the digit a column's width counts. */
const LATIN_SHARE = 0.85;
/** Height in points of one line of 11-point text (DengXian and its CJK fall-backs). */
const LINE_HEIGHT = 15;

/** A0-style address of a 0-based row and column (`$`-anchored when asked). */
export function cellAddress(row: number, column: number, absolute = false): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return absolute ? `$${letters}$${row + 1}` : `${letters}${row + 1}`;
}

/** Column widths in characters that fit each column's widest line (CJK counted double), within bounds. */
export function fitWidths(sheet: WorkbookSheet): number[] {
  const columns = widestRow(sheet);
  const widths: number[] = [];
  for (let c = 0; c < columns; c += 1) {
    const given = sheet.widths?.[c];
    if (given !== undefined) {
      widths.push(given);
      continue;
    }
    let widest = 0;
    for (const row of sheet.rows) {
      const cell = row[c];
      if (!cell || cell.value === null || (cell.span ?? 1) > 1) continue;
      const shown = typeof cell.value === 'number' ? cell.value.toFixed(2) : String(cell.value);
      // A filter button sits in the header cell: leave room for it.
      widest = Math.max(widest, textWidth(shown) + 2);
    }
    widths.push(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest)));
  }
  return widths;
}

/**
 * Lines `text` takes wrapped in a box `width` characters wide (CJK counted double), at least 1:
 * broken at spaces where it has them (as Excel breaks), else wherever the width runs out.
 */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, width - 1);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = -1;
    let count = 1;
    for (const word of paragraph.split(' ')) {
      // A column's width counts digits ('0'); Latin letters average narrower, CJK about two.
      const w = /^[\x20-\x7e]*$/.test(word) ? word.length * LATIN_SHARE : textWidth(word);
      if (used >= 0 && used + LATIN_SHARE + w <= room) {
        used += LATIN_SHARE + w;
        continue;
      }
      if (used >= 0) count += 1;
      // A word wider than the box runs on over as many lines as it needs.
      count += Math.max(0, Math.ceil(w / room) - 1);
      used = w - Math.max(0, Math.ceil(w / room) - 1) * room;
    }
    lines += count;
  }
  return lines;
}

/** `wrappedLines` remembering its answers for one workbook: a long clause or indicator repeats in every region's rows. */
function memoLines(): (text: string, width: number) => number {
  const known = new Map<string, number>();
  return (text, width) => {
    // Text that fits even at two columns a character needs no measuring and no key.
    if (text.length * 2 < width && !text.includes('\n')) return 1;
    const key = `${width}\u0000${text}`;
    let lines = known.get(key);
    if (lines === undefined) known.set(key, (lines = wrappedLines(text, width)));
    return lines;
  };
}

function toCell(cell: WorkbookCell | undefined, widths: readonly number[], column: number, columns: number, linesOf: (text: string, width: number) => number): Cell {
  if (!cell || cell.value === null) {
    return cell?.fill ? { value: undefined, type: String, backgroundColor: cell.fill } : null;
  }
  const style: CellObject = {};
  if (cell.format !== undefined) style.format = cell.format;
  if (cell.fill !== undefined) style.backgroundColor = cell.fill;
  if (cell.color !== undefined) style.textColor = cell.color;
  if (cell.bold) style.fontWeight = 'bold';
  if (cell.wrap) style.wrap = true;
  if (cell.align !== undefined) style.align = cell.align;
  style.alignVertical = 'top';
  // Never past the sheet's last column.
  const span = Math.min(cell.span ?? 1, columns - column);
  if (span > 1) style.columnSpan = span;
  if (cell.wrap && typeof cell.value === 'string') {
    // The row is made tall enough for wrapped text: neither Excel (for merged cells) nor
    // LibreOffice (on opening an .xlsx) fits the height itself, and the text is cut.
    const lines = linesOf(visibleCellText(cell.value), widths.slice(column, column + span).reduce((sum, w) => sum + w, 0));
    if (lines > 1) style.height = lines * LINE_HEIGHT;
  }
  if (typeof cell.value === 'number') {
    // NaN and infinities have no cell form; a caller that passes one has a bug to fix, not hide.
    if (!Number.isFinite(cell.value)) throw new RangeError(`not a finite number: ${cell.value}`);
    return { ...style, value: cell.value, type: Number };
  }
  if (typeof cell.value === 'boolean') return { ...style, value: cell.value, type: Boolean };
  // Always `String`, never 'Formula': text such as "=1+1" is stored as a shared string.
  return { ...style, value: visibleCellText(cell.value), type: String };
}

function checkSheetName(name: string): void {
  if (name === '' || name.length > 31 || /[[\]:*?/\\]/.test(name)) throw new RangeError(`invalid sheet name: ${JSON.stringify(name)}`);
}

function listFormula(validation: ListValidation): string {
  for (const choice of validation.choices) {
    if (/[",]/.test(choice)) throw new RangeError(`a drop-down choice cannot hold a comma or quote: ${JSON.stringify(choice)}`);
  }
  const list = validation.choices.join(',');
  if (list.length > 255) throw new RangeError('drop-down choices exceed 255 characters');
  return `"${list}"`;
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function lastColumn(sheet: WorkbookSheet): number {
  return Math.max(1, widestRow(sheet)) - 1;
}

/** The most cells a row of the sheet has (0 for none): counted in a loop, as a sheet may have more rows than a call takes arguments. */
function widestRow(sheet: WorkbookSheet): number {
  let widest = 0;
  for (const row of sheet.rows) if (row.length > widest) widest = row.length;
  return widest;
}

function filterRef(sheet: WorkbookSheet, absolute: boolean): string | null {
  if (sheet.autoFilterRow === undefined) return null;
  const lastRow = Math.max(sheet.autoFilterRow, sheet.rows.length - 1);
  return `${cellAddress(sheet.autoFilterRow, 0, absolute)}:${cellAddress(lastRow, lastColumn(sheet), absolute)}`;
}

/** Whether a sheet is printed scaled to one page wide: its columns add up to at most PRINT_FIT_MAX_WIDTH characters. */
export function printsOnePageWide(sheet: WorkbookSheet): boolean {
  return fitWidths(sheet).reduce((sum, width) => sum + width, 0) <= PRINT_FIT_MAX_WIDTH[sheet.landscape ? 'landscape' : 'portrait'];
}

/** The print titles of a sheet (`'name'!$A:$B,'name'!$1:$1`): its frozen columns and rows, or null. */
export function printTitles(sheet: WorkbookSheet, quotedName: string): string | null {
  const parts: string[] = [];
  if (sheet.frozenColumns) parts.push(`${quotedName}!$A:$${cellAddress(0, sheet.frozenColumns - 1).replace(/\d+$/, '')}`);
  if (sheet.frozenRows) parts.push(`${quotedName}!$1:$${sheet.frozenRows}`);
  return parts.length > 0 ? parts.join(',') : null;
}

type Utility = typeof import('write-excel-file/utility');
type XmlFile = 'xl/worksheets/sheet{id}.xml' | 'xl/workbook.xml';

/**
 * Puts `<tag>inner</tag>` into the `parent` element of an XML file: inside an existing `tag`
 * element when there is one (the writer may leave an empty one), else where the schema orders it.
 */
function putElement(utility: Utility, xml: string, file: XmlFile, parent: string, tag: string, attributes: string, inner: string): string {
  const existing = utility.findElement(xml, tag);
  if (existing) {
    const kept = existing.selfClosingTag ? '' : utility.getMarkupInsideElement(xml, existing);
    return utility.replaceElement(xml, existing, `<${tag}${attributes}>${kept}${inner}</${tag}>`);
  }
  const markup = inner === '' ? `<${tag}${attributes}/>` : `<${tag}${attributes}>${inner}</${tag}>`;
  return utility.insertElementMarkupAccordingToOrderOfSiblings(xml, markup, utility.getOrderOfSiblings(file, parent) ?? [], parent);
}

/**
 * Auto-filters and drop-down lists, which write-excel-file does not write itself, added to the
 * sheet XML through its `features` hook; plus the hidden `_FilterDatabase` names Excel expects.
 */
function extraFeatures(sheets: WorkbookSheet[], utility: Utility): Feature<Content> {
  const sheetFile = 'xl/worksheets/sheet{id}.xml';
  return {
    files: {
      transform: {
        'xl/worksheets/sheet{id}.xml': {
          transform: (xml, _options, { sheetIndex }) => {
            const sheet = sheets[sheetIndex];
            if (!sheet) return xml;
            let out = xml;
            const ref = filterRef(sheet, false);
            if (ref) out = putElement(utility, out, sheetFile, 'worksheet', 'autoFilter', ` ref="${ref}"`, '');
            // Printed one page wide when that stays readable; longer sheets run on over the pages below.
            if (printsOnePageWide(sheet)) {
              out = putElement(utility, out, sheetFile, 'worksheet', 'sheetPr', '', '<pageSetUpPr fitToPage="1"/>');
              // Excel's default margins, in inches: a page set-up without margins would print to the paper's edge.
              out = putElement(utility, out, sheetFile, 'worksheet', 'pageMargins', ' left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"', '');
              out = putElement(utility, out, sheetFile, 'worksheet', 'pageSetup', ` paperSize="9" orientation="${sheet.landscape ? 'landscape' : 'portrait'}" fitToWidth="1" fitToHeight="0"`, '');
            }
            const validations = sheet.validations ?? [];
            if (validations.length > 0) {
              const items = validations.map((v) => {
                const sqref = `${cellAddress(v.fromRow, v.column)}:${cellAddress(v.toRow, v.column)}`;
                return `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${sqref}"><formula1>${xmlEscape(listFormula(v))}</formula1></dataValidation>`;
              });
              out = putElement(utility, out, sheetFile, 'worksheet', 'dataValidations', ` count="${items.length}"`, items.join(''));
            }
            return out;
          },
        },
        'xl/workbook.xml': {
          transform: (xml) => {
            const names = sheets.flatMap((sheet, index) => {
              const ref = filterRef(sheet, true);
              const quoted = `'${sheet.name.replace(/'/g, "''")}'`;
              const titles = printTitles(sheet, quoted);
              return [
                ...(ref ? [`<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${xmlEscape(`${quoted}!${ref}`)}</definedName>`] : []),
                // The frozen header rows and columns are printed again on every page.
                ...(titles ? [`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${xmlEscape(titles)}</definedName>`] : []),
              ];
            });
            return names.length === 0 ? xml : putElement(utility, xml, 'xl/workbook.xml', 'workbook', 'definedNames', '', names.join(''));
          },
        },
      },
    },
  };
}

/**
 * Writes sheets of styled cells into the bytes of an .xlsx file: number cells with number formats,
 * fills, wrapped text, fitted column widths, frozen header rows, auto-filters and drop-down lists.
 * Text is always a text cell, never a formula; control characters become visible pictures.
 */
export async function writeWorkbook(sheets: WorkbookSheet[]): Promise<Buffer> {
  // Loaded here so that only the commands writing a workbook pay for it.
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const utility = await import('write-excel-file/utility');
  const seen = new Set<string>();
  const linesOf = memoLines();
  const written: Sheet<Content>[] = sheets.map((sheet) => {
    checkSheetName(sheet.name);
    if (seen.has(sheet.name.toLowerCase())) throw new RangeError(`duplicate sheet name: ${sheet.name}`);
    seen.add(sheet.name.toLowerCase());
    const columns = lastColumn(sheet) + 1;
    const widths = fitWidths(sheet);
    const data = sheet.rows.length === 0 ? [[null]] : sheet.rows.map((row) => Array.from({ length: columns }, (_, c) => toCell(row[c], widths, c, columns, linesOf)));
    return {
      sheet: sheet.name,
      data,
      columns: widths.map((width) => ({ width })),
      ...(sheet.frozenRows ? { stickyRowsCount: sheet.frozenRows } : {}),
      ...(sheet.frozenColumns ? { stickyColumnsCount: sheet.frozenColumns } : {}),
      ...(sheet.landscape ? { orientation: 'landscape' as const } : {}),
    };
  });
  return writeXlsxFile(written, { fontFamily: FONT, fontSize: 11, features: [extraFeatures(sheets, utility)] }).toBuffer();
}
