/**
 * The signed records of FORMATS.md §4 as zod schemas: the envelope, every record kind, the
 * seal definition and the reviewer credential. Everything a verifier reads is parsed from
 * `unknown` through these, with strict objects (an unknown field is an error, never ignored)
 * and the rules that make a record meaningful (a second review names the first, an approval
 * has no blocking finding, a seal application's hash is the document's).
 */
import { z } from 'zod';
import { CreditCode, IsoDate, IsoDateTime, SafePath, Sm3Digest } from '../formats/common';
import { CREDENTIAL_ROLES, DECISION_OUTCOMES } from '../formats/policy';
import { base64Problem, decodeBase64 } from './base64';
import { CandidateRef, KEY_ID_PREFIX, KeyId, Label, Person, PolicyRef, RecordId, RequiredText, SM2_USER_ID, Text, UserId, recordHeader } from './common';

export { CandidateRef, DeviceId, DeviceRef, KeyId, Person, PolicyRef, RecordId, SM2_USER_ID, UserId } from './common';

/** A rule id as the catalogue writes them (`pii.unmasked`); kept as a pattern so old records stay readable when rules change. */
const RuleIdLike = z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/, 'expected a rule id such as "pii.unmasked"');

/** Outcomes that approve an export (with or without conditions). */
export const APPROVING_OUTCOMES = ['approve', 'approve-with-conditions'] as const;
export function isApproving(outcome: (typeof DECISION_OUTCOMES)[number]): boolean {
  return (APPROVING_OUTCOMES as readonly string[]).includes(outcome);
}

const unique = (items: readonly unknown[]) => new Set(items).size === items.length;

// ---------------------------------------------------------------- review-decision

export const Acknowledgement = z.strictObject({ rule: RuleIdLike, justification: RequiredText(2000) });

export const DecisionFindings = z.strictObject({
  /** sm3 of JCS(the findings document) the reviewer saw. */
  digest: Sm3Digest,
  block: z.number().int().min(0),
  warn: z.number().int().min(0),
  acknowledged: z.array(Acknowledgement).max(500),
});

export const Recipient = z.strictObject({ name: Label(200), creditCode: CreditCode });

export const ReviewDecision = z
  .strictObject({
    ...recordHeader('review-decision'),
    candidate: CandidateRef,
    policy: PolicyRef,
    outcome: z.enum(DECISION_OUTCOMES),
    scenarioId: Label(100),
    recipient: Recipient,
    conditions: z.array(RequiredText(1000)).max(50),
    comment: Text(4000),
    findings: DecisionFindings,
    role: z.enum(['reviewer', 'second-reviewer']),
    reviewer: Person,
    /** The first decision this second review countersigns; present exactly when role is `second-reviewer`. */
    countersigns: RecordId.optional(),
  })
  .superRefine((d, ctx) => {
    if (d.role === 'second-reviewer' && d.countersigns === undefined) {
      ctx.addIssue({ code: 'custom', path: ['countersigns'], message: 'a second-reviewer decision must name the first decision it countersigns' });
    }
    if (d.role === 'reviewer' && d.countersigns !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['countersigns'], message: 'only a second-reviewer decision countersigns another decision' });
    }
    if (d.countersigns !== undefined && d.countersigns === d.id) {
      ctx.addIssue({ code: 'custom', path: ['countersigns'], message: 'a decision cannot countersign itself' });
    }
    if (d.outcome === 'approve-with-conditions' && d.conditions.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['conditions'], message: 'an approval with conditions lists at least one condition' });
    }
    if (d.outcome !== 'approve-with-conditions' && d.conditions.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['conditions'], message: `conditions belong to "approve-with-conditions", not "${d.outcome}"` });
    }
    if (isApproving(d.outcome) && d.findings.block > 0) {
      ctx.addIssue({ code: 'custom', path: ['findings', 'block'], message: 'an approval is impossible while a blocking finding stands' });
    }
    const needsComment = d.outcome === 'return' || d.outcome === 'reject' || (isApproving(d.outcome) && d.findings.acknowledged.length > 0);
    if (needsComment && d.comment.trim() === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['comment'],
        message: isApproving(d.outcome) ? 'a comment is required for an approval with acknowledged findings' : `a comment is required for "${d.outcome}"`,
      });
    }
    if (!unique(d.findings.acknowledged.map((a) => a.rule))) {
      ctx.addIssue({ code: 'custom', path: ['findings', 'acknowledged'], message: 'acknowledges the same rule twice' });
    }
  });

// ---------------------------------------------------------------- expert-opinion, annotation

export const ExpertOpinion = z
  .strictObject({
    ...recordHeader('expert-opinion'),
    candidate: CandidateRef,
    expert: Person,
    /** The panel the expert sits on, e.g. 省级专家组. */
    panel: Label(200),
    conclusion: z.enum(['no-objection', 'objection', 'conditional']),
    opinion: RequiredText(20000),
    /** Ids of the expert's annotations this opinion closes. */
    annotations: z.array(RecordId).max(1000),
  })
  .refine((o) => unique(o.annotations), { path: ['annotations'], error: 'lists the same annotation twice' });

const TextPosition = z.strictObject({ line: z.number().int().min(1), column: z.number().int().min(1) });

export const Anchor = z
  .strictObject({
    file: SafePath,
    sheet: Label(100).optional(),
    column: Label(200).optional(),
    /** 1-based data row. */
    row: z.number().int().min(1).optional(),
    /** 1-based line of a text file. */
    line: z.number().int().min(1).optional(),
    /** A text range, 1-based, end not before start. */
    range: z.strictObject({ start: TextPosition, end: TextPosition }).optional(),
    /** The rule id of the finding the annotation is about. */
    finding: RuleIdLike.optional(),
  })
  .superRefine((a, ctx) => {
    const tabular = a.sheet !== undefined || a.column !== undefined || a.row !== undefined;
    const textual = a.line !== undefined || a.range !== undefined;
    if (tabular && textual) ctx.addIssue({ code: 'custom', message: 'an anchor points into a table (sheet, column, row) or into text (line, range), not both' });
    if (a.range) {
      const { start, end } = a.range;
      if (end.line < start.line || (end.line === start.line && end.column < start.column)) {
        ctx.addIssue({ code: 'custom', path: ['range', 'end'], message: 'the range ends before it starts' });
      }
    }
  });

export const ANNOTATION_SEVERITIES = ['info', 'minor', 'major', 'critical'] as const;

export const Annotation = z.strictObject({
  ...recordHeader('annotation'),
  candidate: CandidateRef,
  anchor: Anchor,
  body: RequiredText(10000),
  category: z.enum(['security', 'legality', 'technical', 'quality']),
  severity: z.enum(ANNOTATION_SEVERITIES),
  /** The annotation this one answers, in a thread. */
  replyTo: RecordId.optional(),
  author: Person,
});

// ---------------------------------------------------------------- the seal workflow

/** An electronic seal id (GB/T 38540 `esID`). */
export const EsId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'expected a seal id (esID) of letters, digits, ".", "_" or "-" (at most 64)');

export const SealedDocument = z.strictObject({ name: Label(200), digest: Sm3Digest });

export const SealRequest = z.strictObject({
  ...recordHeader('seal-request'),
  /** The review decision the document records. */
  decision: RecordId,
  document: SealedDocument,
  sealId: EsId,
  reason: RequiredText(2000),
  copies: z.number().int().min(1).max(100),
  signer: Person,
});

export const SealApproval = z
  .strictObject({
    ...recordHeader('seal-approval'),
    request: RecordId,
    outcome: z.enum(['approve', 'deny']),
    comment: Text(2000),
    signer: Person,
  })
  .refine((a) => a.outcome !== 'deny' || a.comment.trim() !== '', { path: ['comment'], error: 'a denial says why in the comment' });

/** IA5String is 7-bit ASCII; we allow its printable part only. */
const PRINTABLE_ASCII = /^[\u0020-\u007e]+$/;

/** The to-be-signed fields of GB/T 38540 `TBS_Sign`, in JSON. */
export const TbsSign = z.strictObject({
  /** TBS_Sign.version: the electronic seal format version, 4 in GB/T 38540. */
  version: z.literal(4, { error: 'expected version 4 (GB/T 38540)' }),
  /** The seal used (TBS_Sign.eseal carries the whole seal; here its esID). */
  esID: EsId,
  /** TBS_Sign.timeInfo (GeneralizedTime), as an ISO 8601 date-time. */
  timeInfo: IsoDateTime,
  /** TBS_Sign.dataHash: SM3 of the document bytes. */
  dataHash: Sm3Digest,
  /** TBS_Sign.propertyInfo (IA5String): the document's properties, e.g. `application/pdf; bytes=48213`. */
  propertyInfo: z.string().max(1024).regex(PRINTABLE_ASCII, 'expected printable ASCII (an IA5String)'),
});

export const SealApplication = z
  .strictObject({
    ...recordHeader('seal-application'),
    request: RecordId,
    approval: RecordId,
    sealId: EsId,
    document: SealedDocument.extend({ bytes: z.number().int().min(1) }),
    /** 用印登记号: the number of this use in the seal-use ledger. */
    ledgerNo: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/, 'expected a ledger number of letters, digits, ".", "_", "/" or "-"'),
    appliedAt: IsoDateTime,
    tbsSign: TbsSign,
    signer: Person,
  })
  .superRefine((a, ctx) => {
    if (a.tbsSign.esID !== a.sealId) ctx.addIssue({ code: 'custom', path: ['tbsSign', 'esID'], message: 'is not the sealId of the application' });
    if (a.tbsSign.dataHash !== a.document.digest) ctx.addIssue({ code: 'custom', path: ['tbsSign', 'dataHash'], message: 'is not the digest of the sealed document' });
    if (a.request === a.approval) ctx.addIssue({ code: 'custom', path: ['approval'], message: 'the approval and the request are different records' });
  });

// ---------------------------------------------------------------- reveal, revocation, audit checkpoint

export const Reveal = z
  .strictObject({
    ...recordHeader('reveal'),
    candidate: CandidateRef,
    file: SafePath,
    cells: z.array(z.strictObject({ row: z.number().int().min(1), column: Label(200) })).min(1, 'a reveal names at least one cell').max(10000),
    reason: RequiredText(2000),
    signer: Person,
  })
  .refine((r) => unique(r.cells.map((c) => `${c.row}\u0000${c.column}`)), { path: ['cells'], error: 'names the same cell twice' });

export const Revocation = z.strictObject({
  ...recordHeader('revocation'),
  /** The id of the record withdrawn (an approval). */
  target: RecordId,
  reason: RequiredText(2000),
  signer: Person,
});

export const AuditCheckpoint = z
  .strictObject({
    ...recordHeader('audit-checkpoint'),
    /** The audit events covered (FORMATS.md §5 seq), inclusive. */
    fromSeq: z.number().int().min(1),
    toSeq: z.number().int().min(1),
    /** The hash of event `toSeq`, the head of the chain at this checkpoint. */
    head: Sm3Digest,
    signer: Person,
  })
  .refine((c) => c.toSeq >= c.fromSeq, { path: ['toSeq'], error: 'toSeq is before fromSeq' });

// ---------------------------------------------------------------- seal definition, credential

export const SealPicture = z
  .strictObject({
    type: z.enum(['SVG', 'PNG']),
    data: z.string().min(1).max(2_000_000).superRefine((value, ctx) => {
      const problem = base64Problem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: `the picture data ${problem}` });
    }),
    widthMm: z.number().gt(0).max(100),
    heightMm: z.number().gt(0).max(100),
  })
  .superRefine((p, ctx) => {
    if (base64Problem(p.data) !== null) return;
    const bytes = decodeBase64(p.data);
    const png = bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b);
    if (p.type === 'PNG' && !png) ctx.addIssue({ code: 'custom', path: ['data'], message: 'is not a PNG image' });
    if (p.type === 'SVG' && png) ctx.addIssue({ code: 'custom', path: ['data'], message: 'is a PNG image, not SVG' });
  });

export const SealDefinition = z
  .strictObject({
    ...recordHeader('seal'),
    esID: EsId,
    name: Label(200),
    type: z.literal('contract'),
    /** The authority that owns the seal. */
    owner: Label(200),
    /** User ids of the seal custodians (印章管理员) who may apply it. */
    custodians: z.array(UserId).min(1, 'a seal has at least one custodian').max(50),
    picture: SealPicture,
    validStart: IsoDate,
    validEnd: IsoDate,
    /** Keys that may sign seal applications with this seal. */
    signerKeyIds: z.array(KeyId).min(1).max(50),
    /** The maker (the authority's key). */
    signer: Person,
  })
  .superRefine((s, ctx) => {
    if (s.validEnd < s.validStart) ctx.addIssue({ code: 'custom', path: ['validEnd'], message: 'the seal stops being valid before it starts' });
    if (!unique(s.custodians)) ctx.addIssue({ code: 'custom', path: ['custodians'], message: 'lists the same custodian twice' });
    if (!unique(s.signerKeyIds)) ctx.addIssue({ code: 'custom', path: ['signerKeyIds'], message: 'lists the same key twice' });
  });

const PemPublicKey = z
  .string()
  .max(4096)
  .regex(/^-----BEGIN PUBLIC KEY-----\r?\n(?:[A-Za-z0-9+/=]{1,76}\r?\n)+-----END PUBLIC KEY-----\r?\n?$/, 'expected a PEM public key (SPKI, "-----BEGIN PUBLIC KEY-----")');

export const Credential = z
  .strictObject({
    ...recordHeader('credential'),
    subject: z
      .strictObject({
        id: UserId,
        name: Label(100),
        roles: z.array(z.enum(CREDENTIAL_ROLES)).min(1, 'a credential grants at least one role'),
      })
      .refine((s) => unique(s.roles), { path: ['roles'], error: 'lists the same role twice' }),
    /** The subject's public key, PEM SPKI. */
    publicKey: PemPublicKey,
    /** Valid from the start of validFrom to the end of validTo (dates, inclusive). */
    validFrom: IsoDate,
    validTo: IsoDate,
    /** The authority that issued the credential. */
    signer: Person,
  })
  .refine((c) => c.validTo >= c.validFrom, { path: ['validTo'], error: 'the credential ends before it starts' });

// ---------------------------------------------------------------- any record, the envelope

/** Every record kind by its `format`. */
export const RECORD_SCHEMAS = {
  'review-decision': ReviewDecision,
  'expert-opinion': ExpertOpinion,
  annotation: Annotation,
  'seal-request': SealRequest,
  'seal-approval': SealApproval,
  'seal-application': SealApplication,
  reveal: Reveal,
  revocation: Revocation,
  'audit-checkpoint': AuditCheckpoint,
  seal: SealDefinition,
  credential: Credential,
} as const;

export type RecordFormat = keyof typeof RECORD_SCHEMAS;
export const RECORD_FORMATS = Object.keys(RECORD_SCHEMAS) as RecordFormat[];

export const SignedRecord = z.discriminatedUnion(
  'format',
  [ReviewDecision, ExpertOpinion, Annotation, SealRequest, SealApproval, SealApplication, Reveal, Revocation, AuditCheckpoint, SealDefinition, Credential],
  { error: `unknown record format; expected one of ${RECORD_FORMATS.join(', ')}` },
);

export const Signature = z
  .strictObject({
    alg: z.enum(['SM2-SM3', 'Ed25519']),
    keyId: KeyId,
    /** SM2 only, and then exactly `1234567812345678`. */
    userId: z.string().optional(),
    value: z.string().min(1).max(200),
  })
  .superRefine((s, ctx) => {
    if (s.alg === 'SM2-SM3' && s.userId === undefined) ctx.addIssue({ code: 'custom', path: ['userId'], message: `is required for SM2-SM3 and must be "${SM2_USER_ID}"` });
    if (s.alg === 'SM2-SM3' && s.userId !== undefined && s.userId !== SM2_USER_ID) ctx.addIssue({ code: 'custom', path: ['userId'], message: `must be "${SM2_USER_ID}" for SM2-SM3` });
    if (s.alg === 'Ed25519' && s.userId !== undefined) ctx.addIssue({ code: 'custom', path: ['userId'], message: 'must be absent for Ed25519' });
    if (!s.keyId.startsWith(`${KEY_ID_PREFIX[s.alg]}:`)) ctx.addIssue({ code: 'custom', path: ['keyId'], message: `is not a ${s.alg} key id (expected "${KEY_ID_PREFIX[s.alg]}:…")` });
    const problem = base64Problem(s.value);
    if (problem) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
      return;
    }
    const bytes = decodeBase64(s.value);
    if (s.alg === 'Ed25519' && bytes.length !== 64) ctx.addIssue({ code: 'custom', path: ['value'], message: `an Ed25519 signature is 64 bytes, this one is ${bytes.length}` });
    // A DER ECDSA-Sig-Value over a 256-bit curve: SEQUENCE of two INTEGERs, 8 to 72 bytes.
    if (s.alg === 'SM2-SM3' && (bytes.length < 8 || bytes.length > 72 || bytes[0] !== 0x30)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'is not a DER-encoded SM2 signature (SEQUENCE of r and s)' });
    }
  });

export const Envelope = z.strictObject({ record: SignedRecord, signature: Signature });

export type Acknowledgement = z.output<typeof Acknowledgement>;
export type Recipient = z.output<typeof Recipient>;
export type ReviewDecision = z.output<typeof ReviewDecision>;
export type ExpertOpinion = z.output<typeof ExpertOpinion>;
export type Anchor = z.output<typeof Anchor>;
export type Annotation = z.output<typeof Annotation>;
export type SealRequest = z.output<typeof SealRequest>;
export type SealApproval = z.output<typeof SealApproval>;
export type TbsSign = z.output<typeof TbsSign>;
export type SealApplication = z.output<typeof SealApplication>;
export type Reveal = z.output<typeof Reveal>;
export type Revocation = z.output<typeof Revocation>;
export type AuditCheckpoint = z.output<typeof AuditCheckpoint>;
export type SealPicture = z.output<typeof SealPicture>;
export type SealDefinition = z.output<typeof SealDefinition>;
export type Credential = z.output<typeof Credential>;
export type SignedRecord = z.output<typeof SignedRecord>;
export type Signature = z.output<typeof Signature>;
export type Envelope<R extends SignedRecord = SignedRecord> = { record: R; signature: Signature };

/** The person who signs a record of this kind: reviewer, expert, author, or signer. */
export function recordSigner(record: SignedRecord): Person {
  switch (record.format) {
    case 'review-decision':
      return record.reviewer;
    case 'expert-opinion':
      return record.expert;
    case 'annotation':
      return record.author;
    case 'seal-request':
    case 'seal-approval':
    case 'seal-application':
    case 'reveal':
    case 'revocation':
    case 'audit-checkpoint':
    case 'seal':
    case 'credential':
      return record.signer;
  }
}
