import { InvalidArgumentError } from 'commander';
import { formatMessage, type Lang, type MessageCode, type MessageParams } from '../messages.js';
import type { ProgressBands } from '../plan/types.js';
import { sanitize } from '../format/describe-target.js';

/** A commander value parser: the raw text and what earlier occurrences gave. */
export type ValueParser<T> = (value: string, previous: T | undefined) => T;

/** Parsers of option values whose complaints speak `lang` (commander puts them after "option … is invalid"). */
export function parseOptionValues(lang: Lang) {
  const invalid = (code: MessageCode, params: MessageParams): InvalidArgumentError => {
    const safe = new Map(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? sanitize(v) : v]));
    return new InvalidArgumentError(formatMessage(code, Object.fromEntries(safe), lang));
  };

  /** Numbers and ranges, comma-separated and repeatable: "7", "1-3", "2,5-6". */
  const integers: ValueParser<number[]> = (value, previous) => {
    const list = [...(previous ?? [])];
    for (const part of value.split(',')) {
      const range = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(part);
      if (!range) throw invalid('cli.not-number-or-range', { part });
      const low = Number(range[1]);
      const high = range[2] === undefined ? low : Number(range[2]);
      if (high < low || high - low > 1000) throw invalid('cli.bad-range', { part });
      for (let n = low; n <= high; n++) list.push(n);
    }
    return list;
  };

  /** Words from `choices`, comma-separated and repeatable; "not-met" reads as "not_met". */
  const oneOf =
    <T extends string>(choices: readonly T[]): ValueParser<T[]> =>
    (value, previous) => {
      const list = [...(previous ?? [])];
      for (const part of value.split(',').map((p) => p.trim().replace(/-/g, '_'))) {
        if (!(choices as readonly string[]).includes(part)) throw invalid('cli.not-one-of', { part, choices: choices.join(', ') });
        list.push(part as T);
      }
      return list;
    };

  /** A four-digit year. */
  const year: ValueParser<number> = (value) => {
    if (!/^\d{4}$/.test(value)) throw invalid('cli.not-year', {});
    return Number(value);
  };

  /** Two shares "on_track,moderate", with moderate ≤ on_track. */
  const bands: ValueParser<ProgressBands> = (value) => {
    const match = /^\s*(0?\.\d+|1(?:\.0+)?)\s*,\s*(0?\.\d+|0|1(?:\.0+)?)\s*$/.exec(value);
    const onTrack = Number(match?.[1]);
    const moderate = Number(match?.[2]);
    if (!match || !(moderate <= onTrack)) throw invalid('cli.not-bands', {});
    return { onTrack, moderate };
  };

  /** A whole number, zero or more. */
  const count: ValueParser<number> = (value) => {
    if (!/^\d+$/.test(value)) throw invalid('cli.not-count', {});
    return Number(value);
  };

  /** A table width: 20 columns at least (the narrowest a stacked listing stays readable), 1,000 at most. */
  const width: ValueParser<number> = (value) => {
    const columns = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!(columns >= 20 && columns <= 1000)) throw invalid('cli.not-width', {});
    return columns;
  };

  return { integers, oneOf, year, bands, count, width, invalid };
}
