/**
 * The signed records that concern one candidate revision, read from the journal and each
 * verified against the credential of the person who signed it: decisions, revocations of them,
 * and the seal requests, approvals and applications of those decisions. A record that does not
 * verify is left out (and logged): nothing unverified decides anything.
 */
import { verifySignature } from '../../../shared/crypto/signing';
import { credentialKeys, type VerifiedCredential } from '../../../shared/identity/credentials';
import { verifyEnvelope } from '../../../shared/records/envelope';
import type { Envelope, ReviewDecision, SignedRecord } from '../../../shared/records/schemas';
import type { Journal } from '../journal/journal';
import type { Logger } from '../log';

export type CandidateRecords = {
  /** Every verified record of the revision, oldest first. */
  records: SignedRecord[];
  /** The envelope of each record, by id. */
  envelopes: Map<string, Envelope>;
};

/** Reads the records of candidate `id` revision `revision`, verified with `credentials`. */
export async function candidateRecords(journal: Journal, credentials: readonly VerifiedCredential[], id: string, revision: number, log?: Logger): Promise<CandidateRecords> {
  const resolve = credentialKeys(credentials);
  const verified: { record: SignedRecord; envelope: Envelope }[] = [];
  for await (const { envelope, line } of journal.read()) {
    const format = envelope.record.format;
    if (format !== 'review-decision' && format !== 'revocation' && format !== 'seal-request' && format !== 'seal-approval' && format !== 'seal-application') continue;
    const result = verifyEnvelope(JSON.stringify(envelope), resolve, verifySignature);
    if (!result.ok) {
      log?.warn('a journal record does not verify against a trusted credential; it is ignored', { line, code: result.code });
      continue;
    }
    verified.push({ record: result.record, envelope: result.envelope });
  }
  // Decisions of the revision, then what refers to them (by id), transitively in record order.
  const ids = new Set<string>();
  const records: SignedRecord[] = [];
  const envelopes = new Map<string, Envelope>();
  const take = (record: SignedRecord, envelope: Envelope) => {
    ids.add(record.id);
    records.push(record);
    envelopes.set(record.id, envelope);
  };
  for (const { record, envelope } of verified) {
    if (record.format === 'review-decision' && record.candidate.id === id && record.candidate.revision === revision) take(record, envelope);
    else if (record.format === 'revocation' && ids.has(record.target)) take(record, envelope);
    else if (record.format === 'seal-request' && ids.has(record.decision)) take(record, envelope);
    else if (record.format === 'seal-approval' && ids.has(record.request)) take(record, envelope);
    else if (record.format === 'seal-application' && ids.has(record.request) && ids.has(record.approval)) take(record, envelope);
  }
  return { records, envelopes };
}

export function decisionsOf(records: readonly SignedRecord[]): ReviewDecision[] {
  return records.filter((r): r is ReviewDecision => r.format === 'review-decision');
}
