// The revision rules: a broken chain blocks (wrong digest, missing digest, previous revision not
// available, not the revision before), an intact one does not; every added, removed or changed
// file gets revision.changed, an unchanged one does not.
import { describe, expect, it } from 'vitest';
import { Candidate } from '../formats/candidate';
import { candidateDigest, evaluateRevisionRules } from './revision';

const hex = (c: string) => c.repeat(64);
const file = (path: string, digit: string, bytes = 10) => ({
  path,
  role: 'supporting',
  mediaType: 'text/plain',
  bytes,
  sha256: `sha256:${hex(digit)}`,
  sm3: `sm3:${hex(digit)}`,
});

function raw(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'export-candidate',
    formatVersion: 1,
    id: 'EC-TEST-000001',
    revision: 1,
    submittedAt: '2026-11-20T09:30:00+08:00',
    product: { name: '测试数据包', kind: 'data-package', rawPackage: false },
    operator: { name: '测试运营单位', creditCode: '91330106MA2H3XK19J' },
    authorization: { agreementId: 'ZJ-SQYY-2025-007', level: 'province', region: '330000', validFrom: '2025-01-01', validTo: '2027-12-31' },
    scenario: { id: 'SC-FIN-CREDIT', name: '普惠金融信用评估' },
    recipient: { name: '测试接收方', creditCode: '91330000704201234X' },
    sources: [],
    processing: { methods: [] },
    files: [file('a.txt', '1'), file('b.txt', '2'), file('c.txt', '3')],
    ...overrides,
  };
}

async function pair(second: Record<string, unknown> = {}) {
  const first = raw();
  const previous = { manifest: Candidate.parse(first), digest: await candidateDigest(first) };
  const current = Candidate.parse(raw({ revision: 2, previousRevisionDigest: previous.digest, ...second }));
  return { previous, current };
}

describe('revision.chain-broken', () => {
  it('does not fire when previousRevisionDigest is the stored revision’s candidate digest', async () => {
    const { previous, current } = await pair();
    expect(evaluateRevisionRules(current, previous)).toEqual([]);
  });

  it('fires when the digest names another manifest', async () => {
    const { previous, current } = await pair({ previousRevisionDigest: `sm3:${hex('e')}` });
    const [finding] = evaluateRevisionRules(current, previous);
    expect(finding).toMatchObject({ rule: 'revision.chain-broken', severity: 'block', clause: '§6(1)', location: { field: 'previousRevisionDigest' } });
    expect(finding!.message).toContain('does not match');
    expect(finding!.message).toContain(previous.digest.slice(0, 20));
    expect(finding!.messageZh).toContain(`与本工作区存储的第 1 版候选包摘要（${previous.digest.slice(0, 20)}`);
    expect(finding!.messageZh).toContain('不一致');
  });

  it('fires when the stored previous revision was altered after the digest was taken', async () => {
    const { previous, current } = await pair();
    const altered = raw({ product: { name: '改过的名称', kind: 'data-package', rawPackage: false } });
    const findings = evaluateRevisionRules(current, { manifest: Candidate.parse(altered), digest: await candidateDigest(altered) });
    expect(findings.map((f) => f.rule)).toEqual(['revision.chain-broken']);
    expect(previous.digest).not.toBe(await candidateDigest(altered));
  });

  it('fires, saying so, when the previous revision is not available', async () => {
    const { current } = await pair();
    const findings = evaluateRevisionRules(current, null);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'revision.chain-broken', severity: 'block' });
    expect(findings[0]!.message).toMatch(/Revision 1 of EC-TEST-000001 is not available/);
  });

  it('fires when revision N > 1 names no digest (a manifest that bypassed the schema)', async () => {
    const { previous, current } = await pair();
    const { previousRevisionDigest: _dropped, ...withoutDigest } = current;
    const findings = evaluateRevisionRules(withoutDigest, previous);
    expect(findings.map((f) => f.rule)).toEqual(['revision.chain-broken']);
    expect(findings[0]!.message).toContain('previousRevisionDigest is missing');
  });

  it('fires when the previous revision given is not N−1 of the same candidate', async () => {
    const { previous, current } = await pair({ revision: 3 });
    const findings = evaluateRevisionRules(current, previous);
    expect(findings.map((f) => f.rule)).toEqual(['revision.chain-broken']);
    expect(findings[0]!.message).toContain('not EC-TEST-000001 revision 2');
  });

  it('has nothing to check on revision 1', () => {
    expect(evaluateRevisionRules(Candidate.parse(raw()), null)).toEqual([]);
  });
});

describe('revision.changed', () => {
  it('reports each added, removed and changed file, and no unchanged one', async () => {
    const { previous, current } = await pair({ files: [file('a.txt', '1'), file('b.txt', '9', 12), file('d.txt', '4')] });
    const findings = evaluateRevisionRules(current, previous);
    expect(findings.every((f) => f.rule === 'revision.changed' && f.severity === 'info' && f.clause === '§6(1)')).toBe(true);
    expect(findings.map((f) => f.location.file)).toEqual(['b.txt', 'd.txt', 'c.txt']);
    expect(findings[0]!.message).toContain('10 bytes → 12 bytes');
    expect(findings[1]!.message).toContain('new in revision 2');
    expect(findings[2]!.message).toContain('is not in revision 2');
  });

  it('reports changed files beside a broken chain', async () => {
    const { previous, current } = await pair({ previousRevisionDigest: `sm3:${hex('e')}`, files: [file('a.txt', '5'), file('b.txt', '2'), file('c.txt', '3')] });
    expect(evaluateRevisionRules(current, previous).map((f) => [f.rule, f.location.file ?? f.location.field])).toEqual([
      ['revision.chain-broken', 'previousRevisionDigest'],
      ['revision.changed', 'a.txt'],
    ]);
  });
});
