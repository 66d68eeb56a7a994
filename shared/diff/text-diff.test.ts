// The text diff: raw lines aligned, changed lines split into words (Chinese by Intl.Segmenter),
// identifiers one masked token each — compared raw, shown masked — with context and caps.
import { describe, expect, it } from 'vitest';
import { findInText } from '../detect';
import { maskText } from '../mask/mask-text';
import { diffTextLines, maskLine, wordParts } from './text-diff';

const detect = (line: string) => findInText(line, { asOf: '2026-11-27' });
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const RESIDENT_ID = /(?<!\d)\d{17}[\dX](?!\d)/;

describe('wordParts', () => {
  it('splits Chinese into words, so a changed word is marked and the rest is kept', () => {
    const parts = wordParts('根据审核意见修订从业人员规模', '根据专家意见更正从业人员规模', detect);
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text)).toEqual(expect.arrayContaining([expect.stringContaining('审核')]));
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(expect.arrayContaining([expect.stringContaining('专家')]));
    const same = parts.filter((p) => p.kind === 'same').map((p) => p.text).join('');
    expect(same).toContain('根据');
    expect(same).toContain('意见');
    expect(same).toContain('从业人员规模');
    // Words, not characters: "审核" goes as a whole.
    expect(parts.some((p) => p.kind !== 'same' && p.text === '审')).toBe(false);
    // The parts rebuild both lines.
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe('根据审核意见修订从业人员规模');
    expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe('根据专家意见更正从业人员规模');
  });

  it('treats an identifier as one masked token, and still sees a change that masks alike', () => {
    const before = '联系人手机 13812341234，请核对';
    const after = '联系人手机 13819341234，请核对';
    expect(maskLine(before, detect)).toBe(maskLine(after, detect));
    const parts = wordParts(before, after, detect);
    expect(parts.map((p) => p.kind)).toEqual(['same', 'removed', 'added', 'same']);
    expect(parts[1]!.text).toBe(parts[2]!.text);
    expect(JSON.stringify(parts)).not.toMatch(MOBILE);
    // Shown as the text preview shows the line.
    expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(maskText(after, detect(after)));
  });
});

describe('diffTextLines', () => {
  const before = ['# 数据产品说明', '', '本数据包按区县给出评分。', '- 样本量：120 家企业', '- 联系人身份证 33010619900101123X', '- 统计口径：2025 年度', 'a', 'b', 'c', 'd', 'e', '末行'];
  const after = ['# 数据产品说明（第 2 版）', '', '本数据包按区县给出评分。', '- 样本量：126 家企业', '- 联系人身份证 33010619900101123X', '- 统计口径：2025 年度', 'a', 'b', 'c', 'd', 'e', '补充说明', '末行'];

  it('pairs removed and added lines as changed, counts both sides, and lists context around changes', () => {
    const diff = diffTextLines(before, after, { detect, context: 1 });
    expect(diff.added).toBe(3);
    expect(diff.removed).toBe(2);
    expect(diff.truncated).toBe(false);
    const kinds = diff.lines.map((l) => [l.kind, l.before, l.after]);
    expect(kinds).toEqual([
      ['changed', 1, 1],
      ['same', 2, 2],
      ['same', 3, 3],
      ['changed', 4, 4],
      ['same', 5, 5],
      ['same', 11, 11],
      ['added', null, 12],
      ['same', 12, 13],
    ]);
    const sample = diff.lines[3]!;
    expect(sample.parts?.filter((p) => p.kind === 'removed').map((p) => p.text)).toEqual(['120']);
    expect(sample.parts?.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(['126']);
    // An unchanged context line carrying an identifier is masked too.
    expect(diff.lines[4]!.text).toBe(maskLine(before[4]!, detect));
    expect(JSON.stringify(diff)).not.toMatch(RESIDENT_ID);
  });

  it('lists removed lines of N−1 with their numbers', () => {
    const diff = diffTextLines(['a', 'x', 'b'], ['a', 'b'], { detect });
    expect(diff.lines.map((l) => [l.kind, l.before, l.after, l.text])).toEqual([
      ['same', 1, 1, 'a'],
      ['removed', 2, null, 'x'],
      ['same', 3, 2, 'b'],
    ]);
    expect([diff.added, diff.removed]).toEqual([0, 1]);
  });

  it('caps the entries and says so, keeping the totals', () => {
    const old = Array.from({ length: 300 }, (_, i) => `line ${i}`);
    const current = old.map((l) => `${l} changed`);
    const diff = diffTextLines(old, current, { detect, maxEntries: 200 });
    expect(diff.lines).toHaveLength(200);
    expect(diff.truncated).toBe(true);
    expect([diff.added, diff.removed]).toEqual([300, 300]);
  });

  it('gives up aligning after the timeout and shows the middle removed, then added', () => {
    const old = Array.from({ length: 4000 }, (_, i) => `旧的第 ${i} 行`);
    const current = Array.from({ length: 4000 }, (_, i) => `new line ${i}`);
    const started = Date.now();
    const diff = diffTextLines(['同', ...old, '尾'], ['同', ...current, '尾'], { detect, timeoutMs: 50, maxEntries: 10 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect([diff.added, diff.removed]).toEqual([4000, 4000]);
    expect(diff.lines[0]).toMatchObject({ kind: 'same', before: 1, after: 1 });
    expect(diff.lines[1]).toMatchObject({ kind: 'changed', before: 2, after: 2 });
  });

  it('finds nothing between equal texts', () => {
    expect(diffTextLines(['一', '二'], ['一', '二'], { detect })).toEqual({ added: 0, removed: 0, lines: [], truncated: false });
  });
});
