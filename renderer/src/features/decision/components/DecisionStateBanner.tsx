/**
 * Where the review of this revision stands, in one banner: no decision yet, a first decision
 * awaiting its independent second review (and why one is required: the highest field grade
 * against the policy's threshold), final approval, return, rejection, a disagreement (resolved
 * only by a new pair of decisions) or a revoked approval.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionView } from '../../../../../shared/ipc/schemas/decisions';
import { CheckIcon, ErrorIcon, InfoIcon, WarningIcon } from '../../../app/components/icons';
import { stateTone } from '../decision-model';

export function DecisionStateBanner({ view }: { view: DecisionView }) {
  const { t } = useTranslation();
  const tone = stateTone(view.state);
  const Icon = tone === 'success' ? CheckIcon : tone === 'danger' ? ErrorIcon : tone === 'warning' ? WarningIcon : InfoIcon;
  const threshold = view.secondReviewFromGrade;
  const titleId = useId();

  return (
    <section className={`decision-state tone-${tone}`} data-testid="decision-state" data-state={view.state} aria-labelledby={titleId}>
      <Icon size={20} className="decision-state-icon" />
      <div className="decision-state-text">
        <h2 id={titleId} className="decision-state-title">
          <span className="decision-state-label">{t('decision.stateLabel')}</span>
          {t(`decision.states.${view.state}`)}
        </h2>
        <p className="decision-state-detail" data-testid="decision-state-detail">
          {t(`decision.stateDetail.${view.state}`)}
        </p>
        <p className="decision-state-meta muted small" data-testid="decision-second-review-rule" data-required={view.secondReviewRequired}>
          {threshold === null
            ? t('decision.secondReview.noThreshold', { grade: view.maxGrade })
            : view.secondReviewRequired
              ? t('decision.secondReview.required', { grade: view.maxGrade, threshold })
              : t('decision.secondReview.notRequired', { grade: view.maxGrade, threshold })}
        </p>
      </div>
    </section>
  );
}
