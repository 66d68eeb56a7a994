/**
 * Tests of the passport and permit detector: each document's shapes, near misses, the bare
 * 8-digit Taiwan permit (low in cells, only with a label in text), and label bonuses.
 */
import { describe, expect, it } from 'vitest';
import type { Hit } from './common';
import { BARE_TAIWAN_CELL_CONFIDENCE, BARE_TAIWAN_CONTEXT_CONFIDENCE, checkBareTaiwanPermit, checkTravelDocument, findTravelDocuments } from './travel-documents';

function scan(text: string): { text: string; hit: Hit }[] {
  const found: { text: string; hit: Hit }[] = [];
  findTravelDocuments(text, (hit, start, end) => found.push({ text: text.slice(start, end), hit }));
  return found;
}

describe('checkTravelDocument', () => {
  it('recognises PRC passports', () => {
    for (const value of ['E12345678', 'EA1234567', 'EH7654321', 'G12345678', 'DE1234567', 'SE1234567', 'PE1234567', 'D1234567', 'S1234567', 'S12345678', 'P1234567']) {
      expect(checkTravelDocument(value)?.detector, value).toBe('passport');
    }
    expect(checkTravelDocument('E12345678')?.confidence).toBeGreaterThan(checkTravelDocument('P1234567')!.confidence);
  });

  it('recognises Hong Kong and Macao permits', () => {
    for (const value of ['C12345678', 'CA1234567', 'W12345678', 'H12345678', 'M12345678', 'H1234567890', 'M1234567801']) {
      expect(checkTravelDocument(value)?.detector, value).toBe('hk-macao-permit');
    }
  });

  it('recognises Taiwan permits with a letter', () => {
    expect(checkTravelDocument('T12345678')?.detector).toBe('taiwan-permit');
    expect(checkTravelDocument('L12345678')?.detector).toBe('taiwan-permit');
  });

  it('rejects near misses', () => {
    for (const value of ['E1234567', 'E123456789', 'EI1234567', 'EO1234567', 'X12345678', 'A12345678', 'C1234567', 'H123456789', 'T1234567', '12345678', 'ABC12345', 'E1234567A']) {
      expect(checkTravelDocument(value), value).toBeNull();
    }
  });
});

describe('checkBareTaiwanPermit', () => {
  it('gives a bare 8-digit cell a very low score and dates none', () => {
    expect(checkBareTaiwanPermit('01234567')).toEqual({ detector: 'taiwan-permit', confidence: BARE_TAIWAN_CELL_CONFIDENCE, personal: true });
    expect(checkBareTaiwanPermit('20261127')).toBeNull();
    expect(checkBareTaiwanPermit('19900307')).toBeNull();
    expect(checkBareTaiwanPermit('1234567')).toBeNull();
    expect(checkBareTaiwanPermit('1234567a')).toBeNull();
  });
});

describe('findTravelDocuments', () => {
  it('adds a bonus after a matching label', () => {
    const plain = scan('编号 E12345678')[0]!.hit.confidence;
    const labelled = scan('护照号码：E12345678')[0]!.hit.confidence;
    expect(labelled).toBeGreaterThan(plain);
    expect(scan('回乡证 H12345678')[0]!.hit).toMatchObject({ detector: 'hk-macao-permit', personal: true });
  });

  it('reports bare 8-digit numbers only after a Taiwan-permit label', () => {
    expect(scan('台胞证号码 01234567，')).toEqual([{ text: '01234567', hit: { detector: 'taiwan-permit', confidence: BARE_TAIWAN_CONTEXT_CONFIDENCE, personal: true } }]);
    expect(scan('台湾居民来往大陆通行证 0123456701').map((f) => f.text)).toEqual(['0123456701']);
    expect(scan('日期 20261127，数量 12345678')).toEqual([]);
  });

  it('ignores shapes glued to other letters or digits', () => {
    expect(scan('SKU-XE12345678')).toEqual([]);
    expect(scan('E123456789')).toEqual([]);
  });
});
