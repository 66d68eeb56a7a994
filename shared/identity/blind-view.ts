/**
 * Blind second review (DESIGN.md flow step 5): a second reviewer must not see a first
 * decision's outcome, conditions or comment until their own review of it is signed, so the
 * second opinion is independent. blindView gives the records as a given viewer may see them.
 */
import type { ReviewDecision, SignedRecord } from '../records/schemas';
import { secondReviewProblem } from './decision-state';
import type { Actor } from './permission';

/** A first decision awaiting this viewer's second review: who signed it, when and on what, but not what it says. */
export type RedactedDecision = Omit<ReviewDecision, 'outcome' | 'conditions' | 'comment' | 'findings'> & {
  findings: Omit<ReviewDecision['findings'], 'acknowledged'>;
  redacted: true;
};

export type ViewedRecord = SignedRecord | RedactedDecision;

/**
 * The records as `viewer` may see them. For a viewer with the second-reviewer role, every
 * first decision by someone else that no valid second review has countersigned yet is redacted:
 * outcome, conditions, comment and the acknowledgement justifications are removed (not
 * blanked, so no code can read them by mistake). Once the viewer's second review is signed
 * it is in the records, the round is no longer open and nothing is hidden.
 */
export function blindView(records: readonly SignedRecord[], viewer: Pick<Actor, 'id' | 'roles'>): ViewedRecord[] {
  if (!viewer.roles.includes('second-reviewer')) return [...records];
  const seconds = records.filter((r): r is ReviewDecision => r.format === 'review-decision' && r.role === 'second-reviewer');
  return records.map((record) => {
    if (record.format !== 'review-decision' || record.role !== 'reviewer') return record;
    if (record.reviewer.id === viewer.id) return record;
    // Only a second review that counts opens the round: a self-countersignature or one on other bytes does not.
    if (seconds.some((s) => secondReviewProblem(record, s) === null)) return record;
    return redact(record);
  });
}

/** Whether a viewed record is a redacted first decision. */
export function isRedacted(record: ViewedRecord): record is RedactedDecision {
  return 'redacted' in record;
}

function redact(decision: ReviewDecision): RedactedDecision {
  const { outcome: _outcome, conditions: _conditions, comment: _comment, findings, ...rest } = decision;
  const { acknowledged: _acknowledged, ...counts } = findings;
  return { ...rest, findings: counts, redacted: true };
}
