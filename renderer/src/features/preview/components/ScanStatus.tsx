/**
 * The scan of the open candidate at a glance: while it runs, a progress bar with bytes, rows
 * and the time left, and a Cancel button; once it ends, whether it finished, was cancelled or
 * failed, with a button to start it (again) when there is no finished scan.
 */
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../app/components/ErrorMessage';
import { CheckIcon, CloseIcon, ErrorIcon, RefreshIcon, WarningIcon } from '../../../app/components/icons';
import { formatBytes } from '../../../app/format';
import { formatCount, formatDuration } from '../preview-format';
import type { ScanControl } from '../use-scan';

export function ScanStatus({ scan }: { scan: ScanControl }) {
  const { t } = useTranslation();
  const progress = scan.progress;
  const state = progress?.state ?? 'loading';

  const numbers =
    progress && progress.bytesTotal > 0 ? (
      <span className="scan-numbers tabular" data-testid="scan-numbers">
        {t('preview.scan.bytes', { done: formatBytes(progress.bytesDone), total: formatBytes(progress.bytesTotal) })}
        <span className="dot-sep" aria-hidden="true" />
        {t('preview.scan.rows', { count: progress.rowsDone, n: formatCount(progress.rowsDone) })}
        {state === 'running' && (
          <>
            <span className="dot-sep" aria-hidden="true" />
            {formatDuration(progress.etaSeconds) === null ? t('preview.scan.etaUnknown') : t('preview.scan.eta', { eta: formatDuration(progress.etaSeconds) })}
          </>
        )}
      </span>
    ) : null;

  const startButton =
    state === 'not-started' || state === 'cancelled' || state === 'failed' ? (
      <button type="button" className="button small primary" data-testid="scan-start" onClick={scan.start}>
        <RefreshIcon size={14} />
        {state === 'not-started' ? t('preview.scan.start') : t('preview.scan.again')}
      </button>
    ) : null;

  return (
    <div className={`scan-status scan-${state}`} data-testid="scan-progress" data-state={state} role="status" aria-label={t('preview.scan.label')}>
      {state === 'running' && progress ? (
        <>
          <span className="scan-title">
            <span className="spinner" aria-hidden="true" />
            {t('preview.scan.running')}
          </span>
          <progress
            className="scan-bar"
            max={Math.max(1, progress.bytesTotal)}
            value={progress.bytesTotal > 0 ? progress.bytesDone : undefined}
            aria-label={t('preview.scan.label')}
          />
          {progress.phase === 'reversibility' ? (
            <span className="scan-numbers tabular" data-testid="scan-reversibility">
              {t('preview.scan.reversibility', { done: formatCount(progress.recover?.done ?? 0), total: formatCount(progress.recover?.total ?? 0) })}
            </span>
          ) : (
            numbers
          )}
          {progress.phase !== 'reversibility' && progress.file !== undefined && (
            <span className="scan-file truncate mono" title={progress.file}>
              {progress.file}
            </span>
          )}
          <button type="button" className="button small" data-testid="scan-cancel" onClick={scan.cancel}>
            <CloseIcon size={14} />
            {t('preview.scan.cancel')}
          </button>
        </>
      ) : (
        <>
          <span className="scan-title">
            {state === 'done' && <CheckIcon size={14} className="scan-icon-done" />}
            {state === 'cancelled' && <WarningIcon size={14} className="scan-icon-warning" />}
            {state === 'failed' && <ErrorIcon size={14} className="scan-icon-failed" />}
            {t(`preview.scan.${state}`)}
          </span>
          {numbers}
          {state === 'failed' && progress?.error !== undefined && (
            <span className="scan-error truncate" title={progress.error}>
              {progress.error}
            </span>
          )}
          {startButton}
        </>
      )}
      {scan.error !== null && (
        <span className="scan-call-error" role="alert">
          <ErrorMessage error={scan.error} />
        </span>
      )}
    </div>
  );
}
