/**
 * The contract-seal workflow in main (用印, issue 5, DESIGN.md flow step 6): a reviewer requests
 * the seal for the decision document (出域审核意见书) of a final approval, a seal approver
 * approves or denies, and a custodian of the seal applies it — each a signed record by a
 * different person, checked by the role rules. Applying renders the sealed PDF, writes it
 * (fsync) under `<dataDir>/sealed/`, and signs the seal application whose `tbsSign.dataHash` is
 * the SM3 of the PDF bytes; it takes the next number of the seal-use ledger (用印登记).
 */
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { sm3Digest } from '../../../shared/crypto/digest';
import { can } from '../../../shared/identity/can';
import { analyseDecisions } from '../../../shared/identity/decision-state';
import type { Permission as RulePermission } from '../../../shared/identity/permission';
import type { Permission } from '../../../shared/ipc/schemas/decisions';
import type { LedgerRow, SealRequestItem, SealView } from '../../../shared/ipc/schemas/seal';
import { ServiceError } from '../../../shared/ipc/result';
import { recordDigest } from '../../../shared/records/envelope';
import type { ReviewDecision, SealApplication, SealApproval, SealDefinition, SealRequest, SignedRecord } from '../../../shared/records/schemas';
import { sealPicture, type SealGeometry } from '../../../shared/seal/seal-picture';
import type { AuditLog } from '../audit/audit-log';
import { appendChecked, type DecisionContext, type DecisionService } from '../decisions/decision-service';
import { chinaDay } from '../../../shared/formats/china-day';
import { DEMO_SEAL, type IdentityService, type Signer } from '../identity/identity-service';
import type { Journal } from '../journal/journal';
import type { Platform } from '../ports';
import { renderOpinionPdf, type OpinionDocumentInput, type OpinionReviewer } from '../sealed-pdf';
import { sealApplications } from './ledger-records';

export type SealService = {
  view(id: string, revision: number): Promise<SealView>;
  request(id: string, revision: number, reason: string, copies: number): Promise<SealView>;
  approve(id: string, revision: number, request: string, outcome: 'approve' | 'deny', comment: string): Promise<SealView>;
  apply(id: string, revision: number, request: string): Promise<SealView>;
  document(id: string, revision: number, application: string): Promise<{ name: string; pdfBase64: string }>;
  ledger(): Promise<LedgerRow[]>;
  ledgerCsv(): Promise<{ fileName: string; csv: string }>;
};

export type SealDeps = {
  platform: Pick<Platform, 'dataDir' | 'emit' | 'log'>;
  decisions: DecisionService;
  identity: IdentityService;
  journal: Journal;
  audit: AuditLog;
  now?: () => Date;
};

const ALLOWED: Permission = { allowed: true, reason: null, reasonZh: null };
const toPermission = (p: RulePermission): Permission => (p.allowed ? ALLOWED : { allowed: false, reason: p.reason, reasonZh: p.reasonZh });
const refused = (reason: string, reasonZh: string): Permission => ({ allowed: false, reason, reasonZh });

const TITLE = '出域审核意见书';

export function createSealService(deps: SealDeps): SealService {
  const { decisions, identity, journal, audit, platform } = deps;
  const now = deps.now ?? (() => new Date());
  const sealedDir = join(platform.dataDir, 'sealed');

  /** The decision of the settling round a seal is requested for: the first decision of a final approval. */
  const finalDecision = (ctx: DecisionContext): { decision: ReviewDecision; second: ReviewDecision | null } | null => {
    const analysis = analyseDecisions(ctx.records, { secondReviewRequired: ctx.secondReviewRequired, candidate: { id: ctx.manifest.id, revision: ctx.manifest.revision } });
    if (analysis.state !== 'final-approved' || !analysis.settledBy) return null;
    return { decision: analysis.settledBy.first, second: analysis.settledBy.seconds.at(-1) ?? null };
  };

  const byFormat = <F extends SignedRecord['format']>(records: readonly SignedRecord[], format: F) => records.filter((r): r is Extract<SignedRecord, { format: F }> => r.format === format);

  const requestItems = (ctx: DecisionContext): SealRequestItem[] => {
    const approvals = byFormat(ctx.records, 'seal-approval');
    const applications = byFormat(ctx.records, 'seal-application');
    return byFormat(ctx.records, 'seal-request').map((request) => {
      const approval = approvals.find((a) => a.request === request.id) ?? null;
      const application = approval ? (applications.find((a) => a.request === request.id && a.approval === approval.id) ?? null) : null;
      return {
        id: request.id,
        decision: request.decision,
        document: { ...request.document },
        reason: request.reason,
        copies: request.copies,
        requestedBy: { id: request.signer.id, name: request.signer.name },
        createdAt: request.createdAt,
        approval: approval ? { id: approval.id, outcome: approval.outcome, comment: approval.comment, by: { id: approval.signer.id, name: approval.signer.name }, createdAt: approval.createdAt } : null,
        application: application
          ? { id: application.id, ledgerNo: application.ledgerNo, appliedAt: application.appliedAt, by: { id: application.signer.id, name: application.signer.name }, document: { ...application.document } }
          : null,
        status: application ? 'applied' : approval ? (approval.outcome === 'approve' ? 'approved' : 'denied') : 'requested',
      };
    });
  };

  const permissions = (ctx: DecisionContext, seal: SealDefinition | null): SealView['can'] => {
    const noUser = refused('Choose who you are (a user with a credential) first.', '请先选择您的身份（持有凭证的用户）。');
    if (!ctx.actor) return { request: noUser, approve: noUser, apply: noUser };
    if (!seal) {
      const none = refused('No seal is defined on this workstation.', '本工作站尚未定义印章。');
      return { request: none, approve: none, apply: none };
    }
    const actor = ctx.actor;
    const final = finalDecision(ctx);
    const items = requestItems(ctx);
    const open = items.find((i) => i.status === 'requested' || i.status === 'approved');
    let request: Permission;
    if (!final) request = refused('The seal is applied only to a final approval.', '只有最终批准的决定才能用印。');
    else if (!ctx.policy?.policy.review.sealRequiredFor.includes(final.decision.outcome))
      request = refused(`The policy does not require the seal for "${final.decision.outcome}".`, '按照政策，该审核结果无需用印。');
    else if (open) request = refused('A seal request for this candidate is already in progress.', '该申请已有进行中的用印申请。');
    else if (items.some((i) => i.status === 'applied')) request = refused('The decision document is already sealed.', '该审核意见书已用印。');
    else request = toPermission(can('seal-request', actor, { decision: final.decision, records: ctx.records, secondReviewRequired: ctx.secondReviewRequired }));
    const pending = items.find((i) => i.status === 'requested');
    const pendingRecord = pending ? byFormat(ctx.records, 'seal-request').find((r) => r.id === pending.id)! : null;
    const approve = pendingRecord ? toPermission(can('seal-approve', actor, { request: pendingRecord })) : refused('No seal request is waiting for approval.', '没有待审批的用印申请。');
    const approved = items.find((i) => i.status === 'approved');
    let apply: Permission = refused('No approved seal request is waiting to be applied.', '没有待用印的已批准申请。');
    if (approved) {
      const requestRecord = byFormat(ctx.records, 'seal-request').find((r) => r.id === approved.id)!;
      const approval = byFormat(ctx.records, 'seal-approval').find((a) => a.id === approved.approval!.id)!;
      apply = toPermission(can('seal-apply', actor, { request: requestRecord, approval, seal, at: chinaDay(now()) }));
    }
    return { request, approve, apply };
  };

  const viewOf = async (ctx: DecisionContext): Promise<SealView> => {
    const seal = await identity.seal();
    const credentials = await identity.credentials();
    const nameOf = (userId: string) => credentials.find((c) => c.credential.subject.id === userId)?.credential.subject.name ?? userId;
    const final = finalDecision(ctx);
    return {
      seal: seal
        ? {
            esID: seal.record.esID,
            name: seal.record.name,
            owner: seal.record.owner,
            svg: seal.svg,
            custodians: seal.record.custodians.map((id) => ({ id, name: nameOf(id) })),
            validStart: seal.record.validStart,
            validEnd: seal.record.validEnd,
          }
        : null,
      decision: final ? { id: final.decision.id, outcome: final.decision.outcome } : null,
      sealRequired: final ? (ctx.policy?.policy.review.sealRequiredFor.includes(final.decision.outcome) ?? false) : false,
      requests: requestItems(ctx),
      can: permissions(ctx, seal?.record ?? null),
    };
  };

  const view = async (id: string, revision: number) => viewOf(await decisions.context(id, revision));

  const refuse = (permission: Permission): never => {
    throw new ServiceError('seal.not-allowed', permission.reason ?? 'Not allowed.', { reasonZh: permission.reasonZh ?? '' });
  };

  const person = (signer: Signer) => ({ id: signer.user.id, name: signer.user.name, keyId: signer.keyId });
  const handleOf = (signer: Signer) => ({ alg: signer.user.alg, keyId: signer.keyId, sign: signer.sign });

  /** The 意见书 of a final approval: unsealed for the request, sealed (with `seal`) when applied. */
  const opinionInput = async (ctx: DecisionContext, seal: SealGeometry | null, issuedDate: string): Promise<OpinionDocumentInput> => {
    const final = finalDecision(ctx);
    if (!final) throw new ServiceError('seal.no-final-decision', 'The candidate has no final approval to issue a decision document for.');
    const reviewer = (d: ReviewDecision): OpinionReviewer => ({ name: d.reviewer.name, id: d.reviewer.id, keyId: d.reviewer.keyId, decisionRecordId: d.id, signedAt: d.createdAt });
    const settling = final.second ?? final.decision;
    const envelope = ctx.envelopes.get(settling.id)!;
    const summary = { block: final.decision.findings.block, warn: final.decision.findings.warn };
    return {
      title: TITLE,
      candidate: { id: ctx.manifest.id, revision: ctx.manifest.revision, digest: ctx.stored.meta.digest },
      productName: ctx.manifest.product.name,
      operator: { name: ctx.manifest.operator.name, creditCode: ctx.manifest.operator.creditCode },
      scenario: { id: ctx.manifest.scenario.id, name: ctx.manifest.scenario.name },
      recipient: { name: ctx.manifest.recipient.name, creditCode: ctx.manifest.recipient.creditCode },
      outcome: final.decision.outcome,
      conditions: [...final.decision.conditions],
      comment: final.decision.comment,
      findings: { block: summary.block, warn: summary.warn, info: 0, acknowledged: final.decision.findings.acknowledged.map((a) => ({ ...a })) },
      reviewers: { first: reviewer(final.decision), second: final.second ? reviewer(final.second) : null },
      policy: { ...final.decision.policy },
      decisionDigest: await recordDigest(envelope),
      issuedDate,
      authorityName: (await identity.seal())?.record.owner ?? '',
      seal,
    };
  };

  const documentName = (ctx: DecisionContext) => `${TITLE}-${ctx.manifest.id}-r${ctx.manifest.revision}.pdf`;

  const request = async (id: string, revision: number, reason: string, copies: number): Promise<SealView> => {
    const signer = await identity.signer();
    const ctx = await decisions.context(id, revision);
    const seal = await identity.seal();
    const allowed = permissions(ctx, seal?.record ?? null);
    if (!allowed.request.allowed) refuse(allowed.request);
    const final = finalDecision(ctx)!;
    const unsealed = await renderOpinionPdf(await opinionInput(ctx, null, chinaDay(now())));
    const unsealedDigest = await sm3Digest(unsealed);
    const envelope = await appendChecked(() =>
      journal.appendNew<SealRequest>(
        {
          format: 'seal-request',
          formatVersion: 1,
          decision: final.decision.id,
          document: { name: documentName(ctx), digest: unsealedDigest },
          sealId: seal!.record.esID,
          reason,
          copies,
          signer: person(signer),
        },
        handleOf(signer),
      ),
    );
    await audit.append({ actor: signer.user.id, action: 'seal', target: `${id}@${revision}`, detail: { step: 'request', record: envelope.record.id, decision: final.decision.id, copies } });
    platform.emit('decision:changed', { id, revision });
    return view(id, revision);
  };

  const approve = async (id: string, revision: number, requestId: string, outcome: 'approve' | 'deny', comment: string): Promise<SealView> => {
    const signer = await identity.signer();
    const ctx = await decisions.context(id, revision);
    const requestRecord = byFormat(ctx.records, 'seal-request').find((r) => r.id === requestId);
    if (!requestRecord) throw new ServiceError('seal.not-found', `There is no seal request ${requestId} for ${id} revision ${revision}.`, { request: requestId });
    if (byFormat(ctx.records, 'seal-approval').some((a) => a.request === requestId)) throw new ServiceError('seal.already-decided', 'This seal request has already been approved or denied.');
    if (!ctx.actor) throw new ServiceError('identity.no-user', 'Choose who you are first.');
    const permission = toPermission(can('seal-approve', ctx.actor, { request: requestRecord }));
    if (!permission.allowed) refuse(permission);
    const envelope = await appendChecked(() =>
      journal.appendNew<SealApproval>({ format: 'seal-approval', formatVersion: 1, request: requestId, outcome, comment, signer: person(signer) }, handleOf(signer)),
    );
    await audit.append({ actor: signer.user.id, action: 'seal', target: `${id}@${revision}`, detail: { step: 'approval', record: envelope.record.id, request: requestId, outcome } });
    platform.emit('decision:changed', { id, revision });
    return view(id, revision);
  };

  /** The seal's drawing: the geometry whose SVG is the definition's picture (so the PDF shows the very seal that was defined). */
  const geometryOf = (seal: { record: SealDefinition; svg: string }): SealGeometry => {
    for (const code of [undefined, DEMO_SEAL.code]) {
      const picture = sealPicture({ name: seal.record.name, ...(code ? { code } : {}) });
      if (picture.svg === seal.svg) return picture.geometry;
    }
    throw new ServiceError('seal.picture-unsupported', `The picture of the seal "${seal.record.name}" is not one the workstation can draw into a document.`);
  };

  let applying: Promise<unknown> = Promise.resolve();
  const apply = (id: string, revision: number, requestId: string): Promise<SealView> => {
    // One application at a time: each takes the next ledger number.
    const run = applying.then(() => applyNow(id, revision, requestId));
    applying = run.catch(() => undefined);
    return run;
  };

  const applyNow = async (id: string, revision: number, requestId: string): Promise<SealView> => {
    const signer = await identity.signer();
    const ctx = await decisions.context(id, revision);
    const seal = await identity.seal();
    if (!seal) throw new ServiceError('seal.none', 'No seal is defined on this workstation.');
    const requestRecord = byFormat(ctx.records, 'seal-request').find((r) => r.id === requestId);
    const approval = byFormat(ctx.records, 'seal-approval').find((a) => a.request === requestId);
    if (!requestRecord || !approval) throw new ServiceError('seal.not-found', `There is no approved seal request ${requestId} for ${id} revision ${revision}.`, { request: requestId });
    if (byFormat(ctx.records, 'seal-application').some((a) => a.request === requestId)) throw new ServiceError('seal.already-applied', 'The seal has already been applied for this request.');
    const at = now();
    const permission = toPermission(can('seal-apply', ctx.actor!, { request: requestRecord, approval, seal: seal.record, at: chinaDay(at) }));
    if (!permission.allowed) refuse(permission);
    if (!seal.record.signerKeyIds.includes(signer.keyId)) {
      throw new ServiceError('seal.key-not-listed', `Your key ${signer.keyId} is not one of the keys the seal "${seal.record.name}" may be applied with.`, {});
    }
    const pdf = await renderOpinionPdf(await opinionInput(ctx, geometryOf(seal), chinaDay(at)));
    const digest = await sm3Digest(pdf);
    const ledgerNo = await nextLedgerNo(chinaDay(at).slice(0, 4));
    await mkdir(sealedDir, { recursive: true });
    const file = join(sealedDir, `${ledgerNo}.pdf`);
    await writeDurably(file, pdf);
    const appliedAt = at.toISOString();
    const envelope = await appendChecked(() =>
      journal.appendNew<SealApplication>(
        {
          format: 'seal-application',
          formatVersion: 1,
          request: requestId,
          approval: approval.id,
          sealId: seal.record.esID,
          document: { name: requestRecord.document.name, digest, bytes: pdf.length },
          ledgerNo,
          appliedAt,
          tbsSign: { version: 4, esID: seal.record.esID, timeInfo: appliedAt, dataHash: digest, propertyInfo: `application/pdf; bytes=${pdf.length}` },
          signer: person(signer),
        },
        handleOf(signer),
      ),
    );
    await audit.append({ actor: signer.user.id, action: 'seal', target: `${id}@${revision}`, detail: { step: 'application', record: envelope.record.id, request: requestId, ledgerNo, documentDigest: digest } });
    platform.emit('decision:changed', { id, revision });
    return view(id, revision);
  };

  /** Every verified seal application in the journal, with its request and approval. */
  const applications = async () => {
    return sealApplications(journal, await identity.credentials(), platform.log);
  };

  const nextLedgerNo = async (year: string): Promise<string> => {
    const used = (await applications()).map((a) => a.application.ledgerNo).filter((n) => n.startsWith(`${year}-`));
    const last = Math.max(0, ...used.map((n) => Number(n.slice(5))));
    return `${year}-${String(last + 1).padStart(4, '0')}`;
  };

  const document = async (id: string, revision: number, applicationId: string) => {
    const ctx = await decisions.context(id, revision);
    const application = byFormat(ctx.records, 'seal-application').find((a) => a.id === applicationId);
    if (!application) throw new ServiceError('seal.not-found', `There is no seal application ${applicationId} for ${id} revision ${revision}.`, { application: applicationId });
    const file = join(sealedDir, `${application.ledgerNo}.pdf`);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      throw new ServiceError('seal.document-missing', `The sealed document ${application.ledgerNo}.pdf is missing from ${sealedDir}.`, { file });
    }
    if ((await sm3Digest(bytes)) !== application.document.digest) {
      throw new ServiceError('seal.document-tampered', `The sealed document ${application.ledgerNo}.pdf no longer matches the digest its seal application signed; it was changed after sealing.`, { file });
    }
    return { name: application.document.name, pdfBase64: bytes.toString('base64') };
  };

  const ledger = async (): Promise<LedgerRow[]> => {
    const seal = await identity.seal();
    return (await applications()).map(({ request, approval, application, decision }) => ({
      ledgerNo: application.ledgerNo,
      sealName: seal && seal.record.esID === application.sealId ? seal.record.name : application.sealId,
      candidate: { id: decision.candidate.id, revision: decision.candidate.revision },
      document: { name: application.document.name, digest: application.document.digest },
      reason: request.reason,
      copies: request.copies,
      requestedBy: { id: request.signer.id, name: request.signer.name },
      approvedBy: { id: approval.signer.id, name: approval.signer.name },
      appliedBy: { id: application.signer.id, name: application.signer.name },
      requestedAt: request.createdAt,
      approvedAt: approval.createdAt,
      appliedAt: application.appliedAt,
    }));
  };

  const ledgerCsv = async () => {
    const rows = await ledger();
    const header = ['用印登记号', '印章', '申请编号', '修订版', '文件', '文件 SM3', '事由', '份数', '申请人', '审批人', '用印人', '申请时间', '审批时间', '用印时间'];
    const lines = [header, ...rows.map((r) => [r.ledgerNo, r.sealName, r.candidate.id, String(r.candidate.revision), r.document.name, r.document.digest, r.reason, String(r.copies), r.requestedBy.name, r.approvedBy.name, r.appliedBy.name, r.requestedAt, r.approvedAt, r.appliedAt])];
    const csv = '\uFEFF' + lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
    return { fileName: `用印登记-${chinaDay(now())}.csv`, csv };
  };

  return { view, request, approve, apply, document, ledger, ledgerCsv };
}

/** A CSV cell: quoted when needed; a leading =, +, - or @ is prefixed so spreadsheets do not run it as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Writes `bytes` to `file` through a temporary file, fsynced, then renamed into place. */
async function writeDurably(file: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${file}.tmp`;
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, file);
}
