/**
 * Tests of maskForDisplay: the preview shows what the policy requires even where the candidate
 * did not transform a value, keeps conforming masked values as they are, cuts back masks that
 * keep too much, and never shows a clear identifier of a non-public column.
 */
import { describe, expect, it } from 'vitest';
import type { Detection, DetectorId } from '../detect/types';
import { DISPLAY_REASONS, maskForDisplay } from './display';

function whole(value: string, detector: DetectorId, confidence = 0.99, personal = true): Detection {
  return { detector, confidence, personal, start: 0, end: value.length };
}

const personalPhone = { class: 'personal', transform: 'mask:3,4' } as const;

describe('maskForDisplay', () => {
  it('shows a value in clear where the policy allows none', () => {
    expect(maskForDisplay('91330106MA2B3C4D5E', { declared: { class: 'public', transform: 'none' }, required: ['none'] })).toEqual({
      text: '91330106MA2B3C4D5E',
      state: 'clear-ok',
    });
    expect(maskForDisplay('西湖区', { declared: { class: 'public', transform: 'none' }, required: ['none', 'generalize:region-city'] }).state).toBe('clear-ok');
  });

  it('masks a clear value with the first required transform', () => {
    expect(maskForDisplay('13812345678', { declared: personalPhone, required: ['mask:3,4', 'hmac-sm3'], detections: [whole('13812345678', 'cn-mobile')] })).toEqual({
      text: '138****5678',
      state: 'masked-for-display',
      reason: 'candidate-clear',
    });
    expect(maskForDisplay('13812345678', { required: ['hmac-sm3', 'mask:3,4'] })).toEqual({ text: '***********', state: 'masked-for-display', reason: 'candidate-clear' });
    expect(maskForDisplay('张三丰', { required: ['mask-name'] }).text).toBe('张**');
    expect(maskForDisplay('34', { required: ['generalize:age-5y'] }).text).toBe('30-34');
    expect(maskForDisplay('13812345678', { required: ['suppress'] }).text).toBe('*');
  });

  it('shows a value the candidate already masked as required as it is', () => {
    const masked: Detection = { ...whole('138****5678', 'masked'), mask: { head: 3, tail: 4, length: 11, maskChar: '*', original: 'cn-mobile' } };
    expect(maskForDisplay('138****5678', { declared: personalPhone, required: ['mask:3,4'], detections: [masked] })).toEqual({ text: '138****5678', state: 'masked-by-candidate' });
    expect(maskForDisplay('138****5678', { required: ['mask:3,4'] }).state).toBe('masked-by-candidate');
    expect(maskForDisplay('1**********', { required: ['mask:3,4'] }).state).toBe('masked-by-candidate');
    expect(maskForDisplay('欧阳**', { required: ['mask-name'] }).state).toBe('masked-by-candidate');
  });

  it('cuts back a mask that keeps more than the policy allows', () => {
    expect(maskForDisplay('110101********4477', { required: ['mask:3,4'] })).toEqual({ text: '110***********4477', state: 'masked-for-display', reason: 'mask-exceeds-policy' });
    expect(maskForDisplay('138****5678', { required: ['hmac-sm3'] })).toEqual({ text: '***********', state: 'masked-for-display', reason: 'mask-exceeds-policy' });
    expect(maskForDisplay('138****5678', { required: ['hmac-sm3', 'mask:3,4'] }).state).toBe('masked-by-candidate');
  });

  it('shows digests, bands and numbers that already satisfy the transform as they are', () => {
    const digest = 'sm3:66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0';
    expect(maskForDisplay(digest, { required: ['hmac-sm3'], detections: [whole(digest, 'digest', 0.9, false)] })).toEqual({ text: digest, state: 'masked-by-candidate' });
    expect(maskForDisplay('30-34', { required: ['generalize:age-5y'] }).state).toBe('masked-by-candidate');
    expect(maskForDisplay('1234.5', { required: ['noise'] }).state).toBe('masked-by-candidate');
  });

  it('masks a sure personal detection even where the transform would show the value', () => {
    const phone = '13812345678';
    expect(maskForDisplay(phone, { declared: { class: 'personal', transform: 'noise' }, required: ['noise'], detections: [whole(phone, 'cn-mobile')] })).toEqual({
      text: '138****5678',
      state: 'masked-for-display',
      reason: 'personal-in-clear',
    });
  });

  it('masks a sure personal detection in a non-public column even where none is allowed', () => {
    const id = '110101199003074477';
    expect(maskForDisplay(id, { declared: { class: 'personal', transform: 'none' }, required: ['none'], detections: [whole(id, 'cn-resident-id')] })).toEqual({
      text: '110***********4477',
      state: 'masked-for-display',
      reason: 'personal-in-clear',
    });
    // Below 0.9 it does not, and in a public column the policy's none stands.
    expect(maskForDisplay(id, { declared: { class: 'personal', transform: 'none' }, required: ['none'], detections: [whole(id, 'cn-resident-id', 0.6)] }).state).toBe('clear-ok');
    expect(maskForDisplay(id, { declared: { class: 'public', transform: 'none' }, required: ['none'], detections: [whole(id, 'cn-resident-id')] }).state).toBe('clear-ok');
  });

  it('masks a free-text cell whole when no single detection covers it', () => {
    const text = '张三 13812345678';
    const phone: Detection = { detector: 'cn-mobile', confidence: 0.99, personal: true, start: 3, end: 14 };
    expect(maskForDisplay(text, { declared: { class: 'personal', transform: 'none' }, required: ['none'], detections: [phone] }).text).toBe('*'.repeat(14));
  });

  it('shows a field the policy does not list only when declared public with none and nothing personal', () => {
    expect(maskForDisplay('制造业', { declared: { class: 'public', transform: 'none' } }).state).toBe('clear-ok');
    expect(maskForDisplay('13812345678', { declared: { class: 'public', transform: 'none' }, detections: [whole('13812345678', 'cn-mobile')] })).toEqual({
      text: '138****5678',
      state: 'masked-for-display',
      reason: 'not-in-policy',
    });
    expect(maskForDisplay('110101199003074477', { declared: { class: 'personal', transform: 'mask:6,4' } }).text).toBe('110***********4477');
    expect(maskForDisplay('制造业', {}).text).toBe('***');
    expect(maskForDisplay('制造业').state).toBe('masked-for-display');
  });

  it('reports suppressed and empty cells', () => {
    expect(maskForDisplay('***', { required: ['mask:3,4'] })).toEqual({ text: '***', state: 'suppressed' });
    expect(maskForDisplay('', { required: ['mask:3,4'] })).toEqual({ text: '', state: 'clear-ok' });
  });

  it('describes every reason', () => {
    for (const text of Object.values(DISPLAY_REASONS)) expect(text.startsWith('masked for display — ')).toBe(true);
  });

  it('never shows a middle digit of a clear mobile in a masked column, whatever the policy', () => {
    const requireds = [['mask:3,4'], ['mask-name'], ['hmac-sm3'], ['generalize:age-5y'], ['suppress'], ['tokenize'], ['noise'], ['none']];
    for (let i = 0; i < 200; i++) {
      const phone = `13${String((i * 7919) % 1e9).padStart(9, '0')}`;
      for (const required of requireds) {
        const cell = maskForDisplay(phone, { declared: { class: 'personal', transform: 'none' }, required, detections: [whole(phone, 'cn-mobile')] });
        expect(cell.state).toBe('masked-for-display');
        const chars = Array.from(cell.text);
        expect(chars.length).toBeLessThanOrEqual(phone.length);
        // Clear characters only where the allowed head (≤ 3) and tail (≤ 4) are.
        chars.forEach((ch, k) => {
          if (ch !== '*') expect(k < 3 ? ch === phone[k] : chars.length === phone.length && k >= phone.length - 4 && ch === phone[k]).toBe(true);
        });
      }
    }
  });
});
