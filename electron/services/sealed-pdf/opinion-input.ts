/**
 * What the 出域审核意见书 (export review decision document) says: a plain object assembled by
 * the seal workflow from the signed decision records (FORMATS.md §4), the policy and the
 * findings, plus the seal picture's geometry when the document is to be sealed.
 */
import type { SealGeometry } from '../../../shared/seal/seal-picture';

export type OpinionOutcome = 'approve' | 'approve-with-conditions' | 'return' | 'reject';

/** The outcome as the document states it. */
export const OUTCOME_ZH: Record<OpinionOutcome, string> = {
  approve: '同意出域',
  'approve-with-conditions': '附条件同意出域',
  return: '退回修改',
  reject: '不同意出域',
};

export type OpinionParty = { name: string; creditCode: string };

export type OpinionReviewer = {
  name: string;
  id: string;
  keyId: string;
  /** The id (ULID) of this reviewer's signed review-decision record. */
  decisionRecordId: string;
  /** When the decision was signed, as written in the record (ISO 8601). */
  signedAt: string;
};

export type OpinionDocumentInput = {
  /** The document's title, e.g. 出域审核意见书. */
  title: string;
  /** An optional document number shown under the title, e.g. 浙数审〔2026〕12号. */
  documentNumber?: string;
  candidate: { id: string; revision: number; digest: string };
  productName: string;
  operator: OpinionParty;
  scenario: { id: string; name: string };
  recipient: OpinionParty;
  outcome: OpinionOutcome;
  conditions: string[];
  comment: string;
  findings: {
    block: number;
    warn: number;
    info: number;
    acknowledged: { rule: string; justification: string }[];
  };
  reviewers: { first: OpinionReviewer; second?: OpinionReviewer | null };
  policy: { id: string; version: number; digest: string };
  /** `sm3:` of the decision record the document states (JCS of the final decision). */
  decisionDigest: string;
  /** The issue date, YYYY-MM-DD; also the PDF's creation and modification date. */
  issuedDate: string;
  /** The authority the document is issued by; the seal goes over this line, e.g. 浙江省数据局（样例）. */
  authorityName: string;
  /** The seal to draw over the authority line, or null for the unsealed document. */
  seal: SealGeometry | null;
};
