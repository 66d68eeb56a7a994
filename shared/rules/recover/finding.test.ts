// The finding: "k of n recovered", at most 100 rows with the total in count, how the inputs were
// recovered, masked examples only, the declared transform's manifest path — and none without a hit.
import { describe, expect, it } from 'vitest';
import { Finding } from '../../formats/findings';
import { evidenceZhProblems } from '../../formats/testing';
import { recoveredFinding } from './finding';
import type { RowHit } from './search';

const hit = (row: number, extra: Partial<RowHit> = {}): RowHit => ({ row, kind: 'cn-mobile', algorithm: 'md5', form: 'plain', columns: ['phone'], masked: '138****5678', ...extra });

describe('recoveredFinding', () => {
  it('reports k of n with masked evidence and at most 100 rows', () => {
    const hits = Array.from({ length: 150 }, (_, i) => hit(150 - i));
    const finding = recoveredFinding({ file: 'data/x.csv', column: 'phone_digest', sampled: 200, tried: 200, hits, timedOut: false, declared: { transform: 'hash-md5', path: 'files[0].table.fields[3]' } })!;
    expect(Finding.parse(finding)).toEqual(finding);
    expect(finding).toMatchObject({ rule: 'reversible.recovered', severity: 'block', count: 150 });
    expect(finding.location).toEqual({ file: 'data/x.csv', column: 'phone_digest', rows: Array.from({ length: 100 }, (_, i) => i + 1), field: 'files[0].table.fields[3].transform' });
    expect(finding.evidence).toEqual(['150 of 200 recovered', 'row 1: MD5(138****5678)', 'row 2: MD5(138****5678)', 'row 3: MD5(138****5678)']);
    expect(finding.evidenceZh).toEqual(['已还原 150 / 200', '第 1 行：MD5(138****5678)', '第 2 行：MD5(138****5678)', '第 3 行：MD5(138****5678)']);
    expect(evidenceZhProblems(finding)).toEqual([]);
    expect(finding.message).toContain('150 of 200 sampled digests as MD5 of the mobile number from column "phone"');
    expect(finding.message).toContain('declared "hash-md5"');
    expect(finding.messageZh).toContain('“data/x.csv”的列“phone_digest”可被还原');
    expect(finding.messageZh).toContain('在抽样的 200 个摘要值中还原出 150 个的原始输入，方式为对列“phone”中的手机号计算 MD5');
    expect(finding.messageZh).toContain('声明的处理方式为“hash-md5”');
  });

  it('names the sheet, each way that recovered rows, and the time bound when it was hit', () => {
    const hits = [hit(1), hit(2, { algorithm: 'sha256', form: '+86', masked: '+86138****5678' }), hit(3)];
    const finding = recoveredFinding({ file: 'data/x.xlsx', sheet: '名单', column: 'h', sampled: 1000, tried: 40, hits, timedOut: true })!;
    expect(finding.location.sheet).toBe('名单');
    expect(finding.message).toContain('3 of 40 digests it tried (the test stopped at its time bound after 40 of 1000 sampled)');
    expect(finding.message).toContain('MD5 of the mobile number from column "phone" (2); SHA-256 of the mobile number with a +86 prefix from column "phone" (1)');
    expect(finding.evidence[0]).toBe('3 of 40 recovered');
    expect(finding.evidence[2]).toBe('row 2: SHA-256(+86138****5678)');
    expect(finding.evidenceZh!.slice(0, 3)).toEqual(['已还原 3 / 40', '第 1 行：MD5(138****5678)', '第 2 行：SHA-256(+86138****5678)']);
    expect(evidenceZhProblems(finding)).toEqual([]);
  });

  it('is null when nothing was recovered', () => {
    expect(recoveredFinding({ file: 'x.csv', column: 'h', sampled: 10, tried: 10, hits: [], timedOut: false })).toBeNull();
  });
});
