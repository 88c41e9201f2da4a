import { describe, expect, it } from 'vitest';
import { suggestRegion } from './suggest-region.js';

const TOWNS = ['丹东街道', '丹西街道', '爵溪街道', '石浦镇', '西周镇', '鹤浦镇', '东陈乡'];

describe('suggestRegion: what a mistyped --region most likely meant', () => {
  it('a name holding the typed text, or held in it', () => {
    expect(suggestRegion('石浦', TOWNS)).toBe('石浦镇');
    expect(suggestRegion('石浦镇政府', TOWNS)).toBe('石浦镇');
    expect(suggestRegion(' 东陈 ', TOWNS)).toBe('东陈乡');
  });

  it('at most three names holding it', () => {
    expect(suggestRegion('街道', TOWNS)).toBe('丹东街道 / 丹西街道 / 爵溪街道');
  });

  it('else the nearest name when it is near, by edit distance', () => {
    expect(suggestRegion('鹤埔镇', TOWNS)).toBe('鹤浦镇');
    expect(suggestRegion('Shipu', ['Shipu Town', 'Xizhou Town'])).toBe('Shipu Town');
    expect(suggestRegion('Shipo Town', ['Shipu Town', 'Xizhou Town'])).toBe('Shipu Town');
  });

  it('nothing when no name is near, or the text is blank', () => {
    expect(suggestRegion('北京市朝阳区', TOWNS)).toBeUndefined();
    expect(suggestRegion('  ', TOWNS)).toBeUndefined();
    expect(suggestRegion('石浦', [])).toBeUndefined();
  });
});
