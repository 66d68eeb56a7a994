/** The authorization's validity against today: valid with days left, ends today, expired, or not yet valid. */
import { useTranslation } from 'react-i18next';
import { authorizationValidity } from '../validity';

export function ValidityBadge({ validFrom, validTo, today }: { validFrom: string; validTo: string; today: string }) {
  const { t } = useTranslation();
  const validity = authorizationValidity(validFrom, validTo, today);
  switch (validity.state) {
    case 'valid':
      return (
        <span className={validity.days <= 30 ? 'badge tone-warning' : 'badge tone-success'} data-testid="overview-validity" data-state="valid">
          {validity.days === 0 ? t('candidate.validity.lastDay') : t('candidate.validity.valid', { count: validity.days })}
        </span>
      );
    case 'expired':
      return (
        <span className="badge tone-danger" data-testid="overview-validity" data-state="expired">
          {t('candidate.validity.expired', { count: validity.days })}
        </span>
      );
    case 'not-yet':
      return (
        <span className="badge tone-warning" data-testid="overview-validity" data-state="not-yet">
          {t('candidate.validity.notYet', { count: validity.days })}
        </span>
      );
  }
}
