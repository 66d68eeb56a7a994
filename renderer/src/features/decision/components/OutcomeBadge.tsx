/** A decision's outcome as a coloured badge: 同意出域, 附条件同意出域, 退回修改, 不同意出域. */
import { useTranslation } from 'react-i18next';
import type { DecisionOutcome } from '../../../../../shared/formats/policy';

export function OutcomeBadge({ outcome }: { outcome: DecisionOutcome }) {
  const { t } = useTranslation();
  return (
    <span className={`outcome-badge outcome-${outcome}`} data-testid="decision-outcome" data-outcome={outcome}>
      {t(`decision.outcomes.${outcome}`)}
    </span>
  );
}
