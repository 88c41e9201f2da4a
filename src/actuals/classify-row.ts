/** Why a row that is not data is skipped. */
export type SkippedRow = 'subtotal' | 'footnote';

// 小计, 合计, 总计, 其中 (a breakdown heading), with or without spaces and a colon.
const SUBTOTAL = /^(?:小计|合计|总计|共计|总合计|其中|全县合计|全市合计|subtotal|total)[:：]?$/i;
// 注:…, 注1., 说明:…, and the signature lines under a Chinese statistical table.
const FOOTNOTE = /^(?:注(?:释)?\s*\d*\s*[:：.．、]|注\s*\d|(?:说明|备注|附注|资料来源|数据来源|填报人|填表人|审核人|负责人|单位负责人|统计负责人|制表人|联系人|联系电话|填报日期|报出日期|填报单位)\s*[:：]|note\s*:|source\s*:)/i;

/** Tells a subtotal or a footnote row apart from data, from its id or name and its first text. */
export function classifyRow(key: string, first: string): SkippedRow | null {
  const compact = key.normalize('NFKC').replace(/\s+/g, '');
  if (SUBTOTAL.test(compact)) return 'subtotal';
  const lead = first.normalize('NFKC').trim();
  if (FOOTNOTE.test(lead)) return 'footnote';
  if (SUBTOTAL.test(lead.replace(/\s+/g, ''))) return 'subtotal';
  return null;
}
