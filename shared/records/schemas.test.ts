// The record schemas accept every valid kind and refuse what a verifier must not accept:
// unknown fields at any depth, malformed ids and digests, and records that break their rules.
import { describe, expect, it } from 'vitest';
import { encodeBase64 } from './base64';
import { RECORD_SCHEMAS, SignedRecord, Signature, recordSigner, type SignedRecord as Rec } from './schemas';
import {
  SAMPLE_PEOPLE,
  sampleAnnotation,
  sampleAuditCheckpoint,
  sampleCredential,
  sampleDecision,
  sampleExpertOpinion,
  sampleReveal,
  sampleRevocation,
  sampleSeal,
  sampleSealApplication,
  sampleSealApproval,
  sampleSealRequest,
  sampleSecondDecision,
} from './testing/samples';

const samples: Rec[] = [
  sampleDecision(),
  sampleSecondDecision(sampleDecision()),
  sampleExpertOpinion(),
  sampleAnnotation(),
  sampleSealRequest(),
  sampleSealApproval(),
  sampleSealApplication(),
  sampleReveal(),
  sampleRevocation(),
  sampleAuditCheckpoint(),
  sampleSeal(),
  sampleCredential(),
];

const messages = (value: unknown) => {
  const result = SignedRecord.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

/** Paths of every plain object inside `value`, including the root. */
function objectPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectPaths(v, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return [path, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...path, k]))];
  }
  return [];
}

function at(root: unknown, path: (string | number)[]): Record<string, unknown> {
  let node = root as Record<string | number, unknown>;
  for (const part of path) node = node[part] as Record<string | number, unknown>;
  return node;
}

describe('record schemas', () => {
  it('cover every kind of FORMATS.md §4 plus the seal and credential', () => {
    expect(Object.keys(RECORD_SCHEMAS).sort()).toEqual(
      ['annotation', 'audit-checkpoint', 'credential', 'expert-opinion', 'reveal', 'review-decision', 'revocation', 'seal', 'seal-application', 'seal-approval', 'seal-request'].sort(),
    );
    expect(new Set(samples.map((s) => s.format)).size).toBe(11);
  });

  it.each(samples.map((s) => [s.format, s] as const))('accepts a valid %s', (_format, sample) => {
    expect(messages(sample)).toEqual([]);
  });

  it.each(samples.map((s) => [s.format, s] as const))('refuses an unknown field at any depth of a %s', (_format, sample) => {
    for (const path of objectPaths(sample)) {
      const copy = structuredClone(sample);
      at(copy, path).sneaky = true;
      const result = SignedRecord.safeParse(copy);
      expect(result.success, `extra field at ${path.join('.') || '(root)'}`).toBe(false);
    }
  });

  it('refuses an unknown format and a newer formatVersion, saying so', () => {
    expect(messages({ ...sampleDecision(), format: 'review-verdict' }).join()).toMatch(/unknown record format; expected one of review-decision/);
    expect(messages({ ...sampleDecision(), formatVersion: 2 }).join()).toMatch(/formatVersion: formatVersion is newer/);
  });

  it('checks the common fields: ULID id, gap-free device seq from 1, createdAt with offset', () => {
    expect(messages(sampleDecision({ id: '01jd000000000000000000000a' })).join()).toMatch(/^id: expected a ULID/);
    expect(messages(sampleDecision({ id: '01JD00000000000000000000IL' })).join()).toMatch(/^id: expected a ULID/);
    expect(messages(sampleDecision({ id: '81JD0000000000000000000000' })).join()).toMatch(/^id: expected a ULID/);
    expect(messages(sampleDecision({ id: '01JD000000000000000000000' })).join()).toMatch(/^id: expected a ULID/);
    expect(messages(sampleDecision({ device: { id: 'ws-01', seq: 0 } })).join()).toMatch(/device.seq: sequence numbers start at 1/);
    expect(messages(sampleDecision({ device: { id: 'ws-01', seq: 1.5 } })).join()).toMatch(/device.seq/);
    expect(messages(sampleDecision({ createdAt: '2026-11-27T10:00:00' })).join()).toMatch(/createdAt: expected an ISO 8601 date-time with offset/);
  });

  it('checks digests, key ids and person fields', () => {
    expect(messages(sampleDecision({ candidate: { id: 'EC-1', revision: 1, digest: `sm3:${'A'.repeat(64)}` } })).join()).toMatch(/candidate.digest/);
    expect(messages(sampleDecision({ reviewer: { ...SAMPLE_PEOPLE.reviewerA, keyId: 'rsa:0000000000000000' } })).join()).toMatch(/reviewer.keyId/);
    expect(messages(sampleDecision({ reviewer: { ...SAMPLE_PEOPLE.reviewerA, name: ' 王审核' } })).join()).toMatch(/reviewer.name: has leading or trailing whitespace/);
    expect(messages(sampleDecision({ reviewer: { ...SAMPLE_PEOPLE.reviewerA, name: '王\n审核' } })).join()).toMatch(/reviewer.name: contains a control character/);
    expect(messages(sampleDecision({ outcome: 'reject', comment: '驳回\ud800' })).join()).toMatch(/comment: contains an unpaired surrogate/);
    expect(messages(sampleDecision({ reviewer: { ...SAMPLE_PEOPLE.reviewerA, name: '王\udc00' } })).join()).toMatch(/reviewer.name: contains an unpaired surrogate/);
    expect(messages(sampleDecision({ outcome: 'reject', comment: '驳回 😀 数据' }))).toEqual([]);
  });

  describe('review-decision rules', () => {
    it('ties countersigns to the second-reviewer role', () => {
      expect(messages(sampleDecision({ role: 'second-reviewer' })).join()).toMatch(/countersigns: a second-reviewer decision must name the first/);
      expect(messages(sampleDecision({ countersigns: sampleDecision().id })).join()).toMatch(/countersigns: only a second-reviewer decision/);
    });
    it('lists conditions exactly for approve-with-conditions', () => {
      expect(messages(sampleDecision({ outcome: 'approve-with-conditions' })).join()).toMatch(/conditions: an approval with conditions lists at least one/);
      expect(messages(sampleDecision({ outcome: 'approve', conditions: ['仅限信用评估'] })).join()).toMatch(/conditions: conditions belong to "approve-with-conditions"/);
      expect(messages(sampleDecision({ outcome: 'approve-with-conditions', conditions: ['仅限信用评估'] }))).toEqual([]);
      expect(messages(sampleDecision({ outcome: 'approve-with-conditions', conditions: ['  '] })).join()).toMatch(/conditions.0: must not be empty/);
    });
    it('refuses an approval while a blocking finding stands', () => {
      const findings = { digest: `sm3:${'c'.repeat(64)}`, block: 1, warn: 0, acknowledged: [] };
      expect(messages(sampleDecision({ findings })).join()).toMatch(/findings.block: an approval is impossible while a blocking finding stands/);
      expect(messages(sampleDecision({ findings, outcome: 'reject', comment: '存在阻断项' }))).toEqual([]);
    });
    it('requires a comment for return, reject and an approval with acknowledged findings', () => {
      expect(messages(sampleDecision({ outcome: 'return' })).join()).toMatch(/comment: a comment is required for "return"/);
      expect(messages(sampleDecision({ outcome: 'reject', comment: ' \n' })).join()).toMatch(/comment: a comment is required for "reject"/);
      const acknowledged = [{ rule: 'sdc.small-cell', justification: '已合并小单元格' }];
      const findings = { digest: `sm3:${'c'.repeat(64)}`, block: 0, warn: 1, acknowledged };
      expect(messages(sampleDecision({ findings })).join()).toMatch(/comment: a comment is required for an approval with acknowledged findings/);
      expect(messages(sampleDecision({ findings, comment: '风险可控' }))).toEqual([]);
      expect(messages(sampleDecision({ findings: { ...findings, acknowledged: [...acknowledged, ...acknowledged] }, comment: 'x' })).join()).toMatch(
        /findings.acknowledged: acknowledges the same rule twice/,
      );
    });
    it('limits the comment length', () => {
      expect(messages(sampleDecision({ outcome: 'reject', comment: '拒'.repeat(4001) })).join()).toMatch(/comment: at most 4000 characters/);
    });
  });

  describe('other kinds', () => {
    it('annotation anchors point into a table or into text, with ranges in order', () => {
      expect(messages(sampleAnnotation({ anchor: { file: 'a.csv', column: 'x', line: 3 } })).join()).toMatch(/anchor: an anchor points into a table/);
      expect(messages(sampleAnnotation({ anchor: { file: '../a.csv' } })).join()).toMatch(/anchor.file/);
      const range = { start: { line: 4, column: 2 }, end: { line: 3, column: 9 } };
      expect(messages(sampleAnnotation({ anchor: { file: 'r.md', range } })).join()).toMatch(/anchor.range.end: the range ends before it starts/);
      expect(messages(sampleAnnotation({ anchor: { file: 'r.md', range: { start: range.end, end: range.start } } }))).toEqual([]);
    });
    it('a seal application hashes the document it seals with the seal it names', () => {
      const app = sampleSealApplication();
      expect(messages({ ...app, tbsSign: { ...app.tbsSign, dataHash: `sm3:${'9'.repeat(64)}` } }).join()).toMatch(/tbsSign.dataHash: is not the digest of the sealed document/);
      expect(messages({ ...app, tbsSign: { ...app.tbsSign, esID: 'OTHER' } }).join()).toMatch(/tbsSign.esID: is not the sealId/);
      expect(messages({ ...app, tbsSign: { ...app.tbsSign, version: 3 } }).join()).toMatch(/tbsSign.version: expected version 4/);
      expect(messages({ ...app, tbsSign: { ...app.tbsSign, propertyInfo: '意见书.pdf' } }).join()).toMatch(/tbsSign.propertyInfo: expected printable ASCII/);
    });
    it('a denial says why', () => {
      expect(messages(sampleSealApproval({ outcome: 'deny' })).join()).toMatch(/comment: a denial says why/);
    });
    it('the seal picture is canonical base64 of the declared type, the seal has custodians and a valid period', () => {
      const seal = sampleSeal();
      expect(messages({ ...seal, picture: { ...seal.picture, data: 'PHN2Zz4' } }).join()).toMatch(/picture.data/);
      expect(messages({ ...seal, picture: { ...seal.picture, type: 'PNG' } }).join()).toMatch(/picture.data: is not a PNG image/);
      expect(messages({ ...seal, custodians: [] }).join()).toMatch(/custodians: a seal has at least one custodian/);
      expect(messages({ ...seal, validEnd: '2025-12-31' }).join()).toMatch(/validEnd: the seal stops being valid before it starts/);
    });
    it('a credential names known roles once, a PEM key and a valid period', () => {
      const c = sampleCredential();
      expect(messages({ ...c, subject: { ...c.subject, roles: ['admin'] } }).join()).toMatch(/subject.roles.0/);
      expect(messages({ ...c, subject: { ...c.subject, roles: ['reviewer', 'reviewer'] } }).join()).toMatch(/subject.roles: lists the same role twice/);
      expect(messages({ ...c, publicKey: 'not a key' }).join()).toMatch(/publicKey: expected a PEM public key/);
      expect(messages({ ...c, validTo: '2025-12-31' }).join()).toMatch(/validTo: the credential ends before it starts/);
      expect(messages({ ...c, validTo: '2026-02-30' }).join()).toMatch(/validTo: not a real calendar date/);
    });
    it('a reveal names cells once; a checkpoint runs forward', () => {
      expect(messages(sampleReveal({ cells: [] })).join()).toMatch(/cells: a reveal names at least one cell/);
      expect(messages(sampleReveal({ cells: [{ row: 1, column: 'a' }, { row: 1, column: 'a' }] })).join()).toMatch(/cells: names the same cell twice/);
      expect(messages(sampleAuditCheckpoint({ fromSeq: 5, toSeq: 4 })).join()).toMatch(/toSeq: toSeq is before fromSeq/);
    });
  });

  it('recordSigner finds the person field of each kind', () => {
    expect(samples.map((s) => recordSigner(s).id)).toEqual([
      'reviewer-a',
      'reviewer-b',
      'expert-e',
      'expert-e',
      'reviewer-a',
      'approver-p',
      'custodian-c',
      'reviewer-a',
      'reviewer-a',
      'auditor-u',
      'authority',
      'authority',
    ]);
  });
});

describe('signature schema', () => {
  const ed = { alg: 'Ed25519', keyId: 'ed25519:00000000000000a1', value: `${'A'.repeat(86)}==` } as const;
  const der = new Uint8Array([0x30, 0x44, 0x02, 0x20, ...new Array<number>(32).fill(1), 0x02, 0x20, ...new Array<number>(32).fill(2)]);
  const sm2 = { alg: 'SM2-SM3', keyId: 'sm2:00000000000000a1', userId: '1234567812345678', value: encodeBase64(der) } as const;
  const problems = (v: unknown) => {
    const r = Signature.safeParse(v);
    return r.success ? '' : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  };

  it('accepts Ed25519 without userId and SM2 with the default userId', () => {
    expect(problems(ed)).toBe('');
    expect(problems(sm2)).toBe('');
  });
  it('applies the userId rule', () => {
    expect(problems({ ...sm2, userId: undefined })).toMatch(/userId: is required for SM2-SM3/);
    expect(problems({ ...sm2, userId: '1234567812345679' })).toMatch(/userId: must be "1234567812345678"/);
    expect(problems({ ...ed, userId: '1234567812345678' })).toMatch(/userId: must be absent for Ed25519/);
  });
  it('ties the key id prefix to the algorithm', () => {
    expect(problems({ ...ed, keyId: 'sm2:00000000000000a1' })).toMatch(/keyId: is not a Ed25519 key id/);
  });
  it('accepts only canonical base64 of a plausible length', () => {
    expect(problems({ ...ed, value: `${'A'.repeat(86)}=` })).toMatch(/value: is not padded standard base64/);
    expect(problems({ ...ed, value: `${'A'.repeat(86)}\n==` })).toMatch(/value: is not padded standard base64/);
    expect(problems({ ...ed, value: `${'A'.repeat(85)}B==` })).toMatch(/value: has non-zero bits/);
    expect(problems({ ...ed, value: 'AAAA' })).toMatch(/value: an Ed25519 signature is 64 bytes, this one is 3/);
    expect(problems({ ...sm2, value: 'AAAA' })).toMatch(/value: is not a DER-encoded SM2 signature/);
    expect(problems({ ...ed, value: `${'-'.repeat(86)}==` })).toMatch(/value: is not padded standard base64/);
  });
});
