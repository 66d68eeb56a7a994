/**
 * Tests of the two entry points: detectCell over every identifier kind (generated values,
 * broken ones, full-width input, padding), and findInText's offsets, overlap resolution and
 * the false positives free text is full of.
 */
import { describe, expect, it } from 'vitest';
import { makeResidentId } from '../ids/resident-id';
import { makeUscc } from '../ids/uscc';
import { MAX_CELL_LENGTH, detectCell, findInText } from './index';
import {
  NON_MATCHING_CELLS,
  breakCheckDigit,
  makeBankCard,
  makeLandline,
  makeMobile,
  makeRandomResidentId,
  makeRandomUscc,
  seededRandom,
} from './testing';
import type { Detection, DetectorId } from './types';

const AS_OF = { asOf: '2026-11-27' };

function top(value: string): Detection | undefined {
  return detectCell(value, AS_OF)[0];
}

function kinds(value: string): DetectorId[] {
  return detectCell(value, AS_OF).map((d) => d.detector);
}

function found(text: string, minConfidence?: number): [DetectorId, string][] {
  const options = minConfidence === undefined ? AS_OF : { ...AS_OF, minConfidence };
  return findInText(text, options).map((d) => [d.detector, text.slice(d.start, d.end)]);
}

describe('detectCell', () => {
  const random = seededRandom(2026);

  it('classifies generated identifiers of every validated kind', () => {
    for (let i = 0; i < 50; i++) {
      expect(top(makeRandomResidentId(random))).toMatchObject({ detector: 'cn-resident-id', personal: true });
      expect(top(makeMobile(random))).toMatchObject({ detector: 'cn-mobile', personal: true });
      expect(top(makeLandline(random))).toMatchObject({ detector: 'cn-landline', personal: true });
      expect(top(makeBankCard(random))).toMatchObject({ detector: 'bank-card', personal: true });
      expect(top(makeRandomUscc(random))).toMatchObject({ detector: 'uscc', personal: false });
      expect(top(makeRandomUscc(random, true))).toMatchObject({ detector: 'uscc-sole-trader', personal: true });
    }
    expect(top(makeRandomResidentId(random))!.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('checks an all-digit 18-character value as a credit code too', () => {
    let code = '';
    for (let n = 0; n < 1000 && !code; n++) {
      const candidate = makeUscc({ registrationDept: '9', orgType: '1', region: '330106', orgCode: String(10_000_000 + n * 7919) });
      if (/^\d{18}$/.test(candidate)) code = candidate;
    }
    expect(kinds(code)).toContain('uscc');
  });

  it('classifies the heuristic kinds', () => {
    const cases: [string, DetectorId][] = [
      ['E12345678', 'passport'],
      ['C12345678', 'hk-macao-permit'],
      ['T12345678', 'taiwan-permit'],
      ['浙A12345', 'vehicle-plate'],
      ['粤BD12345', 'vehicle-plate'],
      ['zhang.wei@example.com', 'email'],
      ['202.96.134.133', 'ipv4'],
      ['2408:8207:18a0:1f0::1', 'ipv6'],
      ['30.274084,120.155070', 'coordinates'],
      ['张伟', 'person-name'],
      ['欧阳娜娜', 'person-name'],
      ['浙江省杭州市西湖区文三路123号2幢301室', 'address'],
      ['e10adc3949ba59abbe56e057f20f883e', 'digest'],
      ['4QrcOUm6Wau+VuBX8g+IPg==', 'digest'],
      ['138****5678', 'masked'],
      ['330106199003071236', 'cn-resident-id'],
      ['330106900307123', 'cn-resident-id-15'],
    ];
    for (const [value, detector] of cases) expect(top(value)?.detector, value).toBe(detector);
  });

  it('covers the whole original cell, padding included', () => {
    const value = '  13812345678\t';
    expect(detectCell(value)).toEqual([{ detector: 'cn-mobile', confidence: 0.9, personal: true, start: 0, end: value.length }]);
    expect(detectCell('\u3000张伟\u3000')[0]).toMatchObject({ detector: 'person-name', start: 0, end: 4 });
  });

  it('normalises full-width digits and letters for detection only', () => {
    expect(detectCell('１３８１２３４５６７８')).toEqual([{ detector: 'cn-mobile', confidence: 0.9, personal: true, start: 0, end: 11 }]);
    expect(top('ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ')?.detector).toBe('email');
    expect(top('浙Ａ１２３４５')?.detector).toBe('vehicle-plate');
    expect(top('１３８＊＊＊＊５６７８')?.mask).toEqual({ head: 3, tail: 4, length: 11, maskChar: '*', original: 'cn-mobile' });
  });

  it('returns every plausible detection, most confident first', () => {
    // A valid ID that also passes Luhn is reported as both; the ID comes first.
    let id = '';
    for (let sequence = 0; sequence < 200 && !id; sequence++) {
      const candidate = makeResidentId({ region: '330106', birthDate: '1990-03-07', sequence });
      if (detectCell(candidate, AS_OF).length === 2) id = candidate;
    }
    expect(kinds(id)).toEqual(['cn-resident-id', 'bank-card']);
    const all = detectCell(id, AS_OF);
    expect(all[0]!.confidence).toBeGreaterThan(all[1]!.confidence);
    // A 16-digit number that fails Luhn is a bank card with low confidence only.
    expect(top('6222021234567891')).toMatchObject({ detector: 'bank-card' });
    expect(top('6222021234567891')!.confidence).toBeLessThanOrEqual(0.4);
  });

  it('gives IDs with a wrong check digit no high-confidence detection', () => {
    for (let i = 0; i < 100; i++) {
      const broken = breakCheckDigit(makeRandomResidentId(random), random);
      for (const d of detectCell(broken, AS_OF)) expect(d.confidence, broken).toBeLessThanOrEqual(0.4);
    }
  });

  it('rejects bad dates, future births, wrong segments, wrong check characters and bad octets', () => {
    const body = '33010619900230123';
    expect(kinds(`${body}4`).filter((k) => k === 'cn-resident-id')).toEqual([]);
    expect(kinds(makeResidentId({ region: '330106', birthDate: '2027-01-01', sequence: 1 }))).not.toContain('cn-resident-id');
    expect(kinds('12012345678')).toEqual([]);
    expect(kinds('14012345678')).toEqual([]);
    const uscc = makeRandomUscc(random);
    expect(kinds(uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0'))).toEqual([]);
    expect(kinds('256.1.1.1')).toEqual([]);
    expect(kinds('1381234567')).toEqual([]);
  });

  it('finds nothing in ordinary values', () => {
    for (const value of NON_MATCHING_CELLS) expect(detectCell(value, AS_OF), value).toEqual([]);
    for (const value of ['', ' ', 'x', '20261127', '1732694400000', '1,234,567.89', 'DD20261127000123', '杭州市西湖区', '**重要**']) {
      expect(detectCell(value, AS_OF), value).toEqual([]);
    }
  });

  it('leaves cells longer than the limit to findInText', () => {
    expect(detectCell(`联系人张伟 ${'很'.repeat(MAX_CELL_LENGTH)}`)).toEqual([]);
  });

  it('never throws on random input', () => {
    const alphabet = '0123456789 -+().,:@*#×●•·abcXYZ张王浙路号１２＊\u3000';
    for (let i = 0; i < 2000; i++) {
      let s = '';
      const length = Math.floor(random() * 24);
      for (let j = 0; j < length; j++) s += alphabet.charAt(Math.floor(random() * alphabet.length));
      expect(() => detectCell(s)).not.toThrow();
      expect(() => findInText(s)).not.toThrow();
    }
  });
});

describe('findInText', () => {
  const id = makeResidentId({ region: '330106', birthDate: '1985-06-12', sequence: 123 });

  it('finds embedded identifiers with offsets into the original text', () => {
    const text = `联系人：张伟，手机 138 1234 5678，座机 0571-87654321，身份证 ${id}，邮箱 zhang.wei@example.com，车牌浙A12345，地址：杭州市西湖区文三路123号2幢301室。`;
    expect(found(text)).toEqual([
      ['person-name', '张伟'],
      ['cn-mobile', '138 1234 5678'],
      ['cn-landline', '0571-87654321'],
      ['cn-resident-id', id],
      ['email', 'zhang.wei@example.com'],
      ['vehicle-plate', '浙A12345'],
      ['address', '杭州市西湖区文三路123号2幢301室'],
    ]);
  });

  it('reports offsets into the original text when it has full-width forms and surrogate pairs', () => {
    const text = '😀电话：１３８１２３４５６７８，邮箱：ｌｉ＠ｅｘａｍｐｌｅ．ｃｎ';
    const detections = findInText(text);
    expect(detections.map((d) => [d.detector, text.slice(d.start, d.end)])).toEqual([
      ['cn-mobile', '１３８１２３４５６７８'],
      ['email', 'ｌｉ＠ｅｘａｍｐｌｅ．ｃｎ'],
    ]);
    expect(detections[0]!.start).toBe(5);
  });

  it('does not fire on order numbers, amounts, dates, timestamps, versions or glued digits', () => {
    const text = [
      '订单号 DD20261127000123',
      '金额 1,234,567.89 元',
      '日期 2026-11-27 与 20261127',
      '时间戳 1732694400000',
      '版本 v1.2.3.4.5',
      '流水 913812345678901',
      '编号 13812345678901',
      '批次 NO.20261127001',
      '时间 10:30:00',
    ].join('\n');
    expect(found(text)).toEqual([]);
    expect(found(text, 0)).toEqual([]);
  });

  it('gives resident IDs with a wrong check digit no high-confidence hit', () => {
    const random = seededRandom(77);
    for (let i = 0; i < 100; i++) {
      const broken = breakCheckDigit(makeRandomResidentId(random), random);
      expect(found(`身份证号码 ${broken}。`), broken).toEqual([]);
      for (const d of findInText(`身份证号码 ${broken}。`, { ...AS_OF, minConfidence: 0 })) expect(d.confidence).toBeLessThanOrEqual(0.4);
    }
  });

  it('keeps the more confident or longer of overlapping candidates', () => {
    // The 18-digit ID is also a 16–19-digit card candidate; the ID wins and nothing overlaps.
    const detections = findInText(`号码 ${id}`, { ...AS_OF, minConfidence: 0 });
    expect(detections.map((d) => d.detector)).toEqual(['cn-resident-id']);
    // +86 mobile: the landline candidate over the same digits is rejected, the mobile kept whole.
    expect(found('致电 +86 138 1234 5678')).toEqual([['cn-mobile', '+86 138 1234 5678']]);
    for (const d of findInText('地址：电话13812345678文三路12号', { minConfidence: 0 })) expect(d.end).toBeGreaterThan(d.start);
  });

  it('lets a caller lower or raise the threshold', () => {
    const text = '编号 6222021234567891';
    expect(found(text)).toEqual([]);
    expect(found(text, 0.3)).toEqual([['bank-card', '6222021234567891']]);
    expect(found('联系人：张伟', 0.9)).toEqual([]);
  });

  it('finds masked values, digests and coordinates in API examples', () => {
    const text = '{"phone": "138****5678", "phone_md5": "e10adc3949ba59abbe56e057f20f883e", "lat": 30.2741, "lng": 120.1551, "ip": "202.96.134.133"}';
    expect(found(text)).toEqual([
      ['masked', '138****5678'],
      ['digest', 'e10adc3949ba59abbe56e057f20f883e'],
      ['coordinates', '30.2741'],
      ['coordinates', '120.1551'],
      ['ipv4', '202.96.134.133'],
    ]);
  });

  it('returns nothing for empty or plain text', () => {
    expect(findInText('')).toEqual([]);
    expect(findInText('本报告描述模型的训练方法与评估结果。')).toEqual([]);
  });
});
