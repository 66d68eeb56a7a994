/**
 * The findings document's Chinese messages: `makeFinding` keeps them beside the English one,
 * `localiseFindings` folds them into `message` for `--lang zh` and leaves FORMATS.md §3 exact,
 * and the deterministic order never looks at them.
 */
import { describe, expect, it } from 'vitest';
import { Finding, FindingsDocument, localiseFindings, makeFinding, sortFindings, summarise } from './findings';

const withZh = makeFinding('authz.expired', 'The authorization ended on 2027-12-31.', { field: 'authorization.validTo' }, { zh: '授权已于 2027-12-31 到期。' });
const englishOnly = makeFinding('revision.changed', '"data/t.csv" differs from revision 1.', { file: 'data/t.csv' });

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
});

describe('sortFindings', () => {
  it('orders by the English message only', () => {
    const a = makeFinding('revision.changed', 'a', { file: 'x' }, { zh: '乙' });
    const b = makeFinding('revision.changed', 'b', { file: 'x' }, { zh: '甲' });
    expect(sortFindings([b, a]).map((f) => f.message)).toEqual(['a', 'b']);
  });
});

describe('localiseFindings', () => {
  const original = doc([withZh, englishOnly]);

  it('English: the messages as they were, without messageZh — FORMATS.md §3 exactly', () => {
    const en = localiseFindings(original, 'en');
    expect(en.findings.map((f) => f.message)).toEqual(original.findings.map((f) => f.message));
    expect(en.findings.some((f) => 'messageZh' in f)).toBe(false);
    expect(FindingsDocument.parse(en)).toEqual(en);
    expect(JSON.stringify(en)).not.toContain('messageZh');
  });

  it('Chinese: messageZh as the message, English where a finding has no Chinese, order and summary kept', () => {
    const zh = localiseFindings(original, 'zh');
    expect(zh.findings.map((f) => [f.rule, f.message])).toEqual([
      ['authz.expired', '授权已于 2027-12-31 到期。'],
      ['revision.changed', '"data/t.csv" differs from revision 1.'],
    ]);
    expect(zh.findings.some((f) => 'messageZh' in f)).toBe(false);
    expect(zh.summary).toEqual(original.summary);
    // The input is left as it was.
    expect(original.findings[0]!.messageZh).toBe('授权已于 2027-12-31 到期。');
  });
});
