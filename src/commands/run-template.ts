import { formatMessage } from '../messages.js';
import { PlancheckError } from '../problem.js';
import { EXIT } from '../report/exit-code.js';
import { BUNDLED_PLAN, loadPlanFor, usageErrors, type CommonOptions, type Io } from '../run.js';
import { checkOutputs } from '../check-outputs.js';
import { buildTemplate } from '../template.js';
import { writeOutputs } from '../write-outputs.js';

/** Options of `plancheck template`. */
export interface TemplateCommandOptions extends CommonOptions {
  years?: number[];
  /** Regions as typed: comma-separated names. */
  regions?: string;
  output?: string;
  /** Write the form of towns' decomposed targets (分解目标) instead of the figures form. */
  decomposition?: boolean;
}

/** `plancheck template`: writes the form analysts fill in, to stdout or a file. */
export async function runTemplate(options: TemplateCommandOptions, io: Io): Promise<number> {
  const plan = await loadPlanFor(options, io);
  if (!plan) return EXIT.invalid;
  const regions = options.regions?.split(',').map((r) => r.trim()).filter((r) => r !== '');
  const templateOptions = { lang: options.lang, years: options.years, regions };
  // The form must never overwrite the plan it was made from.
  const clashes = checkOutputs([{ format: 'table', path: options.output }], [options.targets ?? BUNDLED_PLAN]);
  if (clashes.length > 0) return usageErrors(clashes, options.lang, io);
  // A path ending in .xlsx gets the workbook form (instructions sheet, drop-downs, shading).
  const workbook = options.output !== undefined && /\.xlsx$/i.test(options.output);
  if (options.decomposition && !plan.regions) {
    io.stderr.write(`${formatMessage('rt.no-regions', {}, options.lang)}\n`);
    return EXIT.invalid;
  }
  const text = options.decomposition
    ? (await import('../build-decomposition-template.js')).buildDecompositionTemplate(plan, { lang: options.lang, regions })
    : workbook
    ? await (await import('../template-workbook.js')).buildTemplateWorkbook(plan, templateOptions)
    : buildTemplate(plan, templateOptions);
  try {
    await writeOutputs([{ format: 'table', path: options.output, text }], io);
  } catch (error) {
    if (!(error instanceof PlancheckError)) throw error;
    io.stderr.write(`${formatMessage(error.code, error.params, options.lang)}\n`);
    return EXIT.invalid;
  }
  return EXIT.ok;
}
