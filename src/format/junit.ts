import { formatMessage } from '../messages.js';
import { emptyCell, listedOf, resultOfCell, type ListedCell, type ListedMeta, type ListedResults } from '../report/listed-results.js';
import type { Target } from '../plan/types.js';
import type { Report, Status } from '../report/types.js';
import { ByteChunks, chunkTexts, utf8 } from './byte-chunks.js';
import { findDoubts } from './find-doubts.js';
import { describeResult, warningFindings } from './findings.js';
import type { FormatOptions, Formatter } from './formatter.js';
import { escapeControls, escapeXml } from './sanitize.js';
import { NotJudgedSentences } from './cell-sentence.js';
import { CasePieces, tailOf, type Between, type Tail } from './join-case-pieces.js';
import { OffTrackBytes } from './off-track-bytes.js';
import { writeShortFigure } from './write-four-places.js';
import { viewResult } from './view.js';
import { isOffTrackStatus } from './view-result.js';

/** Text made safe for XML 1.0: controls shown escaped, markup escaped. */
export const xmlEscape = escapeXml;

function groupKey(target: ListedMeta): string {
  return target.goal !== null ? 'goals' : `action${target.action ?? 0}`;
}

function skipped(status: Status): boolean {
  return status === 'no_data' || status === 'not_assessable' || status === 'pending';
}

/**
 * JUnit XML for test dashboards: a suite per action (and one for the goals), a test case per
 * target and region, named stably (`M3.1`, `M3.1 [丹东街道]`); failures fail with their reason,
 * missing data is skipped, warnings and soft misses pass with their reason in system-out (so the
 * failure count is the table's); input errors form an "input" suite. Streams suite by suite.
 */
export const formatJunit: Formatter = (report, options) => chunkTexts(junitChunks(report, options));

/** The JUnit report (`formatJunit`) as UTF-8 chunks of about a megabyte, each valid until the next is asked for. */
export function* junitChunks(report: Report, { lang, results }: FormatOptions): Generator<Uint8Array> {
  const listed = listedOf(report, results);
  const counts = suitesOf(listed);
  const out = new ByteChunks();
  const errors = report.errors.length;
  // Warnings that are not results (the reader's, regional checks) pass in a suite of their own, their words in system-out.
  const warnings = [...warningFindings(report, lang)];
  const doubts = findDoubts(report);
  const total = [...counts.values()].reduce((a, c) => ({ tests: a.tests + c.tests, failures: a.failures + c.failures, skipped: a.skipped + c.skipped }), { tests: errors + warnings.length, failures: errors, skipped: 0 });
  const id = escapeXml(report.plan.id);
  out.text('<?xml version="1.0" encoding="UTF-8"?>\n');
  out.text(`<testsuites name="plancheck" tests="${total.tests}" failures="${total.failures}" errors="0" skipped="${total.skipped}">\n`);
  if (errors > 0) {
    out.text(`  <testsuite name="${id} input" tests="${errors}" failures="${errors}" errors="0" skipped="0">\n`);
    for (const [i, problem] of report.errors.entries()) {
      const name = escapeXml(`${problem.file}:${problem.line ?? 0}:${problem.column ?? 0} #${i + 1}`);
      const message = escapeXml(formatMessage(problem.code, problem.params, lang));
      out.text(`    <testcase name="${name}" classname="plancheck.${id}.input">\n      <failure message="${message}" type="failure">${message}</failure>\n    </testcase>\n`);
    }
    out.text('  </testsuite>\n');
  }
  // Names are escaped once per target and per region: `M3.1 [丹东街道]` is the two escaped apart
  // (escaped text is escaped again unchanged, and nothing escapeXml changes spans the join).
  const ids = new Map<string, Uint8Array>();
  const regions = new Map<string, Uint8Array>();
  // A name's bytes, escaped once. No closure is passed (one capturing a case's variable would
  // allocate a context for every case that declares it, whether or not the name is new).
  const escapedOf = (map: Map<string, Uint8Array>, key: string): Uint8Array => {
    let bytes = map.get(key);
    if (bytes === undefined) {
      bytes = utf8(escapeXml(escapeControls(key)));
      if (map.size < 100_000) map.set(key, bytes);
    }
    return bytes;
  };
  // Keys of a suite come region by region: a region's bytes are looked up once per run of its cases.
  let lastRegion: string | null = null;
  let lastRegionBytes = CLOSE_REGION;
  const regionBytes = (region: string): Uint8Array => {
    if (region !== lastRegion) {
      lastRegion = region;
      lastRegionBytes = escapedOf(regions, region);
    }
    return lastRegionBytes;
  };
  const cell = emptyCell();
  const cases = new CasePieces(out);
  const sentences = new NotJudgedSentences(lang, escapeXml);
  const offTrack = new OffTrackBytes(lang, escapeXml);
  // A test case of a town is spliced from three pieces: `<testcase name="M3.1 [` (once per
  // target), the region (once per name), `]" classname="…">…` (once per suite and outcome).
  const heads = new Map<string, Uint8Array>();
  const headOf = (id: string): Uint8Array => {
    let head = heads.get(id);
    if (head === undefined) {
      head = Buffer.concat([TESTCASE, utf8(escapeXml(escapeControls(id))), OPEN_REGION]);
      if (heads.size < 100_000) heads.set(id, head);
    }
    return head;
  };
  // Only a doubt (keyed by a figure's place) reads where a cell's figure came from.
  const placed = doubts.size > 0;
  for (const [key, count] of counts) {
    out.text(`  <testsuite name="${id} ${key}" tests="${count.tests}" failures="${count.failures}" errors="0" skipped="${count.skipped}">\n`);
    const attrs = utf8(`" classname="plancheck.${id}.${key}"`);
    const tail = (then: Uint8Array): Uint8Array => Buffer.concat([CLOSE_REGION, attrs, then]);
    const [toSkipped, toEmpty, toFailure, toSystemOut] = [tail(SKIPPED), tail(EMPTY_CASE), tail(FAILURE), tail(SYSTEM_OUT)];
    // A town not judged, spliced from its target's pieces (`CasePieces`: its head, what stands
    // between the region's two mentions, the middle and the tail around its figure), the region's
    // bytes twice (a name and a sentence escape it alike) and its figure.
    // By target index (a target of another index's place, never in a plan, by a map), then by whether it has a figure.
    const joined: (JoinedCases | undefined)[] = [];
    const joinedOthers = new Map<Target, JoinedCases>();
    const casesOf = (target: Target): JoinedCases => {
      const index = target.index;
      let known = index >= 0 && index < 100_000 ? joined[index] : undefined;
      if (known === undefined || known.target !== target) {
        known = joinedOthers.get(target);
        if (known === undefined) {
          // A final level's case ends (passing, failing, skipped, in system-out), each its own
          // tail: a tail is joined with the head that follows it, the next target's.
          known = { target, head: headOf(target.id), cases: [undefined, undefined], ends: [tailOf(toEmpty), tailOf(FAILURE_END), tailOf(SKIPPED_END), tailOf(SYSTEM_OUT_END)] };
          if (index >= 0 && index < 100_000 && joined[index] === undefined) joined[index] = known;
          else joinedOthers.set(target, known);
        }
      }
      return known;
    };
    const joinedOf = (cell: ListedCell): NotJudgedCase | null => {
      const known = casesOf(cell.target);
      const at = cell.hasActual ? 1 : 0;
      let pieces = known.cases[at];
      if (pieces === undefined) {
        const parts = sentences.pieces(cell);
        pieces = parts === null ? null : parts.length === 3
          ? { head: known.head, between: cases.between(Buffer.concat([toSkipped, parts[0]!])), middle: parts[1]!, tail: tailOf(Buffer.concat([parts[2]!, SKIPPED_END])) }
          : { head: known.head, between: cases.between(Buffer.concat([toSkipped, parts[0]!])), middle: null, tail: tailOf(Buffer.concat([parts[1]!, SKIPPED_END])) };
        known.cases[at] = pieces;
      }
      return pieces;
    };
    // A town not judged (most of a large run): its sentence worded once per target. Its head
    // (joined with the case before's end), the region twice around what stands between (joined
    // once per region), its figure between the sentence's pieces. False when it must be worded
    // the general way. (Each shape has a function of its own: the loop's is small enough to be
    // optimised soon, and again soon after a deoptimisation.)
    const writeNotJudged = (cell: ListedCell): boolean => {
      const pieces = joinedOf(cell);
      if (pieces === null) return false;
      cases.head(pieces.head);
      cases.pair(pieces.between, regionBytes(cell.region));
      if (pieces.middle !== null) {
        out.bytes(pieces.middle);
        const { target } = cell;
        if (target.kind === 'milestone' || !writeShortFigure(out, cell.value, cell.year, target.year)) sentences.writeFigure(cell, out);
      }
      cases.hold(pieces.tail);
      return true;
    };
    // A final level (most results off track of a large run): its sentence worded once per
    // target. False, with nothing appended, when it must be worded the general way.
    const writeFinal = (key: number, cell: ListedCell, decimals: boolean): boolean => {
      const failure = cell.severity === 'failure';
      const skip = skipped(cell.status);
      // Where this case starts: after the tail held back, which its head is joined with.
      const at = out.length + cases.heldLength();
      const known = casesOf(cell.target);
      cases.head(known.head);
      const region = regionBytes(cell.region);
      out.bytes(region);
      if (!failure && !skip && cell.severity !== 'warning' && !isOffTrackStatus(cell.status)) {
        cases.hold(known.ends[0]!);
        return true;
      }
      out.bytes(failure ? toFailure : skip ? toSkipped : toSystemOut);
      const start = out.length;
      if (!decimals) listed.cell!(key, cell, true, placed);
      if (!offTrack.write(cell, out, region)) {
        out.truncate(at);
        return false;
      }
      if (failure) {
        const end = out.length;
        out.bytes(FAILURE_TEXT);
        out.repeat(start, end);
      }
      cases.hold(known.ends[failure ? 1 : skip ? 2 : 3]!);
      return true;
    };
    // Any other case, worded the general way (judged again with its gap, attainment and
    // figure's place when it is a cell).
    const writeGeneral = (key: number, isCell: boolean, decimals: boolean): void => {
      if (isCell && (!decimals || !placed)) listed.cell!(key, cell, true);
      const result = isCell ? resultOfCell(cell) : listed.get(key);
      cases.head(TESTCASE);
      out.bytes(escapedOf(ids, result.id));
      if (result.region !== '') {
        out.bytes(OPEN_REGION);
        out.bytes(regionBytes(result.region));
        out.bytes(CLOSE_REGION);
      }
      out.bytes(attrs);
      const failure = result.severity === 'failure';
      // A test case that passes says nothing (its result is not worded), unless a warning doubts its figure.
      if (!failure && !skipped(result.status) && result.severity !== 'warning' && !isOffTrackStatus(result.status) && (doubts.size === 0 || doubts.of(result, lang) === '')) {
        out.bytes(EMPTY_CASE);
        return;
      }
      const message = escapeXml(describeResult(viewResult(result, lang, doubts), lang));
      if (failure) out.text(`>\n      <failure message="${message}" type="failure">${message}</failure>\n    </testcase>\n`);
      else if (skipped(result.status)) out.text(`>\n      <skipped message="${message}"/>\n    </testcase>\n`);
      else out.text(`>\n      <system-out>${message}</system-out>\n    </testcase>\n`);
    };
    // A test case that passes is its name alone: its result is neither read nor built.
    const writePassing = (key: number): void => {
      const id = listed.metaOf(key).id;
      const region = listed.regionOf(key);
      if (region !== '') {
        cases.head(headOf(id));
        out.bytes(regionBytes(region));
        out.bytes(toEmpty);
      } else {
        cases.head(TESTCASE);
        out.bytes(escapedOf(ids, id));
        out.bytes(attrs);
        out.bytes(EMPTY_CASE);
      }
    };
    // The cases are written by a plain function, up to a full chunk or 1,024 cases at a time: a
    // generator's loop is optimised by on-stack replacement, undone and redone as each kind of
    // case first appears, and a long loop of its own would be compiled twice (for the loop, then
    // for its calls); a function called often is compiled once, when its calls make it hot.
    const writeCases = (keys: Uint32Array, from: number): number => {
      const end = Math.min(keys.length, from + 1024);
      // The index is moved on before the chunk is asked about: a `return i + 1` first run when
      // the first chunk fills would deoptimise the loop (an operation without type feedback).
      for (let i = from; i < end; ) {
        const key = keys[i++]!;
        // Gap and attainment are worked out only for a final level whose sentence is worded: known
        // from its status and severity before the cell is judged again (once).
        const status = listed.status(key);
        const severity = listed.severity(key);
        const worded = severity === 'failure' || severity === 'warning' || skipped(status) || isOffTrackStatus(status);
        if (!worded && doubts.size === 0) writePassing(key);
        else {
          const isCell = listed.cell?.(key, cell, worded, placed) === true;
          // A cell whose figure a warning doubts is worded the general way, with its mark.
          const plain = isCell && cell.region !== '' && (doubts.size === 0 || doubts.of(resultOfCell(cell), lang) === '');
          const done = plain && (cell.shape === 'not_judged'
            ? skipped(cell.status) && cell.severity !== 'failure' && writeNotJudged(cell)
            : cell.shape === 'final_level' && writeFinal(key, cell, worded));
          if (!done) writeGeneral(key, isCell, worded && isCell);
        }
        if (out.full) return i;
      }
      return end;
    };
    for (let next = 0; next < count.keys.length; ) {
      next = writeCases(count.keys, next);
      if (out.full) yield out.take();
    }
    cases.flush();
    out.text('  </testsuite>\n');
  }
  if (warnings.length > 0) {
    out.text(`  <testsuite name="${id} warnings" tests="${warnings.length}" failures="0" errors="0" skipped="0">\n`);
    for (const [i, warning] of warnings.entries()) {
      const name = escapeXml(`${warning.file ?? report.plan.file}:${warning.line ?? 0}:${warning.column ?? 0} ${warning.rule} #${i + 1}`);
      out.text(`    <testcase name="${name}" classname="plancheck.${id}.warnings">\n      <system-out>${escapeXml(warning.message)}</system-out>\n    </testcase>\n`);
      if (out.full) yield out.take();
    }
    out.text('  </testsuite>\n');
  }
  out.text('</testsuites>\n');
  yield out.take();
}

/** A target's pieces in a suite: its head, its not-judged cases' pieces without and with a figure (undefined: not made yet), a final level's case ends. */
interface JoinedCases {
  target: Target;
  head: Uint8Array;
  cases: (NotJudgedCase | null | undefined)[];
  /** Passing, failing, skipped, in system-out. */
  ends: Tail[];
}

/** The pieces of a town not judged's test case (see `joinedOf`): the sentence's middle, before the figure, null for a town without a figure. */
interface NotJudgedCase {
  head: Uint8Array;
  between: Between;
  middle: Uint8Array | null;
  tail: Tail;
}

const TESTCASE = utf8('    <testcase name="');
const OPEN_REGION = utf8(' [');
const CLOSE_REGION = utf8(']');
const EMPTY_CASE = utf8('/>\n');
const SKIPPED = utf8('>\n      <skipped message="');
const SKIPPED_END = utf8('"/>\n    </testcase>\n');
const FAILURE = utf8('>\n      <failure message="');
const FAILURE_TEXT = utf8('" type="failure">');
const FAILURE_END = utf8('</failure>\n    </testcase>\n');
const SYSTEM_OUT = utf8('>\n      <system-out>');
const SYSTEM_OUT_END = utf8('</system-out>\n    </testcase>\n');

/** A suite's counts and the keys of its test cases. */
interface Suite {
  tests: number;
  failures: number;
  skipped: number;
  keys: Uint32Array;
}

/** The listed results' keys grouped by suite (no result is built), suites in the order first met. */
function suitesOf(listed: ListedResults): Map<string, Suite> {
  // One pass finds each key's suite (no result is built), then the keys are laid out suite by
  // suite in one array (a counting sort): no array grown key by key.
  const counts = new Map<string, Suite>();
  const suites: Suite[] = [];
  // A suite is found by its goal or action number (-1: the goals), its name made once per suite.
  const byNumber = new Map<number, number>();
  // Keys are whole numbers below 2^32 (a result's position): checked, as a typed array would wrap one.
  let keys = new Uint32Array(listed.size);
  let suiteOf = new Int32Array(listed.size);
  // Keys of one region come in the plan's order: most follow one of the same suite.
  let lastNumber = Number.NaN;
  let last = -1;
  let n = 0;
  for (const key of listed.keys()) {
    const meta = listed.metaOf(key);
    const number = meta.goal !== null ? -1 : (meta.action ?? 0);
    let at = number === lastNumber ? last : (byNumber.get(number) ?? -1);
    lastNumber = number;
    if (at < 0) {
      const name = groupKey(meta);
      let count = counts.get(name);
      if (!count) {
        counts.set(name, (count = { tests: 0, failures: 0, skipped: 0, keys: EMPTY_KEYS }));
        suites.push(count);
      }
      at = suites.indexOf(count);
      byNumber.set(number, at);
    }
    last = at;
    const count = suites[at]!;
    count.tests++;
    if (listed.severity(key) === 'failure') count.failures++;
    else if (skipped(listed.status(key))) count.skipped++;
    if (key >>> 0 !== key) throw new Error(`junit: a result key out of range (${key})`);
    if (n === keys.length) {
      // More keys than `size` said (never): room made as for an array.
      const more = Math.max(16, n * 2);
      keys = grow(keys, new Uint32Array(more));
      suiteOf = grow(suiteOf, new Int32Array(more));
    }
    keys[n] = key;
    suiteOf[n++] = at;
  }
  // Each suite's keys in report order, in its own stretch of one array.
  const starts = new Int32Array(suites.length + 1);
  for (let i = 0; i < suites.length; i++) starts[i + 1] = starts[i]! + suites[i]!.tests;
  const sorted = new Uint32Array(n);
  const next = starts.slice(0, suites.length);
  for (let i = 0; i < n; i++) sorted[next[suiteOf[i]!]!++] = keys[i]!;
  for (let i = 0; i < suites.length; i++) suites[i]!.keys = sorted.subarray(starts[i]!, starts[i + 1]!);
  return counts;
}

const EMPTY_KEYS = new Uint32Array(0);

function grow<T extends Uint32Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
