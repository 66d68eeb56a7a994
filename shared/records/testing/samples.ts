/**
 * Valid sample records of every kind, for tests (and demo data): each builder returns a record
 * that passes its schema, with the fields a test wants to vary passed in `over`.
 */
import type {
  Annotation,
  AuditCheckpoint,
  Credential,
  ExpertOpinion,
  Person,
  Reveal,
  ReviewDecision,
  Revocation,
  SealApplication,
  SealApproval,
  SealDefinition,
  SealRequest,
} from '../schemas';

const hex = (c: string) => c.repeat(64);
export const SAMPLE_DIGEST = { candidate: `sm3:${hex('a')}`, policy: `sm3:${hex('b')}`, findings: `sm3:${hex('c')}`, document: `sm3:${hex('d')}` };

export const SAMPLE_PEOPLE = {
  reviewerA: { id: 'reviewer-a', name: '王审核', keyId: 'ed25519:00000000000000a1' },
  reviewerB: { id: 'reviewer-b', name: '李复核', keyId: 'ed25519:00000000000000b2' },
  expert: { id: 'expert-e', name: '赵专家', keyId: 'ed25519:00000000000000e3' },
  approver: { id: 'approver-p', name: '钱审批', keyId: 'ed25519:00000000000000f4' },
  custodian: { id: 'custodian-c', name: '孙印章', keyId: 'ed25519:00000000000000c5' },
  auditor: { id: 'auditor-u', name: '周审计', keyId: 'ed25519:00000000000000d6' },
  authority: { id: 'authority', name: '浙江省公共数据主管部门（样例）', keyId: 'sm2:0000000000000a07' },
} satisfies Record<string, Person>;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
let counter = 0;
/** A fresh, valid ULID (deterministic and increasing within a test run). */
export function sampleId(): string {
  counter += 1;
  let n = counter;
  let tail = '';
  while (n > 0) {
    tail = CROCKFORD[n % 32]! + tail;
    n = Math.floor(n / 32);
  }
  return `01JD${tail.padStart(22, '0')}`;
}

const header = <F extends string>(format: F, seq = 1) => ({
  format,
  formatVersion: 1,
  id: sampleId(),
  device: { id: 'ws-01', seq },
  createdAt: '2026-11-27T10:00:00+08:00',
});

export const SAMPLE_CANDIDATE = { id: 'EC-2026-000123', revision: 2, digest: SAMPLE_DIGEST.candidate };

export function sampleDecision(over: Partial<ReviewDecision> = {}): ReviewDecision {
  return {
    ...header('review-decision'),
    candidate: { ...SAMPLE_CANDIDATE },
    policy: { id: 'POL-ZJ-SQYY-2025-007', version: 3, digest: SAMPLE_DIGEST.policy },
    outcome: 'approve',
    scenarioId: 'SC-FIN-CREDIT',
    recipient: { name: '某银行股份有限公司', creditCode: '91330106MA2XXXXXX1' },
    conditions: [],
    comment: '',
    findings: { digest: SAMPLE_DIGEST.findings, block: 0, warn: 1, acknowledged: [] },
    role: 'reviewer',
    reviewer: { ...SAMPLE_PEOPLE.reviewerA },
    ...over,
  };
}

/** A second-reviewer decision countersigning `first`. */
export function sampleSecondDecision(first: ReviewDecision, over: Partial<ReviewDecision> = {}): ReviewDecision {
  return sampleDecision({ role: 'second-reviewer', countersigns: first.id, reviewer: { ...SAMPLE_PEOPLE.reviewerB }, candidate: { ...first.candidate }, ...over });
}

export function sampleExpertOpinion(over: Partial<ExpertOpinion> = {}): ExpertOpinion {
  return {
    ...header('expert-opinion'),
    candidate: { ...SAMPLE_CANDIDATE },
    expert: { ...SAMPLE_PEOPLE.expert },
    panel: '省级专家组',
    conclusion: 'no-objection',
    opinion: '脱敏方法符合要求。',
    annotations: [],
    ...over,
  };
}

export function sampleAnnotation(over: Partial<Annotation> = {}): Annotation {
  return {
    ...header('annotation'),
    candidate: { ...SAMPLE_CANDIDATE },
    anchor: { file: 'data/enterprise_scores.csv', column: 'legal_rep_phone', row: 3 },
    body: '该列掩码位数不足。',
    category: 'security',
    severity: 'major',
    author: { ...SAMPLE_PEOPLE.expert },
    ...over,
  };
}

export function sampleSealRequest(over: Partial<SealRequest> = {}): SealRequest {
  return {
    ...header('seal-request'),
    decision: sampleId(),
    document: { name: '出域审核意见书 EC-2026-000123 r2.pdf', digest: SAMPLE_DIGEST.document },
    sealId: 'ZJ-CONTRACT-SEAL-DEMO',
    reason: '审核通过，需加盖合同专用章。',
    copies: 1,
    signer: { ...SAMPLE_PEOPLE.reviewerA },
    ...over,
  };
}

export function sampleSealApproval(over: Partial<SealApproval> = {}): SealApproval {
  return { ...header('seal-approval'), request: sampleId(), outcome: 'approve', comment: '', signer: { ...SAMPLE_PEOPLE.approver }, ...over };
}

export function sampleSealApplication(over: Partial<SealApplication> = {}): SealApplication {
  return {
    ...header('seal-application'),
    request: sampleId(),
    approval: sampleId(),
    sealId: 'ZJ-CONTRACT-SEAL-DEMO',
    document: { name: '出域审核意见书 EC-2026-000123 r2.pdf', digest: SAMPLE_DIGEST.document, bytes: 48213 },
    ledgerNo: 'YY-2026-0001',
    appliedAt: '2026-11-27T15:00:00+08:00',
    tbsSign: {
      version: 4,
      esID: 'ZJ-CONTRACT-SEAL-DEMO',
      timeInfo: '2026-11-27T15:00:00+08:00',
      dataHash: SAMPLE_DIGEST.document,
      propertyInfo: 'application/pdf; bytes=48213',
    },
    signer: { ...SAMPLE_PEOPLE.custodian },
    ...over,
  };
}

export function sampleReveal(over: Partial<Reveal> = {}): Reveal {
  return {
    ...header('reveal'),
    candidate: { ...SAMPLE_CANDIDATE },
    file: 'data/enterprise_scores.csv',
    cells: [{ row: 3, column: 'legal_rep_phone' }],
    reason: '核对掩码是否保留了足够位数。',
    signer: { ...SAMPLE_PEOPLE.reviewerA },
    ...over,
  };
}

export function sampleRevocation(over: Partial<Revocation> = {}): Revocation {
  return { ...header('revocation'), target: sampleId(), reason: '运营单位违约（§6(8)）。', signer: { ...SAMPLE_PEOPLE.reviewerA }, ...over };
}

export function sampleAuditCheckpoint(over: Partial<AuditCheckpoint> = {}): AuditCheckpoint {
  return { ...header('audit-checkpoint'), fromSeq: 1, toSeq: 42, head: `sm3:${hex('e')}`, signer: { ...SAMPLE_PEOPLE.auditor }, ...over };
}

/** A tiny SVG (base64) standing in for the seal picture. */
export const SAMPLE_SVG_BASE64 = 'PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=';

export function sampleSeal(over: Partial<SealDefinition> = {}): SealDefinition {
  return {
    ...header('seal'),
    esID: 'ZJ-CONTRACT-SEAL-DEMO',
    name: '浙江省公共数据授权运营合同专用章（样例）',
    type: 'contract',
    owner: '浙江省公共数据主管部门（样例）',
    custodians: [SAMPLE_PEOPLE.custodian.id],
    picture: { type: 'SVG', data: SAMPLE_SVG_BASE64, widthMm: 42, heightMm: 42 },
    validStart: '2026-01-01',
    validEnd: '2028-12-31',
    signerKeyIds: [SAMPLE_PEOPLE.custodian.keyId],
    signer: { ...SAMPLE_PEOPLE.authority },
    ...over,
  };
}

export const SAMPLE_PEM = '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n';

export function sampleCredential(over: Partial<Credential> = {}): Credential {
  return {
    ...header('credential'),
    subject: { id: SAMPLE_PEOPLE.reviewerA.id, name: SAMPLE_PEOPLE.reviewerA.name, roles: ['reviewer'] },
    publicKey: SAMPLE_PEM,
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    signer: { ...SAMPLE_PEOPLE.authority },
    ...over,
  };
}
