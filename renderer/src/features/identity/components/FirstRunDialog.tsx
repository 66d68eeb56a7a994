/**
 * The demo workspace's first run: says what it creates (a demo authority, one demo user per
 * role and the demo seal, all marked 样例 — nothing a real authority issued) and asks for the
 * passphrase that encrypts the demo users' keys, twice, at least 12 characters. "Later" puts it
 * off; the header offers it again.
 */
import { useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CREDENTIAL_ROLES } from '../../../../../shared/formats/policy';
import { api } from '../../../app/api';
import { ErrorMessage } from '../../../app/components/ErrorMessage';
import { FormDialog } from '../../../app/components/FormDialog';
import { CheckIcon, ErrorIcon } from '../../../app/components/icons';
import { describeThrown, log } from '../../../app/log';
import { useNoticeStore } from '../../../app/store';
import { useModalDialog } from '../../../app/use-modal-dialog';
import { PassphraseField } from '../../workspace-lock/components/PassphraseField';
import { checkDemoPassphrase, MIN_DEMO_PASSPHRASE, type SetupCheck } from '../identity-model';
import { useIdentityStore } from '../store';

export function FirstRunDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const descriptionId = useId();
  const helpId = useId();
  const problemId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [visible, setVisible] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Extract<SetupCheck, { ok: false }> | null>(null);
  const [error, setError] = useState<unknown>(null);

  useModalDialog(dialogRef, inputRef);

  const close = () => {
    if (!busy) onClose();
  };

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const check = checkDemoPassphrase(passphrase, confirm);
    if (!check.ok) {
      setProblem(check);
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    setError(null);
    try {
      const status = await api.invoke('identity:setup-demo', { passphrase: check.passphrase });
      useIdentityStore.getState().setStatus(status);
      useNoticeStore.getState().push('success', { key: 'identity.firstRun.done', params: { count: status.users.length } });
      onDone();
    } catch (thrown) {
      log.warn('identity:setup-demo failed', { error: describeThrown(thrown) });
      setError(thrown);
      setBusy(false);
    }
  };

  const problemText =
    problem === null
      ? null
      : problem.problem === 'too-short'
        ? t('identity.firstRun.tooShort', { min: MIN_DEMO_PASSPHRASE, length: problem.length })
        : problem.problem === 'mismatch'
          ? t('identity.firstRun.mismatch')
          : t('identity.firstRun.tooLong');

  return (
    <FormDialog
      dialogRef={dialogRef}
      className="identity-dialog first-run-dialog"
      testId="first-run-dialog"
      titleId={titleId}
      descriptionId={descriptionId}
      title={t('identity.firstRun.title')}
      busy={busy}
      onClose={close}
      onSubmit={(event) => void submit(event)}
    >
      <div className="dialog-body">
        <div id={descriptionId} className="first-run-intro">
          <p>{t('identity.firstRun.intro')}</p>
          <ul className="first-run-list">
            <li>{t('identity.firstRun.authority')}</li>
            <li>
              {t('identity.firstRun.users')}{' '}
              <span className="muted">{CREDENTIAL_ROLES.map((role) => t(`identity.roles.${role}`)).join(t('identity.roleSeparator'))}</span>
            </li>
            <li>{t('identity.firstRun.seal')}</li>
          </ul>
          <p className="banner banner-warning first-run-sample">{t('identity.firstRun.sample')}</p>
        </div>
        <PassphraseField
          label={t('identity.firstRun.passphrase')}
          value={passphrase}
          onChange={(value) => {
            setPassphrase(value);
            setProblem(null);
          }}
          visible={visible}
          invalid={problem !== null && problem.problem !== 'mismatch'}
          disabled={busy}
          autoComplete="new-password"
          describedBy={problem ? `${helpId} ${problemId}` : helpId}
          inputRef={inputRef}
          testId="first-run-passphrase"
        >
          <span id={helpId} className="muted small">
            {t('identity.firstRun.help', { min: MIN_DEMO_PASSPHRASE })}
          </span>
        </PassphraseField>
        <PassphraseField
          label={t('identity.firstRun.confirm')}
          value={confirm}
          onChange={(value) => {
            setConfirm(value);
            setProblem(null);
          }}
          visible={visible}
          invalid={problem?.problem === 'mismatch'}
          disabled={busy}
          autoComplete="new-password"
          testId="first-run-confirm"
        />
        <label className="radio-row">
          <input type="checkbox" checked={visible} onChange={(event) => setVisible(event.target.checked)} />
          <span>{t('lock.show')}</span>
        </label>
        {problemText !== null && (
          <span id={problemId} className="field-error" role="alert" data-testid="first-run-validation" data-problem={problem?.problem}>
            {problemText}
          </span>
        )}
        {error !== null && (
          <div className="banner banner-error" role="alert" data-testid="first-run-error">
            <ErrorIcon />
            <ErrorMessage error={error} />
          </div>
        )}
      </div>
      <footer className="dialog-footer">
        <button type="button" className="button" data-testid="first-run-later" onClick={close} disabled={busy}>
          {t('identity.firstRun.later')}
        </button>
        <button type="submit" className="button primary" data-testid="first-run-submit" disabled={busy}>
          <CheckIcon size={14} />
          {busy ? t('identity.firstRun.submitting') : t('identity.firstRun.submit')}
        </button>
      </footer>
    </FormDialog>
  );
}
