/**
 * Asks for the reason to reveal the original values of the selected cells. Main writes the
 * reveal, with the reason, to the audit log before it returns a value; the values are then
 * shown in this view only. At most `limit` cells can be revealed for one reason.
 */
import { useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../app/components/ErrorMessage';
import { EyeIcon, WarningIcon } from '../../../app/components/icons';
import { useModalDialog } from '../../../app/use-modal-dialog';
import { FormDialog } from '../../../app/components/FormDialog';

export const MIN_REASON = 4;

type Props = {
  count: number;
  limit: number;
  busy: boolean;
  error: unknown;
  onSubmit: (reason: string) => void;
  onClose: () => void;
};

export function RevealDialog({ count, limit, busy, error, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const descriptionId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);

  useModalDialog(dialogRef, reasonRef);

  const close = () => {
    if (!busy) onClose();
  };

  const overLimit = count > limit;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || overLimit) return;
    if (reason.trim().length < MIN_REASON) {
      setTooShort(true);
      reasonRef.current?.focus();
      return;
    }
    onSubmit(reason.trim());
  };

  return (
    <FormDialog
      dialogRef={dialogRef}
      className="reveal-dialog"
      testId="reveal-dialog"
      titleId={titleId}
      descriptionId={descriptionId}
      title={t('preview.reveal.title', { count })}
      busy={busy}
      onClose={close}
      onSubmit={submit}
    >
      <div className="dialog-body">
        <div id={descriptionId} className="banner banner-warning reveal-notice" data-testid="reveal-audit-notice">
          <WarningIcon size={16} />
          <div>
            <p>{t('preview.reveal.audit')}</p>
            <p className="small">{t('preview.reveal.limit', { limit })}</p>
          </div>
        </div>
        {overLimit && (
          <p className="field-error" role="alert" data-testid="reveal-over-limit">
            {t('preview.reveal.overLimit', { count, limit })}
          </p>
        )}
        <label className="field">
          <span className="field-label">{t('preview.reveal.reasonLabel')}</span>
          <textarea
            ref={reasonRef}
            className="text-input text-area"
            data-testid="reveal-reason"
            rows={3}
            maxLength={500}
            value={reason}
            placeholder={t('preview.reveal.reasonPlaceholder')}
            disabled={busy}
            aria-invalid={tooShort}
            onChange={(event) => {
              setReason(event.target.value);
              if (tooShort && event.target.value.trim().length >= MIN_REASON) setTooShort(false);
            }}
          />
          {tooShort && (
            <span className="field-error" role="alert" data-testid="reveal-reason-error">
              {t('preview.reveal.reasonTooShort', { min: MIN_REASON })}
            </span>
          )}
        </label>
        {error !== null && (
          <div className="banner banner-error" role="alert" data-testid="reveal-error">
            <ErrorMessage error={error} />
          </div>
        )}
      </div>
      <footer className="dialog-footer">
        <button type="button" className="button" onClick={close} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button primary" data-testid="reveal-submit" disabled={busy || overLimit}>
          <EyeIcon size={14} />
          {busy ? t('preview.reveal.submitting') : t('preview.reveal.submit', { count })}
        </button>
      </footer>
    </FormDialog>
  );
}
