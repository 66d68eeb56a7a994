/** The local review status of a candidate as a small coloured badge (待审核 / 审核中). */
import { useTranslation } from 'react-i18next';
import type { ReviewStatus } from '../../db/database';

export function StatusBadge({ status }: { status: ReviewStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge status-${status}`} data-status={status}>
      <span className="badge-dot" aria-hidden="true" />
      {t(`status.${status}`)}
    </span>
  );
}
