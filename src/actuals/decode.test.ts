import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { sniffEncoding } from './decode.js';

const CSV = 'region,id,year,value\n丹东街道,M1.1,2025,1000\n石浦镇,M1.3,2025,3.2\n';
const ascii = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('sniffEncoding: what a file is, or why it is refused', () => {
  it('UTF-32 with a BOM is named and refused, not taken for UTF-16 LE (whose BOM it starts with)', () => {
    const le = iconv.encode(CSV, 'utf-32le', { addBOM: true });
    expect(le.subarray(0, 4)).toEqual(Buffer.from([0xff, 0xfe, 0, 0]));
    expect(sniffEncoding(le)).toEqual({ ok: false, code: 'csv.utf32', params: { encoding: 'utf-32le' } });
    const be = iconv.encode(CSV, 'utf-32be', { addBOM: true });
    expect(sniffEncoding(be)).toEqual({ ok: false, code: 'csv.utf32', params: { encoding: 'utf-32be' } });
  });

  it('UTF-32 without a BOM is named and refused', () => {
    expect(sniffEncoding(iconv.encode(CSV, 'utf-32le'))).toEqual({ ok: false, code: 'csv.utf32', params: { encoding: 'utf-32le' } });
    expect(sniffEncoding(iconv.encode(CSV, 'utf-32be'))).toEqual({ ok: false, code: 'csv.utf32', params: { encoding: 'utf-32be' } });
  });

  it('UTF-16 without a BOM is refused with the --encoding that reads it', () => {
    expect(sniffEncoding(iconv.encode(CSV, 'utf-16le'))).toEqual({ ok: false, code: 'csv.utf16-no-bom', params: { encoding: 'utf-16le' } });
    expect(sniffEncoding(iconv.encode(CSV, 'utf-16be'))).toEqual({ ok: false, code: 'csv.utf16-no-bom', params: { encoding: 'utf-16be' } });
  });

  it('UTF-16 without a BOM is read when --encoding names it', () => {
    expect(sniffEncoding(iconv.encode(CSV, 'utf-16le'), 'utf-16le')).toEqual({ ok: true, encoding: 'utf-16le', bomLength: 0 });
  });

  it('UTF-16 with a BOM is read', () => {
    expect(sniffEncoding(iconv.encode(CSV, 'utf-16le', { addBOM: true }))).toEqual({ ok: true, encoding: 'utf-16le', bomLength: 2 });
  });

  it('NUL bytes that follow no wide-encoding pattern are a binary file', () => {
    const bytes = Buffer.from([0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1]);
    expect(sniffEncoding(bytes)).toEqual({ ok: false, code: 'csv.binary', params: { offset: 7 } });
  });

  it('GBK Chinese text is read as GB18030', () => {
    expect(sniffEncoding(iconv.encode(CSV, 'gbk'))).toEqual({ ok: true, encoding: 'gb18030', bomLength: 0 });
  });

  it('GBK text with a few names outside GB2312 (堃, 喆) is still GB18030', () => {
    const text = `${CSV}${'象山县,M1.1,2025,1\n'.repeat(5)}王堃,M1.2,2025,3\n李喆,M1.2,2025,3\n`;
    expect(sniffEncoding(iconv.encode(text, 'gbk'))).toEqual({ ok: true, encoding: 'gb18030', bomLength: 0 });
  });

  it('an ASCII file with two stray Latin-1 bytes is not turned into Chinese mojibake: refused, located', () => {
    // "région" in Latin-1: 0xE9 then "g" reads in GBK as one rare character from its extension.
    const bytes = ascii('region,id,year,value\nr\u00e9gion,M1.1,2025,5\nab,M1.2,2025,3\nd\u00e9p,M1.3,2025,1\n');
    expect(sniffEncoding(bytes)).toEqual({
      ok: false,
      code: 'csv.not-utf8-or-gbk',
      params: { line: 2, column: 2, byte: 'E9', sample: '間' },
    });
  });

  it('two adjacent stray bytes that read as one GB2312 level-2 character are refused too', () => {
    const bytes = ascii('region,id,year,value\nab\u00e8\u00e9,M1.1,2025,5\n');
    const sniff = sniffEncoding(bytes);
    expect(sniff).toMatchObject({ ok: false, code: 'csv.not-utf8-or-gbk', params: { line: 2, column: 3, byte: 'E8' } });
  });

  it('a UTF-8 file with one damaged byte stays UTF-8 (the reader locates the bad cell)', () => {
    const bytes = Buffer.concat([Buffer.from(CSV.repeat(3)), Buffer.from([0xff]), Buffer.from(',M1.1,2025,1\n')]);
    expect(sniffEncoding(bytes)).toEqual({ ok: true, encoding: 'utf-8', bomLength: 0 });
  });

  it('a UTF-8 sample cut in the middle of a character is UTF-8', () => {
    const bytes = Buffer.from(CSV);
    expect(sniffEncoding(bytes.subarray(0, bytes.indexOf(Buffer.from('东')) + 1))).toEqual({ ok: true, encoding: 'utf-8', bomLength: 0 });
  });
});

describe('sniffEncoding: a refusal points at the byte that is not UTF-8', () => {
  it('UTF-8 Chinese with a stray byte after it is located at the stray byte, not at the valid text', () => {
    // 丹东 (valid UTF-8, 6 bytes) then a Latin-1 é: too little valid UTF-8 to call it UTF-8 for sure,
    // and read as GBK the UTF-8 bytes give rare characters.
    const bytes = Buffer.concat([Buffer.from('region,id,year,value\n丹东'), Buffer.from([0xe9]), Buffer.from('x,M1.1,2025,5\n')]);
    expect(sniffEncoding(bytes)).toMatchObject({ ok: false, code: 'csv.not-utf8-or-gbk', params: { line: 2, column: 7, byte: 'E9' } });
  });
});
