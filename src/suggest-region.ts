import { distance } from 'fastest-levenshtein';

/**
 * The regions a mistyped `--region` most likely meant: those whose name holds the typed text (or
 * is held in it: 石浦 for 石浦镇, 石浦镇政府 for 石浦镇), at most three; else the nearest name by
 * edit distance when it is near (at most half the typed length); else undefined.
 */
export function suggestRegion(typed: string, regions: readonly string[]): string | undefined {
  const text = typed.normalize('NFKC').trim();
  if (text === '') return undefined;
  const holding = regions.filter((region) => region !== '' && (region.includes(text) || text.includes(region)));
  if (holding.length > 0) return holding.slice(0, 3).join(' / ');
  let best: string | undefined;
  let bestDistance = Math.ceil(text.length / 2) + 1;
  for (const region of regions) {
    const d = distance(text, region);
    if (d < bestDistance) {
      best = region;
      bestDistance = d;
    }
  }
  return best;
}
