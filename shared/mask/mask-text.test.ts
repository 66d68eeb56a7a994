/**
 * Tests of masking inside free text: exactly the detected ranges change, the returned ranges
 * point at the masked forms, overlaps are merged, and malformed or surrogate-splitting offsets
 * widen rather than leak.
 */
import { describe, expect, it } from 'vitest';
import type { Detection, DetectorId } from '../detect/types';
import { maskText, maskTextWithRanges } from './mask-text';

function at(text: string, match: string, detector: DetectorId, personal = true): Detection {
  const start = text.indexOf(match);
  if (start < 0) throw new Error(`"${match}" not in the text`);
  return { detector, confidence: 0.95, personal, start, end: start + match.length };
}

describe('maskText', () => {
  it('replaces exactly each detection with its masked form', () => {
    const text = '联系人张三，手机13812345678，邮箱zhang@example.com，住浙江省杭州市西湖区文三路90号。';
    const detections = [
      at(text, '张三', 'person-name'),
      at(text, '13812345678', 'cn-mobile'),
      at(text, 'zhang@example.com', 'email'),
      at(text, '浙江省杭州市西湖区文三路90号', 'address'),
    ];
    expect(maskText(text, detections)).toBe('联系人张*，手机138****5678，邮箱z***@example.com，住浙江省杭州市西湖区******。');
  });

  it('returns the text unchanged without detections', () => {
    expect(maskText('无个人信息', [])).toBe('无个人信息');
    expect(maskText('', [])).toBe('');
  });

  it('reports where each masked form sits in the output', () => {
    const text = 'a 13812345678 b zhang@example.com';
    const result = maskTextWithRanges(text, [at(text, 'zhang@example.com', 'email'), at(text, '13812345678', 'cn-mobile')]);
    expect(result.text).toBe('a 138****5678 b z***@example.com');
    expect(result.ranges.map((r) => [result.text.slice(r.start, r.end), r.detector])).toEqual([
      ['138****5678', 'cn-mobile'],
      ['z***@example.com', 'email'],
    ]);
  });

  it('masks overlapping detections whole and takes the strictest form for one span', () => {
    const text = 'ID 110101199003074477 end';
    const id = at(text, '110101199003074477', 'cn-resident-id');
    expect(maskText(text, [id, id])).toBe('ID 110***********4477 end');
    expect(maskText(text, [id, { ...id, detector: 'bank-card' }])).toBe('ID 110***********4477 end');
    expect(maskText(text, [{ ...id, detector: 'ipv4' }, id])).toBe('ID 110***********4477 end');
    const inner: Detection = { ...id, detector: 'bank-card', start: id.start + 2 };
    expect(maskText(text, [inner, id])).toBe('ID ****************** end');
    const longer: Detection = { ...id, detector: 'bank-card', end: id.end + 2 };
    expect(maskText(text, [id, longer])).toBe('ID ********************nd');
  });

  it('leaves digests and masked values inside text as they are', () => {
    const text = 'phone 138****5678 hash e10adc3949ba59abbe56e057f20f883e';
    expect(maskText(text, [at(text, '138****5678', 'masked'), at(text, 'e10adc3949ba59abbe56e057f20f883e', 'digest')])).toBe(text);
  });

  it('clamps and widens malformed ranges instead of leaking', () => {
    const text = '手机13812345678';
    expect(maskText(text, [{ detector: 'cn-mobile', confidence: 1, personal: true, start: 2, end: 999 }])).toBe('手机138****5678');
    expect(maskText(text, [{ detector: 'cn-mobile', confidence: 1, personal: true, start: Number.NaN, end: Number.NaN }])).toBe('手机1******5678');
    expect(maskText(text, [{ detector: 'cn-mobile', confidence: 1, personal: true, start: 5, end: 2 }])).toBe(text);
  });

  it('never splits a surrogate pair', () => {
    const text = 'x𠮷田太郎y';
    // Offsets 2..5 start inside the pair 𠮷 (code units 1 and 2) and are widened to 1..5.
    const out = maskText(text, [{ detector: 'person-name', confidence: 0.8, personal: true, start: 2, end: 5 }]);
    expect(() => encodeURIComponent(out)).not.toThrow(); // throws on a lone surrogate
    expect(out).toBe('x𠮷**郎y');
    const end = maskText(text, [{ detector: 'vehicle-plate', confidence: 0.8, personal: true, start: 0, end: 2 }]);
    expect(end).toBe('**田太郎y');
  });
});
