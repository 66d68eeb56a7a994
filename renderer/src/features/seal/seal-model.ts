/**
 * The rules of the seal workflow's forms and displays, apart from React: a request's steps
 * (requested → approved or denied → applied with its ledger number), the checks of the request
 * and approval forms (the same limits main applies: a reason, 1–100 copies, a denial says why),
 * and decoding the sealed PDF main sends as base64.
 */
import type { SealRequestItem } from '../../../../shared/ipc/schemas/seal';

export const MIN_SEAL_REASON = 2;
export const MAX_SEAL_REASON = 2000;
export const MAX_COPIES = 100;
export const MAX_APPROVAL_COMMENT = 2000;

export type StepState = 'done' | 'current' | 'pending' | 'refused' | 'skipped';

export type SealStep =
  | { step: 'requested'; state: StepState; by: SealRequestItem['requestedBy']; at: string }
  | { step: 'approval'; state: StepState; by: { id: string; name: string } | null; at: string | null; outcome: 'approve' | 'deny' | null; comment: string | null }
  | { step: 'applied'; state: StepState; by: { id: string; name: string } | null; at: string | null; ledgerNo: string | null };

/** The three steps of a request and where each stands. */
export function sealSteps(item: SealRequestItem): [SealStep, SealStep, SealStep] {
  const { approval, application } = item;
  const denied = approval?.outcome === 'deny';
  return [
    { step: 'requested', state: 'done', by: item.requestedBy, at: item.createdAt },
    {
      step: 'approval',
      state: approval === null ? 'current' : denied ? 'refused' : 'done',
      by: approval?.by ?? null,
      at: approval?.createdAt ?? null,
      outcome: approval?.outcome ?? null,
      comment: approval?.comment ?? null,
    },
    {
      step: 'applied',
      state: application !== null ? 'done' : denied ? 'skipped' : approval === null ? 'pending' : 'current',
      by: application?.by ?? null,
      at: application?.appliedAt ?? null,
      ledgerNo: application?.ledgerNo ?? null,
    },
  ];
}

export type SealRequestCheck =
  | { ok: true; reason: string; copies: number }
  | { ok: false; problems: ({ field: 'reason'; problem: 'too-short' | 'too-long' } | { field: 'copies'; problem: 'invalid' })[] };

/** The request form: a reason (at least 2 characters) and a whole number of copies from 1 to 100. */
export function checkSealRequest(reason: string, copies: string): SealRequestCheck {
  const problems: Extract<SealRequestCheck, { ok: false }>['problems'] = [];
  const text = reason.trim();
  if (text.length < MIN_SEAL_REASON) problems.push({ field: 'reason', problem: 'too-short' });
  else if (text.length > MAX_SEAL_REASON) problems.push({ field: 'reason', problem: 'too-long' });
  const count = /^\s*\d{1,3}\s*$/.test(copies) ? Number(copies) : Number.NaN;
  if (!Number.isInteger(count) || count < 1 || count > MAX_COPIES) problems.push({ field: 'copies', problem: 'invalid' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, reason: text, copies: count };
}

export type SealApprovalCheck = { ok: true; comment: string } | { ok: false; problem: 'required' | 'too-long' };

/** The approver's answer: a denial must say why; an approval's comment is optional. */
export function checkSealApproval(outcome: 'approve' | 'deny', comment: string): SealApprovalCheck {
  const text = comment.trim();
  if (text.length > MAX_APPROVAL_COMMENT) return { ok: false, problem: 'too-long' };
  if (outcome === 'deny' && text === '') return { ok: false, problem: 'required' };
  return { ok: true, comment: text };
}

/** Decodes standard base64 (as main sends the PDF) into bytes; throws on anything else. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const clean = base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) throw new TypeError('not base64');
  const binary = atob(clean);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Whether bytes start like a PDF file (`%PDF-`). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return bytes.length > 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
}

/** A safe file name for a download: no path separators or control characters, never empty. */
export function downloadName(name: string, fallback: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed.
  const cleaned = name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '_').trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? fallback : cleaned;
}
