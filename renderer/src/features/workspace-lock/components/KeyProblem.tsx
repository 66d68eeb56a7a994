/**
 * The workspace key exists but cannot be opened without help: it is kept in the OS keychain,
 * which is unavailable or refuses it, or its file is damaged. Says what main said and offers
 * to try again (after the keychain is unlocked, or the file restored).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreStatus } from '../../../../../shared/ipc/schemas/store';
import { ApiError, api } from '../../../app/api';
import { ErrorMessage } from '../../../app/components/ErrorMessage';
import { ErrorIcon, RefreshIcon } from '../../../app/components/icons';
import { describeThrown, log } from '../../../app/log';
import { useWorkspaceLockStore } from '../store';

export function KeyProblem({ status }: { status: StoreStatus }) {
  const { t } = useTranslation();
  const retryRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    retryRef.current?.focus();
  }, []);

  const retry = async () => {
    setBusy(true);
    try {
      useWorkspaceLockStore.getState().setStatus(await api.invoke('store:unlock', {}));
    } catch (error) {
      log.warn('retrying the workspace key failed', { error: describeThrown(error) });
      try {
        useWorkspaceLockStore.getState().setStatus(await api.invoke('store:status', {}));
      } catch (statusError) {
        log.error('store:status failed', { error: describeThrown(statusError) });
      }
    } finally {
      setBusy(false);
    }
  };

  const problem = status.problem;
  return (
    <div className="lock-form">
      <p className="lock-intro">{status.protection === 'secret-store' ? t('lock.keychainIntro') : t('lock.damagedIntro')}</p>
      {problem && (
        <div className="banner banner-error" role="alert" data-testid="lock-problem" data-error-code={problem.code}>
          <ErrorIcon />
          <ErrorMessage error={new ApiError(problem.code, problem.message, problem.params ?? {})} />
        </div>
      )}
      <button ref={retryRef} type="button" className="button primary lock-submit" data-testid="lock-retry" disabled={busy} onClick={() => void retry()}>
        <RefreshIcon size={14} />
        {t('lock.retry')}
      </button>
    </div>
  );
}
