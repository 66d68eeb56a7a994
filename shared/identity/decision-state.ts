/**
 * Where a candidate's review stands, derived from its signed records alone (never from
 * timestamps, never from edits): first decisions, the second reviews that countersign them,
 * and revocations. A first decision and its second reviews form a round. The rules:
 * - a round agrees when every decision in it approves (final-approved) or none does
 *   (returned, or final-rejected if any rejects); otherwise it is a disagreement, which only
 *   a new round resolves;
 * - without a required second review, a first decision alone settles its round;
 * - a revoked decision withdraws its round; withdrawing an approval leaves the candidate revoked;
 * - a second review counts only by a different person, on the same candidate bytes.
 * When records from parallel offline work settle differently, the stricter result stands:
 * reject over return over approve.
 */
import { isApproving, type ReviewDecision, type SignedRecord } from '../records/schemas';

export type DecisionState = 'none' | 'first-signed-awaiting-second' | 'final-approved' | 'final-rejected' | 'disagreement' | 'returned' | 'revoked';

export type RoundVerdict = 'pending' | 'approve' | 'return' | 'reject' | 'disagreement';

/** A first decision with the second reviews that countersign it. */
export type DecisionRound = { first: ReviewDecision; seconds: ReviewDecision[]; verdict: RoundVerdict; withdrawn: boolean };

export type DecisionAnalysis = {
  state: DecisionState;
  rounds: DecisionRound[];
  /** The round that settles the state (final or returned), if any. */
  settledBy: DecisionRound | null;
  /** Second reviews that do not count, with why. */
  ignored: { decision: ReviewDecision; reason: string }[];
};

export type DecisionStateOptions = {
  /** A field's grade reaches the policy's `review.secondReviewerFromGrade`. */
  secondReviewRequired: boolean;
  /** Consider only this candidate revision's records; without it, all decisions must be of one revision. */
  candidate?: { id: string; revision: number };
};

/** The state of a candidate's review; see analyseDecisions for the rounds behind it. */
export function decisionState(records: readonly SignedRecord[], options: DecisionStateOptions): DecisionState {
  return analyseDecisions(records, options).state;
}

export function analyseDecisions(records: readonly SignedRecord[], options: DecisionStateOptions): DecisionAnalysis {
  const decisions = records.filter((r): r is ReviewDecision => r.format === 'review-decision').filter((d) => !options.candidate || (d.candidate.id === options.candidate.id && d.candidate.revision === options.candidate.revision));
  if (!options.candidate) {
    const revisions = new Set(decisions.map((d) => `${d.candidate.id}@${d.candidate.revision}`));
    if (revisions.size > 1) throw new TypeError(`decisions of more than one candidate revision (${[...revisions].join(', ')}); pass options.candidate`);
  }
  const revoked = new Set(records.flatMap((r) => (r.format === 'revocation' ? [r.target] : [])));

  const rounds = new Map<string, DecisionRound>();
  for (const d of decisions) if (d.role === 'reviewer') rounds.set(d.id, { first: d, seconds: [], verdict: 'pending', withdrawn: false });

  const ignored: DecisionAnalysis['ignored'] = [];
  for (const d of decisions) {
    if (d.role !== 'second-reviewer') continue;
    const round = d.countersigns === undefined ? undefined : rounds.get(d.countersigns);
    if (!round) ignored.push({ decision: d, reason: `countersigns ${d.countersigns ?? '(nothing)'}, which is not a first decision on this candidate` });
    else {
      const problem = secondReviewProblem(round.first, d);
      if (problem) ignored.push({ decision: d, reason: problem });
      else round.seconds.push(d);
    }
  }

  let approvalRevoked = false;
  for (const round of rounds.values()) {
    round.verdict = verdictOf(round, options.secondReviewRequired);
    round.withdrawn = revoked.has(round.first.id) || round.seconds.some((s) => revoked.has(s.id));
    if (round.withdrawn && round.verdict === 'approve') approvalRevoked = true;
  }

  const all = [...rounds.values()];
  const live = all.filter((r) => !r.withdrawn);
  const settled = (verdict: RoundVerdict) => live.find((r) => r.verdict === verdict) ?? null;
  const result = (state: DecisionState, settledBy: DecisionRound | null = null): DecisionAnalysis => ({ state, rounds: all, settledBy, ignored });

  if (approvalRevoked) return result('revoked', all.find((r) => r.withdrawn && r.verdict === 'approve') ?? null);
  const rejected = settled('reject');
  if (rejected) return result('final-rejected', rejected);
  const returned = settled('return');
  if (returned) return result('returned', returned);
  const approved = settled('approve');
  if (approved) return result('final-approved', approved);
  if (live.some((r) => r.verdict === 'pending')) return result('first-signed-awaiting-second');
  if (live.some((r) => r.verdict === 'disagreement')) return result('disagreement');
  return result('none');
}

/** Why `second` does not count as the second review of `first`, or null when it does. */
export function secondReviewProblem(first: ReviewDecision, second: ReviewDecision): string | null {
  if (second.role !== 'second-reviewer' || second.countersigns !== first.id) return `it does not countersign ${first.id}`;
  if (first.role !== 'reviewer') return `${first.id} is not a first decision`;
  if (second.reviewer.id === first.reviewer.id) return `the second review is by ${second.reviewer.id}, who signed the first decision`;
  if (second.candidate.id !== first.candidate.id || second.candidate.revision !== first.candidate.revision || second.candidate.digest !== first.candidate.digest) {
    return 'the second review is of other candidate bytes than the first decision';
  }
  return null;
}

function verdictOf(round: DecisionRound, secondReviewRequired: boolean): RoundVerdict {
  if (round.seconds.length === 0 && secondReviewRequired) return 'pending';
  const outcomes = [round.first, ...round.seconds].map((d) => d.outcome);
  if (outcomes.every(isApproving)) return 'approve';
  if (outcomes.some(isApproving)) return 'disagreement';
  return outcomes.includes('reject') ? 'reject' : 'return';
}
