// Segment rendering: each kind gets its class and its spoken label; a `differs` segment is
// drawn as markers only even when main sent characters; empty segments are dropped.
import { describe, expect, it } from 'vitest';
import { hasUnmaskedDiffers, isMarkersOnly, MARKER, markersFor, segmentClass, segmentCounts, segmentViews } from './segments';

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
