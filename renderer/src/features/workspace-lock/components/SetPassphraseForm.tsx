/**
 * "Set a workspace passphrase": shown on a fresh workspace where there is no OS keychain. Two
 * fields (the passphrase and its repetition), the minimum length and a strength hint, and the
 * plain truth that it protects the candidate files on this computer and cannot be recovered.
 */
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreStatus } from '../../../../../shared/ipc/schemas/store';
import { api } from '../../../app/api';
import { ErrorMessage } from '../../../app/components/ErrorMessage';
import { ErrorIcon, WarningIcon } from '../../../app/components/icons';
import { describeError } from '../../../app/errors';
import { describeThrown, log } from '../../../app/log';
import { useWorkspaceLockStore } from '../store';
import { countCharacters, passphraseStrength } from '../strength';
import { PassphraseField } from './PassphraseField';
import { StrengthMeter } from './StrengthMeter';

type Problem = { kind: 'too-short'; actual: number } | { kind: 'mismatch' } | { kind: 'error'; error: unknown };

export function SetPassphraseForm({ status, titleId }: { status: StoreStatus; titleId: string }) {
  const { t } = useTranslation();
  const minimum = status.minPassphraseCharacters;
  const introId = useId();
  const requirementId = useId();
  const strengthId = useId();
  const errorId = useId();
  const firstRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [visible, setVisible] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    firstRef.current?.focus();
  }, []);

  const characters = countCharacters(passphrase);
  const strength = passphraseStrength(passphrase, minimum);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (characters < minimum) {
      setProblem({ kind: 'too-short', actual: characters });
      firstRef.current?.focus();
      return;
    }
    if (confirm.normalize('NFC') !== passphrase.normalize('NFC')) {
      setProblem({ kind: 'mismatch' });
      confirmRef.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const next = await api.invoke('store:create', { passphrase });
      setPassphrase('');
      setConfirm('');
      useWorkspaceLockStore.getState().setStatus(next);
    } catch (error) {
      log.warn('setting the workspace passphrase failed', { error: describeThrown(error) });
      setProblem({ kind: 'error', error });
      setBusy(false);
      firstRef.current?.focus();
      // Another window may have set it meanwhile; follow what main says now.
      if (describeError(error).code === 'store.key-exists') {
        useWorkspaceLockStore.getState().setStatus(await api.invoke('store:status', {}));
      }
    }
  };

  const firstInvalid = problem?.kind === 'too-short' || problem?.kind === 'error';
  const problemCode = problem === null ? '' : problem.kind === 'error' ? describeError(problem.error).code : problem.kind === 'too-short' ? 'store.passphrase-too-short' : 'lock.mismatch';

  return (
    <form className="lock-form" aria-labelledby={titleId} aria-describedby={introId} aria-busy={busy} onSubmit={(event) => void submit(event)} noValidate>
      <div id={introId} className="lock-intro">
        <p>{t('lock.setIntro')}</p>
        {status.problem && <p className="muted small">{t('lock.keychainFallback')}</p>}
      </div>
      <div className="banner banner-warning lock-warning" data-testid="lock-unrecoverable">
        <WarningIcon />
        <span>{t('lock.setWarning')}</span>
      </div>

      <PassphraseField
        label={t('lock.passphraseLabel')}
        value={passphrase}
        onChange={(value) => {
          setPassphrase(value);
          if (problem?.kind === 'too-short') setProblem(null);
        }}
        visible={visible}
        invalid={firstInvalid}
        disabled={busy}
        autoComplete="new-password"
        describedBy={[requirementId, strengthId, firstInvalid ? errorId : ''].filter(Boolean).join(' ')}
        inputRef={firstRef}
        testId="lock-passphrase"
      >
        <span id={requirementId} className="help lock-help">
          {t('lock.requirement', { minimum })}
        </span>
        <StrengthMeter id={strengthId} strength={strength} characters={characters} minimum={minimum} />
      </PassphraseField>

      <PassphraseField
        label={t('lock.confirmLabel')}
        value={confirm}
        onChange={(value) => {
          setConfirm(value);
          if (problem?.kind === 'mismatch') setProblem(null);
        }}
        visible={visible}
        invalid={problem?.kind === 'mismatch'}
        disabled={busy}
        autoComplete="new-password"
        {...(problem?.kind === 'mismatch' ? { describedBy: errorId } : {})}
        inputRef={confirmRef}
        testId="lock-confirm"
      />

      <label className="radio-row lock-show">
        <input type="checkbox" data-testid="lock-show" checked={visible} onChange={(event) => setVisible(event.target.checked)} />
        <span>{t('lock.show')}</span>
      </label>

      {problem && (
        <div id={errorId} className="banner banner-error" role="alert" data-testid="lock-error" data-error-code={problemCode}>
          <ErrorIcon />
          {problem.kind === 'error' ? (
            <ErrorMessage error={problem.error} />
          ) : problem.kind === 'too-short' ? (
            <span>{t('errors.store.passphrase-too-short', { minimum, actual: problem.actual })}</span>
          ) : (
            <span>{t('lock.mismatch')}</span>
          )}
        </div>
      )}

      <button type="submit" className="button primary lock-submit" data-testid="lock-submit" disabled={busy}>
        {busy ? t('lock.setting') : t('lock.setSubmit')}
      </button>
    </form>
  );
}
