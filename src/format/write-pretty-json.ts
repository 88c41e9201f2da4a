import { ByteChunks, utf8 } from './byte-chunks.js';
import { quote, quoteKey } from './pretty-json.js';

// The few objects of a report's results that are not spliced from pieces (a mean's progress, its
// notes) are written straight into the chunks: the text `prettyJson` gives, without the strings
// it joins and the encoding of them.

const NULL = utf8('null');
const TRUE = utf8('true');
const FALSE = utf8('false');
const COMMA = utf8(',');
const OPEN_OBJECT = utf8('{');
const OPEN_ARRAY = utf8('[');
const EMPTY_OBJECT = utf8('{}');
const EMPTY_ARRAY = utf8('[]');

/** `\n` then `depth` spaces, encoded once per depth. */
const newlines: Uint8Array[] = [];
function newline(depth: number): Uint8Array {
  let bytes = newlines[depth];
  if (bytes === undefined) {
    bytes = utf8(`\n${' '.repeat(depth)}`);
    if (depth < 256) newlines[depth] = bytes;
  }
  return bytes;
}

/** Keys quoted with `: ` and encoded, by escaper (as `quoteKey` keeps their text). */
const keyBytes = new WeakMap<(json: string) => string, Map<string, Uint8Array>>();
function keyOf(key: string, escape: (json: string) => string): Uint8Array {
  let known = keyBytes.get(escape);
  if (!known) keyBytes.set(escape, (known = new Map()));
  let bytes = known.get(key);
  if (bytes === undefined) {
    bytes = utf8(quoteKey(key, escape));
    if (known.size < 1024) known.set(key, bytes);
  }
  return bytes;
}

/** A value as JSON.stringify reads it: its `toJSON()` when it has one. */
function resolved(value: unknown): unknown {
  return value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON: () => unknown }).toJSON() : value;
}

/** Whether JSON.stringify writes a (resolved) value, rather than leaving it out of an object. */
function written(value: unknown): boolean {
  const type = typeof value;
  return type !== 'undefined' && type !== 'function' && type !== 'symbol';
}

/**
 * Appends `prettyJson(value, depth, escape)` as UTF-8 (a test holds them equal), for a value
 * JSON.stringify writes (not undefined, a function or a symbol: `prettyJson` gives 'undefined'
 * for those, which is no JSON, and this appends the same).
 */
export function writePrettyJson(out: ByteChunks, value: unknown, depth: number, escape: (json: string) => string = (json) => json): void {
  const own = resolved(value);
  if (!written(own)) out.text('undefined');
  else writeValue(out, own, depth, escape);
}

/** A resolved value JSON.stringify writes, at `depth` spaces. */
function writeValue(out: ByteChunks, value: unknown, depth: number, escape: (json: string) => string): void {
  switch (typeof value) {
    case 'string':
      out.text(quote(value, escape));
      return;
    case 'number':
      if (Number.isFinite(value)) out.number(value);
      else out.bytes(NULL);
      return;
    case 'boolean':
      out.bytes(value ? TRUE : FALSE);
      return;
    case 'bigint':
      // JSON.stringify throws on a bigint; so does this.
      out.text(JSON.stringify(value));
      return;
    default:
      break;
  }
  if (value === null) {
    out.bytes(NULL);
    return;
  }
  const inner = depth + 2;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.bytes(EMPTY_ARRAY);
      return;
    }
    out.bytes(OPEN_ARRAY);
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.bytes(COMMA);
      out.bytes(newline(inner));
      const item = resolved(value[i]);
      // An element JSON.stringify leaves out of an object is null in an array.
      if (written(item)) writeValue(out, item, inner, escape);
      else out.bytes(NULL);
    }
    out.bytes(newline(depth));
    out.text(']');
    return;
  }
  let first = true;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = resolved(record[key]);
    if (!written(item)) continue;
    out.bytes(first ? OPEN_OBJECT : COMMA);
    first = false;
    out.bytes(newline(inner));
    out.bytes(keyOf(key, escape));
    writeValue(out, item, inner, escape);
  }
  if (first) out.bytes(EMPTY_OBJECT);
  else {
    out.bytes(newline(depth));
    out.text('}');
  }
}
