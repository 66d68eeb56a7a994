/**
 * The custodian's confirmation before the seal is applied: which seal, on which document, for
 * whom and with whose approval. Applying makes the sealed PDF, signs the application record over
 * its SM3 digest and takes the next number in the seal-use ledger — it cannot be undone.
 */
import { useId, useRef, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SealRequestItem, SealSummary } from '../../../../../shared/ipc/schemas/seal';
import { DialogError, DialogFooter } from '../../../app/components/DialogParts';
import { FormDialog } from '../../../app/components/FormDialog';
import { StampIcon } from '../../../app/components/icons';
import { useModalDialog } from '../../../app/use-modal-dialog';
import { SealPicture } from './SealPicture';

type Props = { request: SealRequestItem; seal: SealSummary; busy: boolean; error: unknown; onSubmit: () => void; onClose: () => void };

export function ApplySealDialog({ request, seal, busy, error, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const descriptionId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);

  useModalDialog(dialogRef, submitRef);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };

  return (
    <FormDialog dialogRef={dialogRef} className="seal-dialog" testId="seal-apply-dialog" titleId={titleId} descriptionId={descriptionId} title={t('seal.apply.title')} busy={busy} onClose={onClose} onSubmit={submit}>
      <div className="dialog-body">
        <div className="seal-apply-summary">
          <SealPicture svg={seal.svg} name={seal.name} size={96} />
          <dl className="seal-dialog-facts">
            <div>
              <dt>{t('seal.sealName')}</dt>
              <dd>{seal.name}</dd>
            </div>
            <div>
              <dt>{t('seal.document')}</dt>
              <dd>{request.document.name}</dd>
            </div>
            <div>
              <dt>{t('seal.requestedBy')}</dt>
              <dd>{request.requestedBy.name}</dd>
            </div>
            <div>
              <dt>{t('seal.approvedBy')}</dt>
              <dd>{request.approval?.by.name ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('seal.copiesLabel')}</dt>
              <dd className="tabular">{request.copies}</dd>
            </div>
          </dl>
        </div>
        <p id={descriptionId} className="help">
          {t('seal.apply.intro')}
        </p>
        <DialogError error={error} testId="seal-dialog-error" />
      </div>
      <DialogFooter busy={busy} onCancel={onClose} submitTestId="seal-apply-submit" submitRef={submitRef} icon={<StampIcon size={14} />} label={t('seal.apply.submit')} busyLabel={t('seal.apply.submitting')} />
    </FormDialog>
  );
}
