/**
 * A region's counts become the report's tally; the whole is the sum of the regions'. The
 * completion rate is met ÷ judged to 12 significant digits however it is worked out.
 */
import { describe, expect, it } from 'vitest';
import { STATUSES } from '../report/types.js';
import { emptyTally, completionRate, finishTally, TallyCounter } from './tally.js';

describe('completion rate', () => {
  it('equals met ÷ judged rounded to 12 significant digits for every pair of counts below 1,100, asked twice', () => {
    const wrong: string[] = [];
    for (let round = 0; round < 2; round++) {
      for (let judged = 1; judged < 1100; judged++) {
        for (let met = 0; met <= judged; met++) {
          if (completionRate(met, judged) !== Number((met / judged).toPrecision(12))) wrong.push(`${met}/${judged}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('is null when nothing was judged, and 1/3 is 0.333333333333', () => {
    expect(completionRate(0, 0)).toBeNull();
    expect(completionRate(1, 3)).toBe(0.333333333333);
    expect(completionRate(2, 3)).toBe(0.666666666667);
    expect(completionRate(123_456, 1_000_000)).toBe(0.123456);
  });
});

describe('the whole as the sum of its regions', () => {
  it('adds two regions counts and writes them into the summary in place, keys in the report order', () => {
    const a = new TallyCounter();
    a.add('met', 'ok', false, 3);
    a.add('not_met', 'failure', false, 2);
    a.add('not_met', 'warning', true);
    a.add('not_assessable', 'info', false);
    a.addNotJudged();
    const b = new TallyCounter();
    b.add('met', 'ok', false);
    b.add('no_data', 'warning', true, 4);
    const whole = new TallyCounter();
    whole.addCounts(a);
    whole.addCounts(b);
    const summary = { ...emptyTally(), byRegion: { 甲: a.toTally(), 乙: b.toTally() } };
    whole.writeInto(summary);
    // 3 + 2 + 1 + 1 targets in 甲, 1 + 4 in 乙; met 4 of 4 + 3 judged.
    expect(summary.targets).toBe(12);
    expect(summary.byStatus).toEqual({ met: 4, not_met: 3, no_data: 4, achieved: 0, on_track: 0, moderate: 0, insufficient: 0, moving_away: 0, pending: 0, not_assessable: 1 });
    expect([summary.failures, summary.warnings, summary.softMisses, summary.notJudged]).toEqual([2, 5, 5, 1]);
    expect(summary.completionRate).toBe(0.571428571429);
    expect(Object.keys(summary)).toEqual(['targets', 'byStatus', 'failures', 'warnings', 'softMisses', 'completionRate', 'byRegion', 'notJudged']);
  });

  it('says no towns not judged when none were', () => {
    const summary = { ...emptyTally(), byRegion: {} };
    const counter = new TallyCounter();
    counter.add('met', 'ok', false);
    counter.writeInto(summary);
    expect('notJudged' in summary).toBe(false);
    expect(summary.completionRate).toBe(1);
  });
});

describe('one counter for region after region', () => {
  it('reset to another counter takes its counts, reset alone clears them', () => {
    const start = new TallyCounter();
    start.add('not_assessable', 'info', false, 2);
    start.addNotJudged();
    const counter = new TallyCounter();
    counter.add('met', 'ok', false, 5);
    expect(counter.reset(start).toTally()).toEqual(start.toTally());
    counter.add('met', 'ok', false);
    expect(counter.toTally().targets).toBe(3);
    expect(start.toTally().targets).toBe(2);
    expect(counter.reset().toTally()).toEqual(emptyTally());
  });
});

describe('a region\'s tally', () => {
  it('has every status in the report\'s order, each counted where it was added, and the towns not judged last', () => {
    const counter = new TallyCounter();
    STATUSES.forEach((status, i) => counter.add(status, 'info', false, i + 1));
    counter.addNotJudged();
    const tally = counter.toTally();
    expect(Object.keys(tally.byStatus)).toEqual([...STATUSES]);
    expect(Object.values(tally.byStatus)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(Object.keys(tally)).toEqual(['targets', 'byStatus', 'failures', 'warnings', 'softMisses', 'completionRate', 'notJudged']);
    // 1 met of 1 + 2 judged; 55 targets in all.
    expect([tally.targets, tally.completionRate, tally.notJudged]).toEqual([55, 0.333333333333, 1]);
    const again = { ...tally, completionRate: null };
    finishTally(again);
    expect(again.completionRate).toBe(tally.completionRate);
  });
});
