import { describe, expect, it } from 'vitest';
import { painter, paintsNothing, type Painter } from './paint.js';

describe('a painter that changes nothing', () => {
  it('is the uncoloured painter only: colours, pieces around text, or a change of letters in one tone are changes', () => {
    expect(paintsNothing(painter(false))).toBe(true);
    expect(paintsNothing(painter(true))).toBe(false);
    const others: Painter[] = [
      // Upper case in one tone only: digits alone would not show it.
      { tone: (tone, text) => (tone === 'bad' ? text.toUpperCase() : text), bold: (text) => text, dim: (text) => text },
      { tone: (tone, text) => (tone === 'neutral' ? `${text} ` : text), bold: (text) => text, dim: (text) => text },
      { tone: (_tone, text) => `<${text}>`, bold: (text) => text, dim: (text) => text },
    ];
    for (const paint of others) expect(paintsNothing(paint)).toBe(false);
  });
});
