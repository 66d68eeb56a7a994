/** Highlighting masked ranges in a text line keeps every character exactly once, in order. */
import { describe, expect, it } from 'vitest';
import { segmentLine } from './text-segments';

describe('segmentLine', () => {
  it('splits a line around its ranges', () => {
    expect(segmentLine('模型负责人：方**，手机 189****1490', [
      { start: 13, end: 24, detector: 'cn-mobile' },
      { start: 6, end: 9, detector: 'person-name' },
    ])).toEqual([
      { text: '模型负责人：', detector: null },
      { text: '方**', detector: 'person-name' },
      { text: '，手机 ', detector: null },
      { text: '189****1490', detector: 'cn-mobile' },
    ]);
  });

  it('keeps a line without ranges whole, even when empty', () => {
    expect(segmentLine('plain', [])).toEqual([{ text: 'plain', detector: null }]);
    expect(segmentLine('', [])).toEqual([{ text: '', detector: null }]);
  });

  it('clips overlapping and out-of-bounds ranges', () => {
    const parts = segmentLine('abcdefgh', [
      { start: 2, end: 6, detector: 'a' },
      { start: 4, end: 7, detector: 'b' },
      { start: 6, end: 99, detector: 'c' },
      { start: 3, end: 3, detector: 'empty' },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe('abcdefgh');
    expect(parts).toEqual([
      { text: 'ab', detector: null },
      { text: 'cdef', detector: 'a' },
      { text: 'g', detector: 'b' },
      { text: 'h', detector: 'c' },
    ]);
  });
});
