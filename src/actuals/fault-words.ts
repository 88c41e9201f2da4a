/**
 * The reasons a parser or our own bounds give in English, worded in both languages for the
 * messages that quote them (`csv.syntax`, `workbook.unreadable`): an analyst reading Chinese
 * messages must not meet a parser's English. A reason not known here is quoted as it is in English
 * and said in general words in Chinese.
 */

import type { ReasonWords } from '../problem.js';

/** Papa Parse's error codes: the only ones our reading can meet (the delimiter is always given). */
const CSV_SYNTAX = new Map<string, ReasonWords>([
  [
    'MissingQuotes',
    {
      reason: 'a cell that starts with a double quote (") is never closed, so the rest of the file cannot be read as cells',
      reasonZh: '以英文双引号(")开头的单元格没有结束引号,其后的内容无法按单元格读取',
    },
  ],
  [
    'InvalidQuotes',
    {
      reason: 'a quoted cell has more text after its closing quote (a quote inside a cell is written as two: "")',
      reasonZh: '带引号的单元格在结束引号之后还有其他字符(单元格内的引号应写作两个:"")',
    },
  ],
]);

/** The words of a CSV syntax error from the parser's code (and its message when the code is not known). */
export function csvSyntaxWords(code: string | undefined, message: string): ReasonWords {
  // Another parser's words stay in the English message (and the JSON report's params); Chinese says what it means.
  return CSV_SYNTAX.get(code ?? '') ?? { reason: message, reasonZh: 'CSV 格式有误,无法按单元格读取' };
}

/** Our own bounds' reasons (check-zip-bounds.ts, read-workbook.ts) and the workbook parser's usual ones. */
const WORKBOOK_FAULTS: [RegExp, ReasonWords][] = [
  [/^no zip directory$/, { reason: 'it is not a complete .xlsx file (no zip directory: cut off or not a workbook)', reasonZh: '不是完整的 .xlsx 文件(缺少 zip 目录:文件不完整或并非工作簿)' }],
  [/^bad zip (directory|entry)$/, { reason: 'its zip structure is damaged', reasonZh: '文件的 zip 结构已损坏' }],
  [/^truncated zip entry$/, { reason: 'the file is cut off (a part ends early)', reasonZh: '文件不完整(有部分被截断)' }],
  [/^zip64 is not supported$/, { reason: 'it is a zip64 archive, which workbooks never need', reasonZh: '文件是 zip64 格式,工作簿不会用到这种格式' }],
  [/^the file is cut off$/, { reason: 'the file is cut off', reasonZh: '文件不完整(被截断)' }],
  [/password|encrypt/i, { reason: 'it is protected by a password', reasonZh: '文件设置了密码保护' }],
  [/^unsupported file/i, { reason: 'its format is not supported', reasonZh: '不支持这种文件格式' }],
];

/** The words of why a workbook cannot be read. */
export function workbookFaultWords(reason: string): ReasonWords {
  for (const [pattern, words] of WORKBOOK_FAULTS) if (pattern.test(reason)) return words;
  return { reason, reasonZh: '文件已损坏,或不是能识别的工作簿' };
}
