/**
 * Layout checks evaluated in the page by the browser tests: boxes whose content overflows, text
 * that overlaps other text (HTML and chart SVG alike), and what the page holds.
 */

/** What `LAYOUT_CHECKS` returns. */
export interface LayoutFindings {
  pageWidth: number;
  viewportWidth: number;
  overflows: string[];
  overlaps: string[];
  charts: { targets: string[]; status: number; heat: number };
  scripts: number;
  text: string;
}

/** The expression the browser evaluates; returns LayoutFindings. */
export const LAYOUT_CHECKS = String.raw`(() => {
  const overflows = [];
  for (const el of document.querySelectorAll('td, th, dd, dt, li, figcaption, h1, h2, h3, p, .badge, figure, .soft')) {
    if (el.closest('.heat')) continue; // the heat map scrolls sideways on purpose
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline') {
      overflows.push(el.tagName + ' "' + el.textContent.trim().slice(0, 40) + '" ' + el.scrollWidth + ' > ' + el.clientWidth);
    }
  }
  const rects = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width > 0.5 && r.height > 0.5) rects.push({ top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right, node, text: node.textContent.trim().slice(0, 30) });
    }
  }
  rects.sort((a, b) => a.top - b.top);
  const overlaps = [];
  for (let i = 0; i < rects.length; i++) {
    const a = rects[i];
    for (let j = i + 1; j < rects.length && rects[j].top < a.bottom; j++) {
      const b = rects[j];
      if (a.node === b.node) continue;
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      // Glyph boxes of neighbouring lines touch; a real overlap covers part of a character.
      if (x > 2 && y > 3) overlaps.push('"' + a.text + '" / "' + b.text + '"');
    }
  }
  return {
    pageWidth: document.documentElement.scrollWidth,
    viewportWidth: document.documentElement.clientWidth,
    overflows,
    overlaps,
    charts: {
      targets: [...document.querySelectorAll('figure')].filter((f) => f.querySelector('svg path')).map((f) => f.querySelector('figcaption b').textContent),
      status: document.querySelectorAll('.status-chart svg').length,
      heat: document.querySelectorAll('.heat svg, .heat table').length,
    },
    scripts: document.querySelectorAll('script, [onload], [onerror], [onclick], iframe, object, embed').length,
    text: document.body.innerText,
  };
})()`;
