/**
 * "Unlock the workspace": one passphrase field. A wrong passphrase is said so (and the field
 * cleared and focused again); after repeated ones main makes the next try wait, and the form
 * counts the wait down with the button disabled.
 */
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreStatus } from '../../../../../shared/ipc/schemas/store';
import { api } from '../../../app/api';
import { ErrorMessage } from '../../../app/components/ErrorMessage';
import { ErrorIcon } from '../../../app/components/icons';
import { describeError } from '../../../app/errors';
import { describeThrown, log } from '../../../app/log';
import { useWorkspaceLockStore } from '../store';
import { useCountdown } from '../use-countdown';
import { PassphraseField } from './PassphraseField';

type Problem = { kind: 'required' } | { kind: 'error'; error: unknown };

export function UnlockForm({ status, receivedAt, titleId }: { status: StoreStatus; receivedAt: number; titleId: string }) {
  const { t } = useTranslation();
  const introId = useId();
  const errorId = useId();
  const waitId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [visible, setVisible] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const secondsLeft = useCountdown(status.retryAfterSeconds === null ? 0 : receivedAt + status.retryAfterSeconds * 1000);
  const waiting = secondsLeft > 0;

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || waiting) return;
    if (passphrase === '') {
      setProblem({ kind: 'required' });
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const next = await api.invoke('store:unlock', { passphrase });
      setPassphrase('');
      useWorkspaceLockStore.getState().setStatus(next);
    } catch (error) {
      log.warn('unlock failed', { code: describeError(error).code, error: describeThrown(error) });
      setPassphrase('');
      setProblem({ kind: 'error', error });
      try {
        // Picks up a wait that this failure started.
        useWorkspaceLockStore.getState().setStatus(await api.invoke('store:status', {}));
      } catch (statusError) {
        log.error('store:status failed', { error: describeThrown(statusError) });
      }
      setBusy(false);
      // After the re-render that re-enables the field.
      requestAnimationFrame(() => inputRef.current?.focus());
    }
  };

  const describedBy = [problem ? errorId : '', waiting ? waitId : ''].filter(Boolean).join(' ');

  return (
    <form className="lock-form" aria-labelledby={titleId} aria-describedby={introId} aria-busy={busy} onSubmit={(event) => void submit(event)} noValidate>
      <p id={introId} className="lock-intro">
        {t('lock.unlockIntro')}
      </p>

      <PassphraseField
        label={t('lock.passphraseLabel')}
        value={passphrase}
        onChange={(value) => {
          setPassphrase(value);
          if (problem?.kind === 'required') setProblem(null);
        }}
        visible={visible}
        invalid={problem !== null}
        disabled={busy}
        autoComplete="current-password"
        {...(describedBy !== '' ? { describedBy } : {})}
        inputRef={inputRef}
        testId="lock-passphrase"
      />

      <label className="radio-row lock-show">
        <input type="checkbox" data-testid="lock-show" checked={visible} onChange={(event) => setVisible(event.target.checked)} />
        <span>{t('lock.show')}</span>
      </label>

      {problem && (
        <div
          id={errorId}
          className="banner banner-error"
          role="alert"
          data-testid="lock-error"
          data-error-code={problem.kind === 'required' ? 'lock.required' : describeError(problem.error).code}
        >
          <ErrorIcon />
          {problem.kind === 'required' ? <span>{t('lock.required')}</span> : <ErrorMessage error={problem.error} />}
        </div>
      )}

      {waiting && (
        <p id={waitId} className="lock-wait" data-testid="lock-wait" data-seconds={secondsLeft}>
          {t('lock.wait', { seconds: secondsLeft })}
        </p>
      )}

      <button type="submit" className="button primary lock-submit" data-testid="lock-submit" disabled={busy || waiting}>
        {busy ? t('lock.unlocking') : t('lock.unlockSubmit')}
      </button>
    </form>
  );
}
