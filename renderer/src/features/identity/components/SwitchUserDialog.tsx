/**
 * Switches to a user (or unlocks the current one's key) with their passphrase. Main checks it,
 * audits a wrong one and makes repeated wrong ones wait; its error is shown as it says it, the
 * field cleared and focused again. The passphrase is held only while the dialog is open.
 */
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../../../shared/ipc/schemas/identity';
import { api, ApiError } from '../../../app/api';
import { ErrorMessage } from '../../../app/components/ErrorMessage';
import { FormDialog } from '../../../app/components/FormDialog';
import { ErrorIcon, UnlockIcon } from '../../../app/components/icons';
import { describeError } from '../../../app/errors';
import { describeThrown, log } from '../../../app/log';
import { useNoticeStore } from '../../../app/store';
import { useModalDialog } from '../../../app/use-modal-dialog';
import { PassphraseField } from '../../workspace-lock/components/PassphraseField';
import { useCountdown } from '../../workspace-lock/use-countdown';
import { retryWaitSeconds } from '../identity-model';
import { useIdentityStore } from '../store';
import { RoleList } from './RoleList';

type Problem = { kind: 'required' } | { kind: 'error'; error: unknown };

export function SwitchUserDialog({ user, isCurrent, onClose }: { user: UserSummary; isCurrent: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const descriptionId = useId();
  const errorId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [visible, setVisible] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  // After repeated wrong passphrases main makes the next try wait; counted down here.
  const [retryAt, setRetryAt] = useState(0);
  const waitId = useId();
  const secondsLeft = useCountdown(retryAt);
  const waiting = secondsLeft > 0;

  useModalDialog(dialogRef, inputRef);

  // Back to the field after a refusal, once it is enabled again (after the render that ends `busy`).
  useEffect(() => {
    if (!busy && problem?.kind === 'error') inputRef.current?.focus();
  }, [busy, problem]);

  const close = () => {
    if (!busy) onClose();
  };

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
      const status = await api.invoke('identity:switch', { userId: user.id, passphrase });
      useIdentityStore.getState().setStatus(status);
      useNoticeStore.getState().push('success', { key: isCurrent ? 'identity.unlockedNotice' : 'identity.switchedNotice', params: { name: user.name } });
      onClose();
    } catch (error) {
      log.warn('identity:switch failed', { code: describeError(error).code, error: describeThrown(error) });
      setPassphrase('');
      setProblem({ kind: 'error', error });
      const wait = error instanceof ApiError ? retryWaitSeconds(error.params) : 0;
      if (wait > 0) setRetryAt(Date.now() + wait * 1000);
      setBusy(false);
    }
  };

  return (
    <FormDialog
      dialogRef={dialogRef}
      className="identity-dialog"
      testId="switch-user-dialog"
      titleId={titleId}
      descriptionId={descriptionId}
      title={isCurrent ? t('identity.switchDialog.unlockTitle', { name: user.name }) : t('identity.switchDialog.title', { name: user.name })}
      busy={busy}
      onClose={close}
      onSubmit={(event) => void submit(event)}
    >
      <div className="dialog-body">
        <div className="identity-dialog-user">
          <span className="strong">{user.name}</span>
          <span className="muted">
            <RoleList roles={user.roles} />
          </span>
          <span className="mono small muted" title={t('identity.keyIdTitle')}>
            {user.alg} · {user.keyId}
          </span>
        </div>
        <p id={descriptionId} className="help">
          {t('identity.switchDialog.intro')}
        </p>
        <PassphraseField
          label={t('identity.switchDialog.passphrase')}
          value={passphrase}
          onChange={(value) => {
            setPassphrase(value);
            if (problem?.kind === 'required') setProblem(null);
          }}
          visible={visible}
          invalid={problem !== null}
          disabled={busy}
          autoComplete="current-password"
          {...(problem || waiting ? { describedBy: [problem ? errorId : '', waiting ? waitId : ''].filter(Boolean).join(' ') } : {})}
          inputRef={inputRef}
          testId="switch-passphrase"
        />
        <label className="radio-row">
          <input type="checkbox" checked={visible} onChange={(event) => setVisible(event.target.checked)} />
          <span>{t('lock.show')}</span>
        </label>
        {problem && (
          <div id={errorId} className="banner banner-error" role="alert" data-testid="switch-error" data-error-code={problem.kind === 'required' ? 'identity.required' : describeError(problem.error).code}>
            <ErrorIcon />
            {problem.kind === 'required' ? <span>{t('identity.switchDialog.required')}</span> : <ErrorMessage error={problem.error} />}
          </div>
        )}
        {waiting && (
          <p id={waitId} className="lock-wait" data-testid="switch-wait" data-seconds={secondsLeft}>
            {t('lock.wait', { seconds: secondsLeft })}
          </p>
        )}
      </div>
      <footer className="dialog-footer">
        <button type="button" className="button" onClick={close} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button primary" data-testid="switch-submit" disabled={busy || waiting}>
          <UnlockIcon size={14} />
          {busy ? t('identity.switchDialog.submitting') : isCurrent ? t('identity.switchDialog.unlockSubmit') : t('identity.switchDialog.submit')}
        </button>
      </footer>
    </FormDialog>
  );
}
