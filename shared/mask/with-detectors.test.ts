/**
 * The maskers and the profiler fed by the real detectors (shared/detect): whatever the
 * detectors report for generated identifiers, the preview, free-text masking, evidence and
 * column profile show no more than 3 leading and 4 trailing characters of a clear identifier.
 */
import { describe, expect, it } from 'vitest';
import { detectCell, findInText } from '../detect/index';
import { makeBankCard, makeMobile, makeRandomResidentId, seededRandom } from '../detect/testing';
import { createColumnProfiler } from '../profile/column-profiler';
import { maskEvidence } from './detector-forms';
import { maskForDisplay } from './display';
import { maskText } from './mask-text';

const random = seededRandom(20261127);
const makers = [makeMobile, makeRandomResidentId, (r: typeof random) => makeBankCard(r)] as const;

/** True when no run of clear digits in `shown` is longer than the allowed head (3) or tail (4) of `id`, or elsewhere. */
function keepsOnlyEnds(id: string, shown: string): boolean {
  return shown
    .split(/\*+/)
    .filter((run) => run !== '')
    .every((run) => (id.startsWith(run) && run.length <= 3) || (id.endsWith(run) && run.length <= 4) || !/\d/.test(run));
}

describe('with the real detectors', () => {
  it('never shows a clear identifier of a masked column in the preview', () => {
    for (let i = 0; i < 300; i++) {
      const id = makers[i % 3]!(random);
      const cell = maskForDisplay(id, { declared: { class: 'personal', transform: 'mask:3,4' }, required: ['mask:3,4', 'hmac-sm3'], detections: detectCell(id) });
      expect(cell.state).toBe('masked-for-display');
      expect(keepsOnlyEnds(id, cell.text), cell.text).toBe(true);
    }
  });

  it('masks identifiers found in free text and in evidence', () => {
    for (let i = 0; i < 100; i++) {
      const mobile = makeMobile(random);
      const id = makeRandomResidentId(random);
      const text = `联系电话：${mobile}，身份证号：${id}。`;
      const detections = findInText(text);
      const masked = maskText(text, detections);
      expect(masked.includes(mobile)).toBe(false);
      expect(masked.includes(id)).toBe(false);
      expect(masked.includes(id.slice(6, 14))).toBe(false);
      for (const d of detections) expect(keepsOnlyEnds(text.slice(d.start, d.end), maskEvidence(text.slice(d.start, d.end), d))).toBe(true);
    }
  });

  it('profiles a column of clear and masked mobiles', () => {
    const profiler = createColumnProfiler({ name: 'phone', dataset: 'D', type: 'string', class: 'personal', grade: 3, transform: 'mask:3,4' });
    for (let row = 1; row <= 1000; row++) {
      const mobile = makeMobile(random);
      const value = row % 4 === 0 ? mobile : `${mobile.slice(0, 3)}****${mobile.slice(7)}`;
      profiler.add(row, value, detectCell(value));
    }
    const p = profiler.finish();
    expect(p.maskConformance).toMatchObject({ conforming: 750, clear: 250, nonconforming: 0 });
    expect(p.detected.find((d) => d.detector === 'cn-mobile')?.count).toBe(250);
    expect(p.maskForms[0]).toMatchObject({ head: 3, tail: 4, maskChar: '*', count: 750 });
  });
});
