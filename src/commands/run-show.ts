import { findForShow, showText } from '../list-targets.js';
import { formatMessage } from '../messages.js';
import { EXIT } from '../report/exit-code.js';
import { sanitize } from '../format/describe-target.js';
import { loadPlanFor, type CommonOptions, type Io } from '../run.js';

/** `plancheck show ID`: prints a measure, goal or target with its source text; an unknown id is exit 2. */
export async function runShow(id: string, options: CommonOptions, io: Io): Promise<number> {
  const plan = await loadPlanFor(options, io);
  if (!plan) return EXIT.invalid;
  const found = findForShow(plan, id);
  if (found.kind === 'unknown') {
    io.stderr.write(`${formatMessage('usage.unknown-id', { id: sanitize(id), suggestion: found.suggestion }, options.lang)}\n`);
    return EXIT.invalid;
  }
  io.stdout.write(showText(found, options.lang));
  return EXIT.ok;
}
