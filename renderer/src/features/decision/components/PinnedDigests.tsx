/**
 * What a decision signed now pins, in a small monospace block: the candidate revision and its
 * digest, the policy version and its digest, and the findings digest with the counts the
 * reviewer saw. A signature covers exactly these bytes.
 */
import { useTranslation } from 'react-i18next';
import type { DecisionView } from '../../../../../shared/ipc/schemas/decisions';

export function PinnedDigests({ view }: { view: DecisionView }) {
  const { t } = useTranslation();
  const { candidate, policy, findings } = view;
  return (
    <div className="pinned-digests" data-testid="decision-digests">
      <span className="field-label">{t('decision.digests.title')}</span>
      <dl className="pinned-digests-list">
        <div>
          <dt>{t('decision.digests.candidate')}</dt>
          <dd>
            <span className="pinned-ref">
              {candidate.id} r{candidate.revision}
            </span>
            <code data-testid="decision-digest-candidate">{candidate.digest}</code>
          </dd>
        </div>
        <div>
          <dt>{t('decision.digests.policy')}</dt>
          <dd>
            {policy ? (
              <>
                <span className="pinned-ref">{t('decision.digests.policyRef', { id: policy.id, version: policy.version })}</span>
                <code data-testid="decision-digest-policy">{policy.digest}</code>
              </>
            ) : (
              <span className="pinned-missing">{t('decision.digests.noPolicy')}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('decision.digests.findings')}</dt>
          <dd>
            {findings ? (
              <>
                <span className="pinned-ref">{t('decision.digests.findingsCounts', { block: findings.block, warn: findings.warn, acknowledged: findings.acknowledged.length })}</span>
                <code data-testid="decision-digest-findings">{findings.digest}</code>
              </>
            ) : (
              <span className="pinned-missing">{t('decision.digests.noFindings')}</span>
            )}
          </dd>
        </div>
      </dl>
    </div>
  );
}
