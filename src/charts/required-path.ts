/** The values a target needs year by year: from its start to the target at the deadline. */
export interface PathEnds {
  fromYear: number;
  from: number;
  toYear: number;
  to: number;
}

/**
 * The required path from the start to the target: a straight line (cumulative and level targets
 * rated linearly), or compound growth at a constant rate (growth-rated levels), one value a year.
 * Compound growth needs both ends positive; otherwise the line is straight.
 */
export function requiredPath(ends: PathEnds, compound: boolean): { year: number; value: number }[] {
  const span = ends.toYear - ends.fromYear;
  if (span <= 0) return [];
  const points: { year: number; value: number }[] = [];
  const geometric = compound && ends.from > 0 && ends.to > 0;
  for (let year = ends.fromYear; year <= ends.toYear; year += 1) {
    const t = (year - ends.fromYear) / span;
    const value = geometric ? ends.from * (ends.to / ends.from) ** t : ends.from + (ends.to - ends.from) * t;
    points.push({ year, value: Number(value.toPrecision(12)) });
  }
  return points;
}
