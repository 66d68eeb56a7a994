/**
 * The seal-use ledger's source: every seal application in the journal that verifies against a
 * trusted credential, with the request and approval it names and the decision the request is
 * for — across all candidates, oldest first.
 */
import { verifySignature } from '../../../shared/crypto/signing';
import { credentialKeys, type VerifiedCredential } from '../../../shared/identity/credentials';
import { verifyEnvelope } from '../../../shared/records/envelope';
import type { ReviewDecision, SealApplication, SealApproval, SealRequest, SignedRecord } from '../../../shared/records/schemas';
import type { Journal } from '../journal/journal';
import type { Logger } from '../log';

export type LedgerEntry = { application: SealApplication; request: SealRequest; approval: SealApproval; decision: ReviewDecision };

export async function sealApplications(journal: Journal, credentials: readonly VerifiedCredential[], log?: Logger): Promise<LedgerEntry[]> {
  const resolve = credentialKeys(credentials);
  const byId = new Map<string, SignedRecord>();
  const applications: SealApplication[] = [];
  for await (const { envelope, line } of journal.read()) {
    const format = envelope.record.format;
    if (format !== 'review-decision' && format !== 'seal-request' && format !== 'seal-approval' && format !== 'seal-application') continue;
    const result = verifyEnvelope(JSON.stringify(envelope), resolve, verifySignature);
    if (!result.ok) {
      log?.warn('a journal record does not verify against a trusted credential; it is left out of the ledger', { line, code: result.code });
      continue;
    }
    byId.set(result.record.id, result.record);
    if (result.record.format === 'seal-application') applications.push(result.record);
  }
  const entries: LedgerEntry[] = [];
  for (const application of applications) {
    const request = byId.get(application.request);
    const approval = byId.get(application.approval);
    const decision = request?.format === 'seal-request' ? byId.get(request.decision) : undefined;
    if (request?.format !== 'seal-request' || approval?.format !== 'seal-approval' || decision?.format !== 'review-decision') {
      log?.warn('a seal application names a request, approval or decision that is not in the journal; it is left out of the ledger', { record: application.id });
      continue;
    }
    entries.push({ application, request, approval, decision });
  }
  return entries;
}
