/** Bytes a workbook file may have (read-workbook.ts; apart from it so that reading a CSV does not load the workbook reader). */
export const MAX_WORKBOOK_BYTES = 50 * 1024 * 1024;
