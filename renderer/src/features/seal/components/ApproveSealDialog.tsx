/**
 * A seal approver's answer to a request: approve, or deny with the reason (a denial must say
 * why; an approval's comment is optional). The requester cannot approve their own request —
 * main refuses it and the panel says so before the dialog opens.
 */
import { useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SealRequestItem } from '../../../../../shared/ipc/schemas/seal';
import { DialogError, DialogFooter } from '../../../app/components/DialogParts';
import { FormDialog } from '../../../app/components/FormDialog';
import { CheckIcon } from '../../../app/components/icons';
import { formatDateTime } from '../../../app/format';
import { useModalDialog } from '../../../app/use-modal-dialog';
import { checkSealApproval, MAX_APPROVAL_COMMENT, type SealApprovalCheck } from '../seal-model';

type Props = { request: SealRequestItem; busy: boolean; error: unknown; onSubmit: (outcome: 'approve' | 'deny', comment: string) => void; onClose: () => void };

export function ApproveSealDialog({ request, busy, error, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const descriptionId = useId();
  const commentId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const firstRef = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<'approve' | 'deny'>('approve');
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<Extract<SealApprovalCheck, { ok: false }>['problem'] | null>(null);

  useModalDialog(dialogRef, firstRef);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const check = checkSealApproval(outcome, comment);
    if (!check.ok) {
      setProblem(check.problem);
      document.getElementById(commentId)?.focus();
      return;
    }
    onSubmit(outcome, check.comment);
  };

  return (
    <FormDialog dialogRef={dialogRef} className="seal-dialog" testId="seal-approve-dialog" titleId={titleId} descriptionId={descriptionId} title={t('seal.approve.title')} busy={busy} onClose={onClose} onSubmit={submit}>
      <div className="dialog-body">
        <dl id={descriptionId} className="seal-dialog-facts">
          <div>
            <dt>{t('seal.document')}</dt>
            <dd>{request.document.name}</dd>
          </div>
          <div>
            <dt>{t('seal.requestedBy')}</dt>
            <dd>
              {request.requestedBy.name} <span className="muted tabular">· {formatDateTime(request.createdAt)}</span>
            </dd>
          </div>
          <div>
            <dt>{t('seal.reason')}</dt>
            <dd>{request.reason}</dd>
          </div>
          <div>
            <dt>{t('seal.copiesLabel')}</dt>
            <dd className="tabular">{request.copies}</dd>
          </div>
        </dl>
        <fieldset className="radio-group" disabled={busy}>
          <legend className="visually-hidden">{t('seal.approve.outcome')}</legend>
          <label className="radio-row">
            <input ref={firstRef} type="radio" name="seal-outcome" data-testid="seal-approve-approve" checked={outcome === 'approve'} onChange={() => setOutcome('approve')} />
            <span>{t('seal.approve.approve')}</span>
          </label>
          <label className="radio-row">
            <input
              type="radio"
              name="seal-outcome"
              data-testid="seal-approve-deny"
              checked={outcome === 'deny'}
              onChange={() => {
                setOutcome('deny');
              }}
            />
            <span>{t('seal.approve.deny')}</span>
          </label>
        </fieldset>
        <div className="field">
          <span className="field-label-row">
            <label className="field-label" htmlFor={commentId}>
              {t('seal.approve.comment')}
            </label>
            <span className={`comment-rule${outcome === 'deny' ? ' is-required' : ' muted'}`}>{outcome === 'deny' ? t('seal.approve.commentRequired') : t('seal.approve.commentOptional')}</span>
          </span>
          <textarea
            id={commentId}
            className="text-input text-area"
            data-testid="seal-approve-comment"
            rows={3}
            maxLength={MAX_APPROVAL_COMMENT + 100}
            value={comment}
            disabled={busy}
            aria-invalid={problem !== null}
            aria-required={outcome === 'deny'}
            onChange={(event) => {
              setComment(event.target.value);
              setProblem(null);
            }}
          />
          {problem && (
            <span className="field-error" role="alert" data-testid="seal-approve-validation" data-problem={problem}>
              {problem === 'required' ? t('seal.approve.denyNeedsComment') : t('seal.approve.tooLong', { max: MAX_APPROVAL_COMMENT })}
            </span>
          )}
        </div>
        <DialogError error={error} testId="seal-dialog-error" />
      </div>
      <DialogFooter
        busy={busy}
        onCancel={onClose}
        submitTestId="seal-approve-submit"
        tone={outcome === 'deny' ? 'danger' : 'primary'}
        icon={<CheckIcon size={14} />}
        label={outcome === 'deny' ? t('seal.approve.submitDeny') : t('seal.approve.submitApprove')}
        busyLabel={t('seal.approve.submitting')}
      />
    </FormDialog>
  );
}
