/** Tests of the cell conformance diff: what conforms, which form is required, and that no differing character is ever shown. */
import { describe, expect, it } from 'vitest';
import { codePointLength } from './chars';
import { DIFF_MARKER, cellConformance, segments, valueConforms } from './conformance-diff';

const display = (v: string) => `<${v.length}>`;
const text = (segs: { text: string }[]) => segs.map((s) => s.text).join('');

describe('cellConformance', () => {
  it('a value already in the required mask form conforms; both sides show it', () => {
    const c = cellConformance('138****5678', ['mask:3,4', 'hmac-sm3'], { display });
    expect(c.conforming).toBe(true);
    expect(text(c.candidate)).toBe('138****5678');
    expect(text(c.required)).toBe('138****5678');
  });

  it('a clear mobile where mask:3,4 is required: the middle digits become markers, never shown', () => {
    const c = cellConformance('13812345678', ['mask:3,4'], { display });
    expect(c.conforming).toBe(false);
    expect(c.candidate).toEqual([
      { text: '138', kind: 'same' },
      { text: DIFF_MARKER.repeat(4), kind: 'differs' },
      { text: '5678', kind: 'same' },
    ]);
    expect(c.required).toEqual([
      { text: '138', kind: 'same' },
      { text: '****', kind: 'differs' },
      { text: '5678', kind: 'same' },
    ]);
    expect(text(c.candidate)).not.toContain('1234');
  });

  it('a 6+4 mask where 3+4 is required does not conform, and its extra digits are markers', () => {
    const c = cellConformance('330106********1234', ['mask:3,4'], { display });
    expect(c.conforming).toBe(false);
    expect(text(c.required)).toBe('330***********1234');
    expect(text(c.candidate)).not.toContain('106');
    expect(text(c.candidate)).toMatch(/^330●●●/);
  });

  it('a stricter mask conforms (it reveals no more than the policy allows)', () => {
    expect(cellConformance('13*******78', ['mask:3,4'], { display }).conforming).toBe(true);
  });

  it('where the policy allows none, the value conforms and is shown as the preview shows it', () => {
    const c = cellConformance('13812345678', ['none'], { display });
    expect(c).toEqual({ conforming: true, candidate: [{ text: '<11>', kind: 'same' }], required: [{ text: '<11>', kind: 'same' }] });
  });

  it('prefers the declared transform for the required side when the value conforms to none', () => {
    const c = cellConformance('张三丰', ['hmac-sm3', 'mask-name'], { display, preferred: 'mask-name' });
    expect(text(c.required)).toBe('张**');
    const first = cellConformance('张三丰', ['hmac-sm3', 'mask-name'], { display });
    expect(text(first.required)).toBe('***');
  });

  it('suppression conforms for a value of mask characters only', () => {
    expect(cellConformance('***', ['suppress'], { display }).conforming).toBe(true);
    expect(cellConformance('12', ['suppress'], { display }).conforming).toBe(false);
  });

  it('a field the policy does not authorize conforms to nothing: every character is a marker', () => {
    const c = cellConformance('13812345678', [], { display });
    expect(c).toEqual({ conforming: false, candidate: [{ text: DIFF_MARKER.repeat(11), kind: 'differs' }], required: [] });
  });

  it('generalization: the kept year is common, the rest markers', () => {
    const c = cellConformance('1990-05-17', ['generalize:year'], { display });
    expect(text(c.required)).toBe('1990');
    expect(c.candidate[0]).toEqual({ text: '1990', kind: 'same' });
    expect(text(c.candidate)).not.toMatch(/05|17/);
  });
});

describe('segments', () => {
  it('never shows a candidate character that the required form does not show at the same place from the start or the end (property)', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let i = 0; i < 2000; i++) {
      const len = 1 + Math.floor(rand() * 18);
      const value = Array.from({ length: len }, () => String(Math.floor(rand() * 4))).join('');
      const head = Math.floor(rand() * 4);
      const tail = Math.floor(rand() * 5);
      const required = value.length <= head + tail ? '*'.repeat(value.length) : value.slice(0, head) + '*'.repeat(value.length - head - tail) + value.slice(value.length - tail);
      const { candidate } = segments(value, required);
      expect(codePointLength(text(candidate))).toBe(codePointLength(value));
      // Position by position: a shown character sits where the required form shows the same one.
      const shown = text(candidate);
      for (let k = 0; k < shown.length; k++) {
        if (shown[k] === DIFF_MARKER) continue;
        const fromEnd = shown.length - 1 - k;
        const sameFromStart = required[k] === shown[k] && !isMask(required[k]);
        const sameFromEnd = required[required.length - 1 - fromEnd] === shown[k] && !isMask(required[required.length - 1 - fromEnd]);
        expect(sameFromStart || sameFromEnd, `${value} / ${required} → ${shown}`).toBe(true);
      }
      // The masked middle is all markers: no digit the policy hides is shown.
      expect(shown.slice(head, Math.max(head, value.length - tail))).toMatch(/^●*$/);
    }
  });

  it('does not pair a middle digit with an equal digit of the tail (the leak a character diff makes)', () => {
    const { candidate } = segments('330106199005174567', '330***********4567');
    expect(text(candidate)).toBe('330●●●●●●●●●●●4567');
  });
});

const isMask = (ch: string | undefined) => ch === '*';

describe('valueConforms', () => {
  it('agrees with cellConformance', () => {
    const cases: [string, string[]][] = [
      ['138****5678', ['mask:3,4']],
      ['13812345678', ['mask:3,4']],
      ['13812345678', ['none']],
      ['***', ['suppress']],
      ['1990', ['generalize:year']],
      ['1990-01-02', ['generalize:year']],
      ['x', []],
    ];
    for (const [value, accepted] of cases) expect(valueConforms(value, accepted), value).toBe(cellConformance(value, accepted, { display }).conforming);
  });
});
