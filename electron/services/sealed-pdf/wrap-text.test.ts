import { describe, expect, it } from 'vitest';
import { chineseDate, chineseNumber } from './opinion-layout';
import { paragraphs, wrapParagraph } from './wrap-text';

/** Full-width characters are 2 units wide, everything else 1. */
const measure = (text: string): number => Array.from(text).reduce((w, c) => w + (/[\u3000-\u9FFF\uFF00-\uFFEF]/.test(c) ? 2 : 1), 0);

describe('wrapParagraph', () => {
  it('breaks Chinese between any two characters and keeps every character', () => {
    const text = '数据接收方仅可将本数据产品用于普惠金融信用评估场景';
    const lines = wrapParagraph(text, 10, measure);
    expect(lines.join('')).toBe(text);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(10);
    expect(lines[0]).toBe('数据接收方');
  });

  it('keeps Latin words whole and breaks at spaces', () => {
    expect(wrapParagraph('alpha beta gamma delta', 11, measure)).toEqual(['alpha beta', 'gamma delta']);
  });

  it('breaks a token wider than a line (a digest) between characters', () => {
    const digest = `sm3:${'0123456789abcdef'.repeat(4)}`;
    const lines = wrapParagraph(`摘要 ${digest}`, 30, measure);
    expect(lines.join('').replace(/ /g, '')).toBe(`摘要${digest}`);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(30);
  });

  it('never starts a line with closing punctuation: it hangs at the end of the line before', () => {
    const lines = wrapParagraph('一二三四五，六七', 10, measure);
    expect(lines).toEqual(['一二三四五，', '六七']);
  });

  it('never ends a line with opening punctuation: it moves down with what it opens', () => {
    const lines = wrapParagraph('一二三四（五六）', 10, measure);
    expect(lines).toEqual(['一二三四', '（五六）']);
  });

  it('gives the first line its own width for a first-line indent', () => {
    const lines = wrapParagraph('一二三四五六七八', 10, measure, 6);
    expect(lines).toEqual(['一二三', '四五六七八']);
  });

  it('returns one empty line for an empty paragraph', () => {
    expect(wrapParagraph('', 10, measure)).toEqual(['']);
  });
});

describe('paragraphs', () => {
  it('splits at any line break and drops control characters', () => {
    expect(paragraphs('甲\r\n乙\rc\td\u0007')).toEqual(['甲', '乙', 'c d']);
  });
});

describe('Chinese numbering and dates', () => {
  it('numbers sections 一 … 九十九', () => {
    expect([1, 6, 10, 11, 20, 23].map(chineseNumber)).toEqual(['一', '六', '十', '十一', '二十', '二十三']);
  });

  it('writes the date as 2026年11月27日', () => {
    expect(chineseDate('2026-01-07')).toBe('2026年1月7日');
  });
});
