/**
 * The states every diff view shares: loading, failed (with the reason and a retry), empty,
 * and waiting for the scan (the views that compare values need its results).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanProgress } from '../../../../../shared/ipc/schemas/preview';
import { ErrorMessage } from '../../../app/components/ErrorMessage';
import { ErrorIcon } from '../../../app/components/icons';

export function DiffLoading() {
  const { t } = useTranslation();
  return (
    <p className="diff-state muted" role="status" data-testid="diff-loading">
      <span className="diff-spinner" aria-hidden="true" />
      {t('diff.state.loading')}
    </p>
  );
}

export function DiffFailed({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  return (
    <div className="banner banner-error diff-error" role="alert" data-testid="diff-error">
      <ErrorIcon />
      <span className="diff-error-text">
        <strong>{title ?? t('diff.state.failed')}</strong> <ErrorMessage error={error} />
      </span>
      {onRetry && (
        <button type="button" className="button small" data-testid="diff-retry" onClick={onRetry}>
          {t('diff.state.retry')}
        </button>
      )}
    </div>
  );
}

export function DiffEmpty({ children, testId = 'diff-empty' }: { children: ReactNode; testId?: string }) {
  return (
    <div className="diff-empty" data-testid={testId}>
      <p>{children}</p>
    </div>
  );
}

/** The views over values wait for the scan: say why, and what to do when it is not running. */
export function DiffScanWait({ state }: { state: ScanProgress['state'] | undefined }) {
  const { t } = useTranslation();
  const key = state === 'not-started' || state === 'cancelled' || state === 'failed' ? 'diff.state.scanNeeded' : 'diff.state.scanRunning';
  return (
    <div className="diff-empty" data-testid="diff-scan-wait" data-scan-state={state ?? 'unknown'}>
      {key === 'diff.state.scanRunning' && <span className="diff-spinner" aria-hidden="true" />}
      <p>{t(key)}</p>
    </div>
  );
}
