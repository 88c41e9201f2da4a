/** Text of ASCII and CJK Unified Ideographs only (U+4E00–U+9FFF): NFKC leaves it as it is (neither has a decomposition, nor composes). */
const STABLE = /^[\u0000-\u007f\u4e00-\u9fff]*$/;

/**
 * `text.normalize('NFKC')`, without the normalisation for the text nearly every region name is
 * (Chinese characters and ASCII digits): a 5M-row file names 16,078 regions, each normalised
 * several times, which took about 0.1 s.
 */
export function nfkc(text: string): string {
  return STABLE.test(text) ? text : text.normalize('NFKC');
}
