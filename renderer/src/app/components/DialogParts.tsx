/**
 * The parts every form dialog ends with (inside FormDialog): the error main answered with, as
 * a banner at the end of the body, and the footer with Cancel and the submit button, which
 * shows its busy label while main works.
 */
import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './ErrorMessage';
import { ErrorIcon } from './icons';

/** The error of the last submission (nothing when null). */
export function DialogError({ error, testId }: { error: unknown; testId: string }) {
  if (error === null) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid={testId}>
      <ErrorIcon />
      <ErrorMessage error={error} />
    </div>
  );
}

type FooterProps = {
  busy: boolean;
  onCancel: () => void;
  submitTestId: string;
  /** `primary` or `danger` (a revocation, a denial). */
  tone?: 'primary' | 'danger';
  icon?: ReactNode;
  label: ReactNode;
  busyLabel: ReactNode;
  submitRef?: Ref<HTMLButtonElement>;
};

export function DialogFooter({ busy, onCancel, submitTestId, tone = 'primary', icon, label, busyLabel, submitRef }: FooterProps) {
  const { t } = useTranslation();
  return (
    <footer className="dialog-footer">
      <button type="button" className="button" onClick={onCancel} disabled={busy}>
        {t('common.cancel')}
      </button>
      <button ref={submitRef} type="submit" className={`button ${tone}`} data-testid={submitTestId} disabled={busy}>
        {icon}
        {busy ? busyLabel : label}
      </button>
    </footer>
  );
}
