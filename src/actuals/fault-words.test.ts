import { describe, expect, it } from 'vitest';
import { formatMessage } from '../messages.js';
import { csvSyntaxWords, workbookFaultWords } from './fault-words.js';

describe('fault words: a parser\'s English reason worded in both languages', () => {
  it("Papa Parse's quote errors are worded in Chinese and English; an unknown code is quoted in English and said in general words in Chinese", () => {
    const missing = csvSyntaxWords('MissingQuotes', 'Quoted field unterminated');
    expect(missing.reasonZh).toBe('以英文双引号(")开头的单元格没有结束引号,其后的内容无法按单元格读取');
    expect(missing.reason).toMatch(/^a cell that starts with a double quote/);
    expect(csvSyntaxWords('InvalidQuotes', 'Trailing quote on quoted field is malformed').reasonZh).toMatch(/^带引号的单元格在结束引号之后/);
    expect(csvSyntaxWords('SomethingNew', 'odd thing')).toEqual({ reason: 'odd thing', reasonZh: 'CSV 格式有误,无法按单元格读取' });
    expect(csvSyntaxWords(undefined, 'odd thing')).toEqual({ reason: 'odd thing', reasonZh: 'CSV 格式有误,无法按单元格读取' });
  });

  it('the csv.syntax message takes the words of its language', () => {
    const params = { ...csvSyntaxWords('MissingQuotes', 'Quoted field unterminated') };
    expect(formatMessage('csv.syntax', params, 'zh')).toBe('CSV 格式错误:以英文双引号(")开头的单元格没有结束引号,其后的内容无法按单元格读取');
    expect(formatMessage('csv.syntax', params, 'en')).toMatch(/^CSV syntax error: a cell that starts with a double quote/);
  });

  it("our zip bounds' reasons and the workbook parser's usual ones are worded; others quoted in English only", () => {
    expect(workbookFaultWords('no zip directory').reasonZh).toBe('不是完整的 .xlsx 文件(缺少 zip 目录:文件不完整或并非工作簿)');
    expect(workbookFaultWords('bad zip entry').reasonZh).toBe('文件的 zip 结构已损坏');
    expect(workbookFaultWords('bad zip directory').reasonZh).toBe('文件的 zip 结构已损坏');
    expect(workbookFaultWords('truncated zip entry').reasonZh).toBe('文件不完整(有部分被截断)');
    expect(workbookFaultWords('the file is cut off').reasonZh).toBe('文件不完整(被截断)');
    expect(workbookFaultWords('File is password-protected').reasonZh).toBe('文件设置了密码保护');
    expect(workbookFaultWords('Unsupported file 42').reason).toBe('its format is not supported');
    // A parser's own words (a JavaScript error on a cut .xls) stay in English only.
    expect(workbookFaultWords("Cannot set properties of undefined (setting 'name')")).toEqual({ reason: "Cannot set properties of undefined (setting 'name')", reasonZh: '文件已损坏,或不是能识别的工作簿' });
    expect(formatMessage('workbook.unreadable', { ...workbookFaultWords('no zip directory') }, 'zh')).toMatch(/^无法读取工作簿:不是完整的 \.xlsx 文件/);
  });
});
