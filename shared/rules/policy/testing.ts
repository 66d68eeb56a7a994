/**
 * Minimal manifests, policies and column profiles for the policy evaluators' tests: each test
 * starts from a candidate that passes and changes the one thing its rule is about.
 */
import { Candidate, type Field } from '../../formats/candidate';
import { Policy, type PolicyInput } from '../../formats/policy';
import { ColumnProfile } from '../../profile/column-profile';

const DIGEST = (c: string) => c.repeat(64);
export const RECIPIENT = '91330000704201234X';
export const OTHER_RECIPIENT = '91330106MA2H3XK19J';

/** A one-file candidate: a credit code in clear and a phone masked 3+4, within 2025–2027. */
export function candidateInput(): Record<string, unknown> {
  return {
    format: 'export-candidate',
    formatVersion: 1,
    id: 'EC-TEST-1',
    revision: 1,
    submittedAt: '2026-01-05T09:00:00+08:00',
    product: { name: '测试数据包', kind: 'data-package', rawPackage: false },
    operator: { name: '运营单位', creditCode: OTHER_RECIPIENT },
    authorization: { agreementId: 'AG-1', level: 'province', region: '330000', validFrom: '2025-01-01', validTo: '2027-12-31' },
    scenario: { id: 'SC-1', name: '场景一' },
    recipient: { name: '接收方', creditCode: RECIPIENT },
    sources: [{ datasetId: 'DS-1', name: '企业登记', provider: '省市场监管局', level: 'province', backflow: false, social: false, approvalRef: null }],
    processing: { methods: [] },
    files: [
      {
        path: 'data/t.csv',
        role: 'data',
        mediaType: 'text/csv',
        bytes: 10,
        sha256: `sha256:${DIGEST('a')}`,
        sm3: `sm3:${DIGEST('b')}`,
        table: {
          kind: 'microdata',
          fields: [
            { name: 'credit_code', dataset: 'DS-1', type: 'string', class: 'public', grade: 1, transform: 'none' },
            { name: 'phone', dataset: 'DS-1', type: 'string', class: 'personal', grade: 3, transform: 'mask:3,4' },
          ],
        },
      },
    ],
  };
}

export function policyInput(): PolicyInput {
  return {
    format: 'export-policy',
    formatVersion: 1,
    id: 'POL-TEST',
    version: 1,
    agreementId: 'AG-1',
    issuedBy: '主管部门',
    issuedAt: '2025-01-02T10:00:00+08:00',
    authorization: { validFrom: '2025-01-01', validTo: '2027-12-31' },
    scenarios: [{ id: 'SC-1', name: '场景一', recipients: [RECIPIENT] }],
    authorizedFields: [
      { dataset: 'DS-1', name: 'credit_code', maxGrade: 2, requiredTransform: ['none'] },
      { dataset: 'DS-1', name: 'phone', maxGrade: 3, requiredTransform: ['mask:3,4', 'hmac-sm3'] },
    ],
    review: { secondReviewerFromGrade: 3, sealRequiredFor: ['approve'] },
    reveal: { roles: ['reviewer'], maxCellsPerReason: 50 },
  };
}

type Mutable = Record<string, unknown>;

/** The test candidate, changed by `edit` before it is parsed (so it is always schema-valid). */
/** The draft manifest an `edit` of `candidate` changes in place. */
export type CandidateDraft = Mutable & { files: Mutable[] };

export function candidate(edit: (c: CandidateDraft) => void = () => undefined): Candidate {
  const value = candidateInput() as Mutable & { files: Mutable[] };
  edit(value);
  return Candidate.parse(value);
}

/** The test policy, changed by `edit` before it is parsed. */
export function policy(edit: (p: PolicyInput) => void = () => undefined): Policy {
  const value = policyInput();
  edit(value);
  return Policy.parse(value);
}

/** The fields of the candidate's first file, to edit. */
export function fieldsOf(c: { files: Mutable[] }): Array<Partial<Field> & Mutable> {
  return (c.files[0]!.table as { fields: Array<Partial<Field> & Mutable> }).fields;
}

/** A column profile with nothing detected, changed by `edit`. */
export function profile(name: string, edit: (p: ColumnProfile) => void = () => undefined): ColumnProfile {
  const value: ColumnProfile = {
    name,
    rows: 100,
    nulls: 0,
    nullRate: 0,
    distinctEstimate: 100,
    minLength: 11,
    maxLength: 11,
    detected: [],
    maskForms: [],
    otherMaskForms: 0,
    digest: { count: 0, share: 0, algorithms: [], shapes: [], nearUnique: true },
    declared: null,
    maskConformance: null,
    inconsistentMasking: false,
    precisionLoss: { count: 0, rows: [] },
    numeric: { count: 0, share: 0, min: null, max: null, rangeWithheld: false },
  };
  edit(value);
  return ColumnProfile.parse(value);
}

/** A profile of a column of near-unique 64-hex digests. */
export function digestProfile(name: string): ColumnProfile {
  return profile(name, (p) => {
    p.minLength = 64;
    p.maxLength = 64;
    p.digest = { count: 100, share: 1, algorithms: ['sha256', 'sm3'], shapes: [{ encoding: 'hex', algorithms: ['sha256', 'sm3'], upperCase: false, count: 100 }], nearUnique: true };
  });
}
