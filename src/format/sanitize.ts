/**
 * Escapers for text that came from a user's file or a plan: one place, imported by every format.
 * `escapeControls` makes text safe for a terminal or a CI log; the others add what their format
 * needs on top of it, so each is safe on raw text and idempotent on text already escaped.
 */

// C0 (all of them, including tab and line ends), DEL and C1: shown as \u001b.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// Bidi embeddings, overrides and isolates, marks, zero-width characters, line and paragraph
// separators, the BOM: invisible yet able to reorder or hide text; shown as <U+202E>.
const INVISIBLE = /[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;

/** True when `escapeControls` would change `text`: a control, an invisible character or `::` in it. */
function needsEscape(text: string): boolean {
  // A loop over code units: faster than a regex on the short two-byte strings of a report.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) {
      if (c === 0x3a && text.charCodeAt(i + 1) === 0x3a) return true;
      continue;
    }
    if (c >= 0x3000 && c < 0xfeff) continue; // CJK
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x61c || (c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e)) return true;
    if ((c >= 0x2060 && c <= 0x2069) || c === 0xfeff || (c >= 0xfff9 && c <= 0xfffb)) return true;
  }
  return false;
}

function hex(ch: string): string {
  return ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Text made safe for a terminal and a CI log: control characters as `\u001b`, invisible and
 * bidi characters as `<U+202E>`, and `::` broken as `:\u003a` so that no line it lands on can be
 * a GitHub Actions workflow command.
 */
export function escapeControls(text: string): string {
  // Nearly every text is clean: one scan instead of three replacements.
  if (!needsEscape(text)) return text;
  return text
    .replace(CONTROL, (ch) => `\\u${hex(ch).toLowerCase()}`)
    .replace(INVISIBLE, (ch) => `<U+${hex(ch)}>`)
    .replace(/::/g, ':\\u003a');
}

/** True when `text` holds nothing `escapeControls` would change. */
export function isInert(text: string): boolean {
  return escapeControls(text) === text;
}

/**
 * Text made inert in Markdown (a table cell, a list item or a heading): controls escaped, HTML
 * (`<!--`, `<img>`) shown as text, link, emphasis and table syntax escaped, bare URLs not linked.
 */
export function escapeMarkdown(text: string): string {
  const safe = escapeControls(text);
  if (!MARKDOWN_SYNTAX.test(safe)) return safe;
  return safe
    .replace(/[\\`*_{}[\]#|~>]/g, (ch) => `\\${ch}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/:\/\//g, ':\\/\\/')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`)
    .replace(/@/g, '&#64;');
}

// Anything the Markdown replacements below change.
const MARKDOWN_SYNTAX = /[\\`*_{}[\]#|~>&<@]|:\/\/|www\./i;

/** Text made safe in HTML element content and quoted attribute values, controls escaped. */
export function escapeHtml(text: string): string {
  return escapeControls(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Text made safe in XML 1.0 content and attributes (JUnit): controls escaped, markup escaped. */
export function escapeXml(text: string): string {
  const safe = escapeControls(text);
  if (!XML_SYNTAX.test(safe)) return safe;
  return safe
    .replace(/[\ufffe\uffff]/g, (ch) => `<U+${hex(ch)}>`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

// Anything the XML replacements above change.
const XML_SYNTAX = /[\ufffe\uffff&<>"']/;

/** A workflow command's message, escaped as @actions/core does (`%`, CR, LF) after the controls. */
export function escapeWorkflowData(text: string): string {
  const safe = escapeControls(text);
  if (!/[%\r\n]/.test(safe)) return safe;
  return safe.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: as data, plus `:` and `,`. */
export function escapeWorkflowProperty(text: string): string {
  return escapeWorkflowData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Text cells a spreadsheet would run as a formula (OWASP CSV injection): a leading `=`, `+`, `-`,
 * `@`, tab, CR or LF, or their full-width forms, which Excel also accepts.
 */
export const FORMULA_START = /^[=+\-@\t\r\n＝＋－＠]/;

/** A spreadsheet text cell: controls escaped, and a single quote before anything a formula could start with. */
export function escapeSpreadsheetText(text: string): string {
  const safe = escapeControls(text);
  return FORMULA_START.test(safe) ? `'${safe}` : safe;
}

// Characters JSON.stringify leaves raw although a terminal or a viewer would act on them.
const JSON_RAW = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;
const JSON_RAW_ANY = new RegExp(JSON_RAW.source);

/**
 * JSON text with DEL, C1, bidi, invisible and separator characters written as `\u202e` escapes:
 * the same data once parsed, but inert when the file is shown. Valid on any JSON text, because
 * these characters can occur only inside strings.
 */
export function escapeJsonText(json: string): string {
  if (!JSON_RAW_ANY.test(json)) return json;
  return json.replace(JSON_RAW, (ch) => `\\u${hex(ch).toLowerCase()}`);
}

/** Lines of text for a log or a terminal: each line escaped as `escapeControls` does, the line ends kept. */
export function escapeLines(text: string): string {
  return text.split('\n').map(escapeControls).join('\n');
}
