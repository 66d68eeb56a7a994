// Segment rendering: each kind gets its class and its spoken label; a `differs` segment is
// drawn as markers only even when main sent characters; empty segments are dropped.
import { describe, expect, it } from 'vitest';
import { confineToRequired, hasUnmaskedDiffers, isMarkersOnly, MARKER, markersFor, segmentClass, segmentCounts, segmentViews } from './segments';

describe('segmentViews', () => {
  it('maps kinds to classes and spoken labels, keeping main text', () => {
    const views = segmentViews([
      { text: '138', kind: 'same' },
      { text: '●●●●', kind: 'differs' },
      { text: '', kind: 'same' },
      { text: '5678', kind: 'same' },
      { text: '**', kind: 'missing' },
      { text: '●', kind: 'extra' },
    ], 'candidate');
    expect(views.map((v) => [v.text, v.className, v.labelKey, v.length])).toEqual([
      ['138', 'seg seg-same', null, 3],
      ['●●●●', 'seg seg-differs', 'diff.segment.differs', 4],
      ['5678', 'seg seg-same', null, 4],
      ['**', 'seg seg-missing', 'diff.segment.missing', 2],
      ['●', 'seg seg-extra', 'diff.segment.extra', 1],
    ]);
  });

  it('never draws the characters of a differs segment on the candidate side', () => {
    const [view] = segmentViews([{ text: '1234𠀀', kind: 'differs' }], 'candidate');
    expect(view?.text).toBe('●●●●●');
    expect(view?.length).toBe(5);
    expect(hasUnmaskedDiffers([{ text: '12', kind: 'differs' }])).toBe(true);
    expect(hasUnmaskedDiffers([{ text: '12', kind: 'same' }, { text: '●●', kind: 'differs' }])).toBe(false);
  });

  it('draws the required form as main sent it, differing parts labelled as required', () => {
    const views = segmentViews([
      { text: '130', kind: 'same' },
      { text: '****', kind: 'differs' },
      { text: '3038', kind: 'same' },
    ], 'required');
    expect(views.map((v) => [v.text, v.labelKey])).toEqual([
      ['130', null],
      ['****', 'diff.segment.requiredDiffers'],
      ['3038', null],
    ]);
  });

  it('counts characters per kind', () => {
    expect(
      segmentCounts([
        { text: '138', kind: 'same' },
        { text: '●●●', kind: 'differs' },
        { text: '●', kind: 'differs' },
        { text: '*', kind: 'missing' },
      ]),
    ).toEqual({ same: 3, differs: 4, missing: 1, extra: 0 });
  });

  it('has helpers for markers and classes', () => {
    expect(markersFor('abc')).toBe(MARKER.repeat(3));
    expect(isMarkersOnly('●●')).toBe(true);
    expect(isMarkersOnly('●1')).toBe(false);
    expect(segmentClass('same')).toBe('seg seg-same');
  });
});

describe('confineToRequired', () => {
  const same = (text: string) => ({ text, kind: 'same' as const });
  const differs = (text: string) => ({ text, kind: 'differs' as const });

  it('hides a middle digit a character diff paired with an equal digit of the kept tail', () => {
    // A clear ID whose 10th and 14th digits equal digits of its tail: the diff showed them.
    const candidate = [same('330'), differs('●●●●●●'), same('5'), differs('●●●'), same('4'), differs('●●'), same('67')];
    const required = [same('330'), differs('***********'), same('5467')];
    const { segments, hidden } = confineToRequired(candidate, required);
    expect(segments).toEqual([same('330'), differs('●●●●●●●●●●●●●'), same('67')]);
    expect(hidden).toBe(2);
    // A clear mobile: 130●5●●●169 beside 130****5169.
    expect(confineToRequired([same('130'), differs('●'), same('5'), differs('●●●'), same('169')], [same('130'), differs('****'), same('5169')]).segments).toEqual([
      same('130'),
      differs('●●●●●'),
      same('169'),
    ]);
  });

  it('keeps what the required form shows at the same place, from the start or the end', () => {
    // 6+4 masked beside the required 3+4: the extra head digits differ, the rest stays.
    const candidate = [same('138'), differs('●●●'), same('*5678')];
    expect(confineToRequired(candidate, [same('138'), differs('****'), same('5678')])).toEqual({ segments: candidate, hidden: 0 });
    // A conforming value and a generalised one are unchanged.
    expect(confineToRequired([same('138****5678')], [same('138****5678')]).hidden).toBe(0);
    expect(confineToRequired([same('杭州市'), differs('●●●')], [same('杭州市')]).segments).toEqual([same('杭州市'), differs('●●●')]);
    // Nothing required (a field the policy does not authorize): nothing of the candidate shows.
    expect(confineToRequired([same('ab')], []).segments).toEqual([differs('●●')]);
  });
});
