/**
 * Tests of the detector display forms and of finding evidence: identifiers keep at most 3 + 4
 * characters, names the surname, addresses the district, e-mails the first character and the
 * domain; evidence never equals a clear value, and digests are masked whole.
 */
import { describe, expect, it } from 'vitest';
import type { Detection } from '../detect/types';
import { makeResidentId } from '../ids/resident-id';
import { identifierEnds } from './chars';
import { maskDetected, maskEvidence } from './detector-forms';

describe('identifierEnds', () => {
  it('keeps 3 + 4 of long identifiers and proportionally less of short ones', () => {
    expect(identifierEnds(11)).toEqual({ head: 3, tail: 4 });
    expect(identifierEnds(18)).toEqual({ head: 3, tail: 4 });
    expect(identifierEnds(9)).toEqual({ head: 2, tail: 3 });
    expect(identifierEnds(7)).toEqual({ head: 1, tail: 2 });
    expect(identifierEnds(4)).toEqual({ head: 0, tail: 0 });
    for (let n = 0; n < 200; n++) {
      const { head, tail } = identifierEnds(n);
      expect(head).toBeLessThanOrEqual(3);
      expect(tail).toBeLessThanOrEqual(4);
      expect(n - head - tail).toBeGreaterThanOrEqual(Math.min(n, Math.max(4, Math.ceil(n / 3))));
    }
  });
});

describe('maskDetected', () => {
  it('masks identifiers to at most 3 + 4 characters', () => {
    expect(maskDetected('13812345678', 'cn-mobile')).toBe('138****5678');
    expect(maskDetected('110101199003074477', 'cn-resident-id')).toBe('110***********4477');
    expect(maskDetected('6222021234567890123', 'bank-card')).toBe('622************0123');
    expect(maskDetected('E12345678', 'passport')).toBe('E1****678');
    expect(maskDetected('浙A12345', 'vehicle-plate')).toBe('浙****45');
    expect(maskDetected('+86 138 1234 5678', 'cn-mobile')).toBe('+86**********5678');
  });

  it('keeps the surname of a name, the district of an address, the domain of an e-mail', () => {
    expect(maskDetected('欧阳娜娜', 'person-name')).toBe('欧阳**');
    expect(maskDetected('浙江省杭州市西湖区文三路90号', 'address')).toBe('浙江省杭州市西湖区******');
    expect(maskDetected('文三路90号', 'address')).toBe('******');
    expect(maskDetected('zhang.san@example.com', 'email')).toBe('z***@example.com');
    expect(maskDetected('not-an-email', 'email')).toBe('not*****mail');
  });

  it('coarsens coordinates and network addresses', () => {
    expect(maskDetected('30.274084,120.155070', 'coordinates')).toBe('30.27****,120.15****');
    expect(maskDetected('192.168.10.24', 'ipv4')).toBe('192.*.*.*');
    expect(maskDetected('2001:db8:85a3::8a2e:370:7334', 'ipv6')).toBe('2001:*:*::*:*:*');
  });

  it('leaves digests and already-masked values as they are', () => {
    expect(maskDetected('e10adc3949ba59abbe56e057f20f883e', 'digest')).toBe('e10adc3949ba59abbe56e057f20f883e');
    expect(maskDetected('138****5678', 'masked')).toBe('138****5678');
  });
});

describe('maskEvidence', () => {
  it('always masks, also values of public fields and short values', () => {
    expect(maskEvidence('13812345678')).toBe('138****5678');
    expect(maskEvidence('91330106MA2B3C4D5E', 'uscc')).toBe('913***********4D5E');
    expect(maskEvidence('A')).toBe('*');
    expect(maskEvidence('')).toBe('');
    expect(maskEvidence('  13812345678 ')).toBe('138****5678');
  });

  it('masks digests whole and names to the surname', () => {
    expect(maskEvidence('e10adc3949ba59abbe56e057f20f883e', 'digest')).toBe('*'.repeat(32));
    expect(maskEvidence('张三', 'person-name')).toBe('张*');
  });

  it('keeps an existing mask but never more than 3 + 4 clear characters', () => {
    expect(maskEvidence('138****5678', 'masked')).toBe('138****5678');
    expect(maskEvidence('110101********4477', 'masked')).toBe('110***********4477');
    expect(maskEvidence('1381234####', 'masked')).toBe('138****####');
    const name: Detection = { detector: 'masked', confidence: 1, personal: true, start: 0, end: 2, mask: { head: 1, tail: 0, length: 2, maskChar: '*', original: 'person-name' } };
    expect(maskEvidence('张*', name)).toBe('张*');
    expect(maskEvidence('110101********4477')).toBe('110***********4477');
  });

  it('masks a form that would keep everything', () => {
    expect(maskEvidence('浙江省杭州市西湖区', 'address')).not.toBe('浙江省杭州市西湖区');
  });

  it('shortens long values without showing more than the masked form', () => {
    const text = '这是一段很长的说明文字'.repeat(20);
    const evidence = maskEvidence(text);
    expect(Array.from(evidence).length).toBeLessThanOrEqual(64);
    expect(evidence.startsWith('这是一')).toBe(true);
    expect(evidence.endsWith('说明文字')).toBe(true);
  });

  it('never shows a middle digit of 1,000 generated identity numbers and mobiles', () => {
    let seed = 7;
    const next = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    for (let i = 0; i < 1000; i++) {
      const id = makeResidentId({ region: '110101', birthDate: `19${50 + next(50)}-1${next(3)}-2${next(9)}`, sequence: next(1000) });
      const mobile = `1${3 + next(7)}${String(next(1e9)).padStart(9, '0')}`;
      for (const [value, detector] of [[id, 'cn-resident-id'], [mobile, 'cn-mobile'], [id, undefined]] as const) {
        const evidence = maskEvidence(value, detector);
        const runs = evidence.split(/\*+/).filter((r) => r !== '');
        expect(runs).toEqual([value.slice(0, 3), value.slice(-4)]);
      }
    }
  });
});
