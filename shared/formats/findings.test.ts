/**
 * The findings document's Chinese messages and evidence: `makeFinding` keeps them beside the
 * English ones, `localiseFindings` folds them into `message` and `evidence` for `--lang zh` and
 * leaves FORMATS.md §3 exact, the Chinese evidence never discloses more than the English, and
 * the deterministic order never looks at them.
 */
import { describe, expect, it } from 'vitest';
import { Finding, FindingsDocument, localisedEvidence, localiseFindings, makeFinding, sameDisclosure, sortFindings, summarise } from './findings';

const withZh = makeFinding('authz.expired', 'The authorization ended on 2027-12-31.', { field: 'authorization.validTo' }, { zh: '授权已于 2027-12-31 到期。' });
const englishOnly = makeFinding('revision.changed', '"data/t.csv" differs from revision 1.', { file: 'data/t.csv' });
const withEvidence = makeFinding(
  'reversible.recovered',
  'Column "h" of "data/t.csv" can be reversed.',
  { file: 'data/t.csv', column: 'h', rows: [1, 2] },
  { count: 2, zh: '“data/t.csv”的列“h”可被还原。', evidence: ['2 of 2 recovered', 'row 1: MD5(138****5678)'], evidenceZh: ['已还原 2 / 2', '第 1 行：MD5(138****5678)'] },
);
/** A finding kept by an older build, before evidenceZh: the English evidence stands in. */
const valuesOnly = makeFinding('pii.unmasked', 'Column "phone" carries clear mobiles.', { file: 'data/t.csv', column: 'phone', rows: [1] }, { zh: '列“phone”中有明文手机号。', evidence: ['138****5678'] });

function doc(findings: Finding[]): FindingsDocument {
  return {
    candidate: { id: 'EC-1', revision: 2, digest: 'sm3:00' },
    policy: null,
    evaluatedAt: '2026-11-27T00:00:00Z',
    findings: sortFindings(findings),
    summary: summarise(findings),
  };
}

describe('makeFinding', () => {
  it('keeps the English message and carries the Chinese one as messageZh, which the schema accepts', () => {
    expect(withZh.message).toBe('The authorization ended on 2027-12-31.');
    expect(withZh.messageZh).toBe('授权已于 2027-12-31 到期。');
    expect(Finding.parse(withZh)).toEqual(withZh);
    expect('messageZh' in englishOnly).toBe(false);
  });

  it('carries the Chinese evidence as evidenceZh, one line per English line, and refuses a count that differs', () => {
    expect(withEvidence.evidenceZh).toEqual(['已还原 2 / 2', '第 1 行：MD5(138****5678)']);
    expect(Finding.parse(withEvidence)).toEqual(withEvidence);
    expect('evidenceZh' in valuesOnly).toBe(false);
    expect(() => makeFinding('revision.changed', 'x', {}, { evidence: ['a', 'b'], evidenceZh: ['甲'] })).toThrow(/1 Chinese evidence lines for 2/);
    expect(Finding.safeParse({ ...withEvidence, evidenceZh: ['已还原 2 / 2'] }).success).toBe(false);
  });
});

describe('sameDisclosure', () => {
  it('holds when the Chinese line carries the same digits and masked values in other words', () => {
    expect(sameDisclosure('row 12: SHA-256(+86138****5678)', '第 12 行：SHA-256(+86138****5678)')).toBe(true);
    expect(sameDisclosure('class of 3 rows: rows 1, 2, 3', '3 行的等价类：第 1、2、3 行')).toBe(true);
    expect(sameDisclosure('author: 王**', '作者：王**')).toBe(true);
    expect(sameDisclosure('150 of 200 recovered', '已还原 150 / 200')).toBe(true);
  });

  it('fails when the Chinese shows a digit, a number or a masked value the English does not', () => {
    expect(sameDisclosure('row 1: MD5(138****5678)', '第 1 行：MD5(13812345678)')).toBe(false);
    expect(sameDisclosure('row 1: MD5(138****5678)', '第 1 行：MD5(1381***5678)')).toBe(false);
    expect(sameDisclosure('author: 王**', '作者：王小明')).toBe(false);
    expect(sameDisclosure('below 10: 6', '低于 10：6，第 3 行')).toBe(false);
    expect(sameDisclosure('below 10: 6', '低于 10：')).toBe(false);
  });
});

describe('localisedEvidence', () => {
  it('is the Chinese under zh, the English otherwise or where there is no Chinese', () => {
    expect(localisedEvidence(withEvidence, 'zh')).toEqual(['已还原 2 / 2', '第 1 行：MD5(138****5678)']);
    expect(localisedEvidence(withEvidence, 'en')).toEqual(['2 of 2 recovered', 'row 1: MD5(138****5678)']);
    expect(localisedEvidence(valuesOnly, 'zh')).toEqual(['138****5678']);
  });

  it('falls back to the English when a Chinese line would disclose something else, or lines are missing', () => {
    expect(localisedEvidence({ evidence: ['row 1: MD5(138****5678)'], evidenceZh: ['第 1 行：MD5(13812345678)'] }, 'zh')).toEqual(['row 1: MD5(138****5678)']);
    expect(localisedEvidence({ evidence: ['a 1', 'b 2'], evidenceZh: ['甲 1'] }, 'zh')).toEqual(['a 1', 'b 2']);
  });
});

describe('sortFindings', () => {
  it('orders by the English message only', () => {
    const a = makeFinding('revision.changed', 'a', { file: 'x' }, { zh: '乙' });
    const b = makeFinding('revision.changed', 'b', { file: 'x' }, { zh: '甲' });
    expect(sortFindings([b, a]).map((f) => f.message)).toEqual(['a', 'b']);
  });
});

describe('localiseFindings', () => {
  const original = doc([withZh, englishOnly, withEvidence, valuesOnly]);
  /** The document as it was before Chinese existed: every finding without its Chinese fields. */
  const englishOf = (d: FindingsDocument) => ({
    ...d,
    findings: d.findings.map(({ messageZh: _m, evidenceZh: _e, ...f }) => f),
  });

  it('English: the messages as they were, without messageZh — FORMATS.md §3 exactly', () => {
    const en = localiseFindings(original, 'en');
    expect(en.findings.map((f) => f.message)).toEqual(original.findings.map((f) => f.message));
    expect(en.findings.some((f) => 'messageZh' in f)).toBe(false);
    expect(FindingsDocument.parse(en)).toEqual(en);
    expect(JSON.stringify(en)).not.toContain('messageZh');
    expect(JSON.stringify(en)).not.toContain('evidenceZh');
    // Byte for byte what it would be without the Chinese: same keys in the same order.
    expect(JSON.stringify(en, null, 2)).toBe(JSON.stringify(englishOf(original), null, 2));
    expect(Object.keys(en.findings.find((f) => f.rule === 'reversible.recovered')!)).toEqual(['rule', 'severity', 'clause', 'message', 'location', 'count', 'evidence']);
  });

  it('orders the same with and without the Chinese', () => {
    const stripped = englishOf(original).findings;
    expect(sortFindings([...original.findings].reverse()).map((f) => f.message)).toEqual(sortFindings([...stripped].reverse()).map((f) => f.message));
  });

  it('Chinese: messageZh as the message, English where a finding has no Chinese, order and summary kept', () => {
    const zh = localiseFindings(original, 'zh');
    expect(zh.findings.map((f) => [f.rule, f.message])).toEqual([
      ['authz.expired', '授权已于 2027-12-31 到期。'],
      ['pii.unmasked', '列“phone”中有明文手机号。'],
      ['reversible.recovered', '“data/t.csv”的列“h”可被还原。'],
      ['revision.changed', '"data/t.csv" differs from revision 1.'],
    ]);
    expect(zh.findings.some((f) => 'messageZh' in f || 'evidenceZh' in f)).toBe(false);
    expect(FindingsDocument.parse(zh)).toEqual(zh);
    expect(zh.summary).toEqual(original.summary);
    // The input is left as it was.
    expect(original.findings[0]!.messageZh).toBe('授权已于 2027-12-31 到期。');
  });

  it('Chinese: evidenceZh as the evidence, the masked values where there are no words, keys in FORMATS.md §3 order', () => {
    const zh = localiseFindings(original, 'zh');
    const recovered = zh.findings.find((f) => f.rule === 'reversible.recovered')!;
    expect(recovered.evidence).toEqual(['已还原 2 / 2', '第 1 行：MD5(138****5678)']);
    expect(Object.keys(recovered)).toEqual(['rule', 'severity', 'clause', 'message', 'location', 'count', 'evidence']);
    expect(zh.findings.find((f) => f.rule === 'pii.unmasked')!.evidence).toEqual(['138****5678']);
    expect(original.findings.find((f) => f.rule === 'reversible.recovered')!.evidence).toEqual(['2 of 2 recovered', 'row 1: MD5(138****5678)']);
  });
});
