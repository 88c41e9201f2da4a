import * as XLSX from '@e965/xlsx';

/** A written workbook read back with SheetJS (values, types, formats, fills) plus its raw XML parts. */
export interface ReadBack {
  book: XLSX.WorkBook;
  sheet(name: string): XLSX.WorkSheet;
  /** The XML text of a part, e.g. `xl/worksheets/sheet1.xml`. */
  part(path: string): string;
}

/** Reads the bytes of an .xlsx file the way a test inspects it. */
export function readBack(bytes: Uint8Array): ReadBack {
  const book = XLSX.read(bytes, { cellStyles: true, cellNF: true, sheetStubs: true });
  const zip = XLSX.CFB.read(bytes, { type: 'buffer' });
  return {
    book,
    sheet(name) {
      const found = book.Sheets[name];
      if (!found) throw new Error(`no sheet ${name}; sheets: ${book.SheetNames.join(', ')}`);
      return found;
    },
    part(path) {
      const entry = XLSX.CFB.find(zip, `/${path}`);
      if (!entry) throw new Error(`no part ${path}`);
      return Buffer.from(entry.content as Uint8Array).toString('utf8');
    },
  };
}

/** The fill colour (RRGGBB) of a cell read with `cellStyles`, or null when unfilled. */
export function fillOf(cell: XLSX.CellObject | undefined): string | null {
  const style = cell?.s as { patternType?: string; fgColor?: { rgb?: string } } | undefined;
  return style?.patternType === 'solid' ? (style.fgColor?.rgb ?? null) : null;
}
