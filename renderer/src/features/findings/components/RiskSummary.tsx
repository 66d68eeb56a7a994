/**
 * The risk summary at the top of the candidate page: findings by severity, how many warnings
 * a reviewer has acknowledged, and the approval gate — 批准 Approve stays disabled while a
 * blocking finding stands (or before the checks are done, or after the policy changed), with
 * the reason written beside it, not only in a tooltip. The enabled button opens the decision
 * form (`onApprove`), where the approval is signed.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckIcon, ChevronRightIcon, LockIcon } from '../../../app/components/icons';
import { riskSummary, SEVERITIES } from '../findings-model';
import type { FindingsControl } from '../use-findings';

export function RiskSummary({ findings, onReview, onApprove }: { findings: FindingsControl; onReview: (() => void) | null; onApprove: () => void }) {
  const { t } = useTranslation();
  const reasonId = useId();
  const view = findings.view;
  const risk = riskSummary(view, findings.status);
  const known = view !== null && view.state === 'ready';
  const { gate } = risk;

  const reason = gate.open
    ? t('risk.gate.open')
    : gate.reason === 'blocking'
      ? t('risk.gate.blocking', { count: gate.blocking })
      : t(`risk.gate.${gate.reason}`);

  return (
    <section className="risk-summary" data-testid="risk-summary" aria-label={t('risk.label')} data-gate={gate.open ? 'open' : gate.reason}>
      <div className="risk-counts">
        <span className="risk-label">{t('risk.label')}</span>
        {SEVERITIES.map((severity) => (
          <span
            key={severity}
            className={`risk-count severity-${severity}${!known || risk.counts[severity] === 0 ? ' is-quiet' : ''}`}
            data-testid={`risk-count-${severity}`}
            data-count={known ? risk.counts[severity] : undefined}
            title={t(`findings.severityHelp.${severity}`)}
          >
            <span className="severity-dot" aria-hidden="true" />
            <span className="risk-count-number tabular">{known ? risk.counts[severity] : '–'}</span>
            {t(`findings.severity.${severity}`)}
          </span>
        ))}
        {known && (
          <span className="risk-acknowledged muted" data-testid="risk-acknowledged" data-acknowledged={risk.acknowledgedWarnings} data-warnings={risk.warnings}>
            {risk.warnings === 0 ? t('risk.noWarnings') : t('risk.acknowledged', { done: risk.acknowledgedWarnings, total: risk.warnings })}
          </span>
        )}
        {onReview && (
          <button type="button" className="button ghost small" data-testid="risk-review" title={t('risk.reviewTitle')} onClick={onReview}>
            {t('risk.review')}
            <ChevronRightIcon size={14} />
          </button>
        )}
      </div>
      <div className="risk-gate">
        <span id={reasonId} className={`risk-gate-reason${gate.open ? ' is-open' : ''}`} data-testid="approve-reason">
          {gate.open ? <CheckIcon size={14} /> : <LockIcon size={14} />}
          {reason}
        </span>
        <button type="button" className="button primary" data-testid="approve" disabled={!gate.open} aria-describedby={reasonId} onClick={onApprove}>
          {t('risk.approve')}
        </button>
      </div>
    </section>
  );
}
