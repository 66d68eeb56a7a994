/**
 * Schemas of the contract-seal channels (用印): the seal and its picture, each request of a
 * candidate with its approval and application, what the current user may do, the sealed
 * 出域审核意见书, and the seal-use ledger (用印登记).
 */
import { z } from 'zod';
import { Permission } from './decisions';
import { CandidateRef } from './preview';

const Who = z.strictObject({ id: z.string(), name: z.string() });

export const SealSummary = z.strictObject({
  esID: z.string(),
  name: z.string(),
  owner: z.string(),
  /** The seal's picture as SVG text (drawn by shared/seal), for display. */
  svg: z.string(),
  custodians: z.array(Who),
  validStart: z.string(),
  validEnd: z.string(),
});
export type SealSummary = z.output<typeof SealSummary>;

export const SealRequestItem = z.strictObject({
  id: z.string(),
  decision: z.string(),
  document: z.strictObject({ name: z.string(), digest: z.string() }),
  reason: z.string(),
  copies: z.number().int(),
  requestedBy: Who,
  createdAt: z.string(),
  approval: z.strictObject({ id: z.string(), outcome: z.enum(['approve', 'deny']), comment: z.string(), by: Who, createdAt: z.string() }).nullable(),
  application: z
    .strictObject({
      id: z.string(),
      ledgerNo: z.string(),
      appliedAt: z.string(),
      by: Who,
      document: z.strictObject({ name: z.string(), digest: z.string(), bytes: z.number().int() }),
    })
    .nullable(),
  status: z.enum(['requested', 'approved', 'denied', 'applied']),
});
export type SealRequestItem = z.output<typeof SealRequestItem>;

export const SealView = z.strictObject({
  seal: SealSummary.nullable(),
  /** The final decision of the candidate a seal may be requested for, and whether the policy requires one. */
  decision: z.strictObject({ id: z.string(), outcome: z.string() }).nullable(),
  sealRequired: z.boolean(),
  requests: z.array(SealRequestItem),
  can: z.strictObject({ request: Permission, approve: Permission, apply: Permission }),
});
export type SealView = z.output<typeof SealView>;

export const SealRequestRequest = CandidateRef.extend({
  reason: z.string().trim().min(2).max(2000),
  copies: z.number().int().min(1).max(100),
});

export const SealApproveRequest = CandidateRef.extend({
  request: z.string().min(1).max(26),
  outcome: z.enum(['approve', 'deny']),
  comment: z.string().max(2000),
});

export const SealApplyRequest = CandidateRef.extend({ request: z.string().min(1).max(26) });

export const SealDocumentRequest = CandidateRef.extend({ application: z.string().min(1).max(26) });

export const SealDocument = z.strictObject({ name: z.string(), pdfBase64: z.string() });

export const LedgerRow = z.strictObject({
  ledgerNo: z.string(),
  sealName: z.string(),
  candidate: z.strictObject({ id: z.string(), revision: z.number().int() }),
  document: z.strictObject({ name: z.string(), digest: z.string() }),
  reason: z.string(),
  copies: z.number().int(),
  requestedBy: Who,
  approvedBy: Who,
  appliedBy: Who,
  requestedAt: z.string(),
  approvedAt: z.string(),
  appliedAt: z.string(),
});
export type LedgerRow = z.output<typeof LedgerRow>;
