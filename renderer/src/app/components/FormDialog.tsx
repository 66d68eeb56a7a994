/**
 * The frame every form dialog of the app shares: a native `<dialog>` (opened as a modal by
 * useModalDialog), its form, and a header with the title and a close button. Escape closes it
 * as the close button does; both are for the caller to refuse while it is busy.
 */
import type { ReactNode, RefObject, SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseIcon } from './icons';

type Props = {
  dialogRef: RefObject<HTMLDialogElement | null>;
  /** Added to the `dialog` class, e.g. `reveal-dialog`. */
  className: string;
  testId: string;
  titleId: string;
  descriptionId: string;
  title: ReactNode;
  busy: boolean;
  onClose: () => void;
  onSubmit: (event: SubmitEvent<HTMLFormElement>) => void;
  children: ReactNode;
};

export function FormDialog({ dialogRef, className, testId, titleId, descriptionId, title, busy, onClose, onSubmit, children }: Props) {
  const { t } = useTranslation();
  return (
    <dialog
      ref={dialogRef}
      className={`dialog ${className}`}
      data-testid={testId}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      aria-busy={busy}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={onSubmit} noValidate>
        <header className="dialog-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon-button" aria-label={t('common.close')} title={t('common.close')} onClick={onClose} disabled={busy}>
            <CloseIcon />
          </button>
        </header>
        {children}
      </form>
    </dialog>
  );
}
