import { Chalk, type ChalkInstance } from 'chalk';
import type { Tone } from './view.js';

/** Colours for terminal formats: applied to laid-out text, one line at a time. */
export interface Painter {
  tone: (tone: Tone, text: string) => string;
  bold: (text: string) => string;
  dim: (text: string) => string;
}

const TONES: Record<Tone, (chalk: ChalkInstance, text: string) => string> = {
  good: (c, t) => c.green(t),
  bad: (c, t) => c.red(t),
  warn: (c, t) => c.yellow(t),
  moderate: (c, t) => c.cyan(t),
  neutral: (c, t) => c.gray(t),
};

/** A painter that colours when `color` is true and returns text untouched otherwise. */
export function painter(color: boolean): Painter {
  if (!color) return { tone: (_tone, text) => text, bold: (text) => text, dim: (text) => text };
  const chalk = new Chalk({ level: 1 });
  return { tone: (tone, text) => TONES[tone](chalk, text), bold: (text) => chalk.bold(text), dim: (text) => chalk.dim(text) };
}

/** Texts a painter is tried on: digits, letters of both cases, wide characters, marks and spaces. */
export const PROBES = ['0', 'Qq', '✓ 1.5 /40', '已完成 ', ' '];

/**
 * True when the painter leaves text as it is in every tone (no colour, no other change), proven
 * on probes: a line may then be written without it (the table's lines off track, as bytes).
 */
export function paintsNothing(paint: Painter): boolean {
  return (Object.keys(TONES) as Tone[]).every((tone) => PROBES.every((text) => paint.tone(tone, text) === text));
}
