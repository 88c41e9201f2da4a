// The JSON formats write a million small objects: laying each out here, in one pass, is several
// times faster than `JSON.stringify(value, null, 2)` followed by a regex that indents its lines
// and another that escapes them, and gives the same text.

/**
 * `JSON.stringify(value, null, 2)` with every line after the first indented by `depth` more
 * spaces, and each string (key or value) passed through `escape` once written as JSON.
 */
export function prettyJson(value: unknown, depth: number, escape: (json: string) => string = (json) => json): string {
  return write(value, ' '.repeat(depth), escape) ?? 'undefined';
}

// A string JSON writes as it is between quotes, and `escape` leaves alone (no quote, backslash,
// control, lone surrogate, bidi or invisible character): most strings, quoted without a call.
// eslint-disable-next-line no-control-regex
const SPECIAL = /["\\\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb\ud800-\udfff]/;

/** A string as JSON text (quoted), passed through `escape` when it holds anything JSON or `escape` writes otherwise. */
export function quote(text: string, escape: (json: string) => string): string {
  return SPECIAL.test(text) ? escape(JSON.stringify(text)) : `"${text}"`;
}

// Keys repeat in every object: each is quoted once per escaper.
const quotedKeys = new WeakMap<(json: string) => string, Map<string, string>>();

/** A key as prettyJson writes it before its value: quoted, then `: `, remembered per escaper. */
export function quoteKey(key: string, escape: (json: string) => string): string {
  let known = quotedKeys.get(escape);
  if (!known) quotedKeys.set(escape, (known = new Map()));
  let quoted = known.get(key);
  if (quoted === undefined) {
    quoted = `${quote(key, escape)}: `;
    if (known.size < 1024) known.set(key, quoted);
  }
  return quoted;
}

// undefined where JSON.stringify leaves a value out (undefined, a function, a symbol).
function write(value: unknown, pad: string, escape: (json: string) => string): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  switch (typeof value) {
    case 'string':
      return quote(value, escape);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      const inner = `${pad}  `;
      if (Array.isArray(value)) {
        if (value.length === 0) return '[]';
        let out = '[';
        for (let i = 0; i < value.length; i++) out += `${i === 0 ? '' : ','}\n${inner}${write(value[i], inner, escape) ?? 'null'}`;
        return `${out}\n${pad}]`;
      }
      let out = '';
      for (const key of Object.keys(value)) {
        const text = write((value as Record<string, unknown>)[key], inner, escape);
        if (text === undefined) continue;
        out += `${out === '' ? '{' : ','}\n${inner}${quoteKey(key, escape)}${text}`;
      }
      return out === '' ? '{}' : `${out}\n${pad}}`;
    }
    default:
      // JSON.stringify throws on a bigint; so does this.
      if (typeof value === 'bigint') return JSON.stringify(value);
      return undefined;
  }
}
