import { formatMessage, type Lang, type MessageCode, type MessageParams } from './messages.js';

/**
 * A located fault in something the user gave: a plan file or an actuals file.
 * For a CSV, `line` is the row as a spreadsheet shows it (header = row 1) and `column`
 * the 1-based column; for YAML they are the text position. `field` names the CSV column
 * header or the YAML path.
 */
export interface Problem {
  code: MessageCode;
  params: MessageParams;
  file: string;
  line?: number;
  column?: number;
  field?: string;
  /** The raw text the user wrote, when one cell or scalar is at fault. */
  value?: string;
  /** In a workbook, the cell's address (`F7`); `file` then names the sheet too: `book.xlsx[完成情况]`. */
  cell?: string;
}

/** A failure of the tool or of its input as a whole: thrown, caught by `run`, exit 2. */
export class PlancheckError extends Error {
  readonly code: MessageCode;
  readonly params: MessageParams;
  readonly problems: Problem[];

  constructor(code: MessageCode, params: MessageParams, problems: Problem[] = [], options?: { cause?: unknown }) {
    super(formatMessage(code, params, 'en'), options);
    this.name = 'PlancheckError';
    this.code = code;
    this.params = params;
    this.problems = problems;
  }
}

/** Renders a problem as `file:line:column: message` in `lang`. */
export function describeProblem(problem: Problem, lang: Lang): string {
  let where = problem.file;
  if (problem.cell !== undefined) where += `!${problem.cell}`;
  else if (problem.line !== undefined) {
    where += `:${problem.line}`;
    if (problem.column !== undefined) where += `:${problem.column}`;
  }
  const field = problem.field ? ` [${problem.field}]` : '';
  return `${where}${field}: ${formatMessage(problem.code, problem.params, lang)}`;
}

const IO_REASONS: Record<string, { en: string; zh: string }> = {
  ENOENT: { en: 'no such file', zh: '文件不存在' },
  EACCES: { en: 'permission denied', zh: '没有访问权限' },
  EPERM: { en: 'operation not permitted', zh: '操作不被允许' },
  EISDIR: { en: 'it is a directory', zh: '这是一个目录' },
  ENOTDIR: { en: 'a part of the path is not a directory', zh: '路径中有一部分不是目录' },
  EEXIST: { en: 'the file exists already', zh: '文件已存在' },
  ENOSPC: { en: 'no space left on the device', zh: '磁盘空间不足' },
  EROFS: { en: 'read-only file system', zh: '文件系统只读' },
  ENAMETOOLONG: { en: 'the file name or path is too long', zh: '文件名或路径过长' },
  ELOOP: { en: 'too many levels of symbolic links', zh: '符号链接层数过多(可能是循环链接)' },
  EFBIG: { en: 'the file is too large for the file system', zh: '文件超出文件系统允许的大小' },
  EDQUOT: { en: 'the disk quota is exceeded', zh: '超出磁盘配额' },
  EIO: { en: 'input/output error', zh: '输入输出错误' },
  EBUSY: { en: 'the file or device is busy', zh: '文件或设备忙' },
  ETXTBSY: { en: 'the file is busy (a running program)', zh: '文件正被运行的程序占用' },
  ENXIO: { en: 'no such device or address (a FIFO with no reader?)', zh: '设备或地址不存在(管道没有读取方?)' },
  EMFILE: { en: 'too many open files', zh: '打开的文件过多' },
  EXDEV: { en: 'the temporary file is on another file system', zh: '临时文件位于另一文件系统' },
  EINVAL: { en: 'invalid argument (the device refuses this write)', zh: '参数无效(设备不接受此写入)' },
  ENOTEMPTY: { en: 'the directory is not empty', zh: '目录非空' },
};

/** A reason in both languages, as messages with `{reason}` (English) and `{reasonZh}` (Chinese) take it. */
export type ReasonWords = { reason: string; reasonZh: string };

/** The reason of a file-system error in both languages, as `{reason}` and `{reasonZh}` parameters. */
export function ioReason(error: unknown): ReasonWords {
  // A limit this tool set (a read stopped at its bound) is already worded in both languages.
  if (error instanceof PlancheckError) {
    return { reason: formatMessage(error.code, error.params, 'en'), reasonZh: formatMessage(error.code, error.params, 'zh') };
  }
  const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
  const known = IO_REASONS[code];
  if (known) return { reason: known.en, reasonZh: known.zh };
  const text = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
  return { reason: text, reasonZh: text };
}
