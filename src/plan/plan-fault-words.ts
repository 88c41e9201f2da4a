/**
 * The YAML parser's and the schema checker's English words put into Chinese, for the messages
 * that quote them: an analyst reading Chinese messages must not meet a parser's English.
 */

import type { ReasonWords } from '../problem.js';

/** What the YAML parser's error codes mean, in Chinese (the code is kept for searching). */
const YAML_CODES_ZH = new Map<string, string>([
  ['BAD_INDENT', '缩进不正确(同一层的键要对齐;方括号、花括号要在同一层内闭合)'],
  ['TAB_AS_INDENT', '用制表符(Tab)缩进了:YAML 只能用空格缩进'],
  ['MISSING_CHAR', '缺少字符(引号、方括号或花括号没有闭合?)'],
  ['UNEXPECTED_TOKEN', '出现了不该在此处的字符'],
  ['BAD_DQ_ESCAPE', '双引号字符串中的反斜杠转义有误'],
  ['BAD_SCALAR_START', '值不能以这个字符开头(以 @、` 等开头的值请加引号)'],
  ['BLOCK_AS_IMPLICIT_KEY', '键不能是多行的内容'],
  ['MULTILINE_IMPLICIT_KEY', '键不能跨行(键后是否漏了冒号?)'],
  ['BLOCK_IN_FLOW', '方括号或花括号内不能使用多行写法'],
  ['MULTIPLE_DOCS', '文件含有多个 YAML 文档(---):规划文件只能有一个'],
  ['MULTIPLE_ANCHORS', '一个节点有多个锚点(&)'],
  ['MULTIPLE_TAGS', '一个节点有多个标签(!)'],
  ['BAD_ALIAS', '别名(*)有误'],
  ['ALIAS_PROPS', '别名(*)不能带锚点或标签'],
  ['BAD_DIRECTIVE', '指令(以 % 开头的行)有误'],
  ['BAD_PROP_ORDER', '锚点和标签的位置有误'],
  ['KEY_OVER_1024_CHARS', '键超过 1024 个字符'],
  ['NON_STRING_KEY', '键必须是文本'],
  ['TAG_RESOLVE_FAILED', '标签(!)无法识别'],
  ['BAD_COLLECTION_TYPE', '集合类型有误'],
  ['RESOURCE_EXHAUSTION', '嵌套过深或内容过于庞大,已拒绝'],
  ['IMPOSSIBLE', '无法解析'],
]);

/** A YAML syntax error's words: the parser's first sentence (English) and the code's meaning (Chinese), each with the code. */
export function yamlSyntaxWords(message: string, code: string): ReasonWords {
  // The parser appends " at line L, column C:" and a source excerpt; the location is reported apart.
  const first = (message.split(/ at line \d+, column \d+/)[0] ?? message).trim();
  const zh = YAML_CODES_ZH.get(code);
  return { reason: `${first} (${code})`, reasonZh: zh ? `${zh}(${code})` : `${first}(${code})` };
}

/** Why a plan file could not be parsed at all (the parser threw): nesting too deep, or the error's first line. */
export function parseFailureWords(error: unknown): ReasonWords {
  if (error instanceof RangeError) return { reason: 'nesting too deep', reasonZh: '嵌套过深,已拒绝' };
  const text = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
  return { reason: text, reasonZh: text };
}

const KIND_ZH = new Map<string, string>([
  ['a list', '列表'],
  ['string', '文本'],
  ['number', '数字'],
  ['boolean', '布尔值(true/false)'],
  ['bigint', '数字'],
]);

/** The kind of a plan file's top level that is not a mapping, in both languages. */
export function topLevelWords(data: unknown): { actual: string; actualZh: string } {
  const actual = Array.isArray(data) ? 'a list' : typeof data;
  return { actual, actualZh: KIND_ZH.get(actual) ?? actual };
}

const JSON_TYPES_ZH = new Map<string, string>([
  ['number', '数字'],
  ['integer', '整数'],
  ['string', '文本'],
  ['array', '列表'],
  ['object', '映射(键: 值)'],
  ['boolean', '布尔值(true/false)'],
  ['null', '空值'],
]);

/** ajv-i18n's Chinese with the schema's type names (`应当是 number 类型`) in Chinese too. */
export function schemaWordsZh(message: string): string {
  return message.replace(/应当是 ([a-z]+(?:,[a-z]+)*) 类型/g, (whole, types: string) => {
    const words = types.split(',').map((type) => JSON_TYPES_ZH.get(type));
    return words.every((word) => word !== undefined) ? `应当是${words.join('或')}` : whole;
  });
}
