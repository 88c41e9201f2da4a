import { describe, expect, it } from 'vitest';
import { parseFailureWords, schemaWordsZh, topLevelWords, yamlSyntaxWords } from './plan-fault-words.js';

describe("plan fault words: the YAML parser's and schema checker's English in Chinese too", () => {
  it('a YAML error: its first English sentence without the location, and the meaning of its code in Chinese, each with the code', () => {
    const words = yamlSyntaxWords('Flow sequence in block collection must be sufficiently indented and end with a ] at line 5, column 3:\n\n  - [a,\n  ^\n', 'BAD_INDENT');
    expect(words.reason).toBe('Flow sequence in block collection must be sufficiently indented and end with a ] (BAD_INDENT)');
    expect(words.reasonZh).toBe('缩进不正确(同一层的键要对齐;方括号、花括号要在同一层内闭合)(BAD_INDENT)');
    expect(yamlSyntaxWords('Tabs are not allowed as indentation at line 2, column 1:', 'TAB_AS_INDENT').reasonZh).toBe('用制表符(Tab)缩进了:YAML 只能用空格缩进(TAB_AS_INDENT)');
    // A code not worded: the parser's sentence, with the code.
    expect(yamlSyntaxWords('Something new', 'NEW_CODE').reasonZh).toBe('Something new(NEW_CODE)');
  });

  it('a parser that threw: nesting too deep, or its first line', () => {
    expect(parseFailureWords(new RangeError('Maximum call stack size exceeded'))).toEqual({ reason: 'nesting too deep', reasonZh: '嵌套过深,已拒绝' });
    expect(parseFailureWords(new Error('first\nsecond'))).toEqual({ reason: 'first', reasonZh: 'first' });
  });

  it("the top level's kind", () => {
    expect(topLevelWords([1])).toEqual({ actual: 'a list', actualZh: '列表' });
    expect(topLevelWords('text')).toEqual({ actual: 'string', actualZh: '文本' });
    expect(topLevelWords(3)).toEqual({ actual: 'number', actualZh: '数字' });
    expect(topLevelWords(true)).toEqual({ actual: 'boolean', actualZh: '布尔值(true/false)' });
  });

  it("ajv-i18n's type names in Chinese; other text untouched", () => {
    expect(schemaWordsZh('应当是 number 类型')).toBe('应当是数字');
    expect(schemaWordsZh('应当是 integer,string 类型')).toBe('应当是整数或文本');
    expect(schemaWordsZh('应当是 array 类型')).toBe('应当是列表');
    expect(schemaWordsZh('应当是 widget 类型')).toBe('应当是 widget 类型');
    expect(schemaWordsZh('不应多于 3 个项')).toBe('不应多于 3 个项');
  });
});
