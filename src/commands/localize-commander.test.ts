import { describe, expect, it } from 'vitest';
import { localizePlaceholders, translateCommanderError } from './localize-commander.js';

describe('translateCommanderError', () => {
  const cases: [string, string, string, string][] = [
    ['commander.missingArgument', "error: missing required argument 'files'", 'error: missing required argument <files>', '错误:缺少必需的参数 <文件>'],
    ['commander.optionMissingArgument', "error: option '--as-of <year>' argument missing", 'error: option --as-of <year> needs a value', '错误:选项 --as-of <年份> 缺少取值'],
    ['commander.unknownOption', "error: unknown option '--encodin'\n(Did you mean --encoding?)", 'error: unknown option --encodin (did you mean --encoding?)', '错误:未知选项 --encodin(是否指 --encoding?)'],
    ['commander.unknownOption', "error: unknown option '-z'", 'error: unknown option -z', '错误:未知选项 -z'],
    ['commander.unknownCommand', "error: unknown command 'chek'\n(Did you mean check?)", 'error: unknown command chek (did you mean check?)', '错误:未知命令 chek(是否指 check?)'],
    ['commander.excessArguments', "error: too many arguments for 'show'. Expected 1 argument but got 3.", 'error: too many arguments for show: expected 1 argument, got 3', '错误:show 的参数过多:应为 1 个,实际给了 3 个'],
    ['commander.excessArguments', "error: too many arguments for 'schema'. Expected 0 arguments but got 1.", 'error: too many arguments for schema: expected 0 arguments, got 1', '错误:schema 的参数过多:应为 0 个,实际给了 1 个'],
    ['commander.invalidArgument', "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are table, json.", 'error: option --format <format>: "xml" is invalid: the choices are table, json', '错误:选项 --format <格式> 的值 “xml” 无效:可选值为 table, json'],
  ];
  for (const [code, english, en, zh] of cases) {
    it(`${code}: ${en}`, () => {
      expect(translateCommanderError(english, code, 'en')).toBe(en);
      expect(translateCommanderError(english, code, 'zh')).toBe(zh);
    });
  }

  it('escapes control characters the user typed before they reach the terminal', () => {
    expect(translateCommanderError("error: unknown command '\u001b[31mred'", 'commander.unknownCommand', 'en')).toBe('error: unknown command \\u001b[31mred');
  });

  it('an error it does not know keeps commander\'s text behind the localised prefix', () => {
    expect(translateCommanderError('error: something new', 'commander.somethingNew', 'zh')).toBe('错误:something new');
  });
});

describe('localizePlaceholders', () => {
  it('translates known placeholder words and keeps others', () => {
    expect(localizePlaceholders('check [options] <files...>', 'zh')).toBe('check [选项] <文件...>');
    expect(localizePlaceholders('--width <cols>', 'zh')).toBe('--width <列数>');
    expect(localizePlaceholders('--frob <zzz>', 'zh')).toBe('--frob <zzz>');
    expect(localizePlaceholders('check [options] <files...>', 'en')).toBe('check [options] <files...>');
  });
});
