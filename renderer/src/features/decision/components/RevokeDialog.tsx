/**
 * Withdraws an approval with a signed revocation (e.g. a breach, §6(8)): which decision, and
 * the reason — at least 10 characters, checked here and again by main. The candidate then shows
 * the approval as revoked; the operator resubmits a new revision.
 */
import { useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionItem } from '../../../../../shared/ipc/schemas/decisions';
import { DialogError, DialogFooter } from '../../../app/components/DialogParts';
import { FormDialog } from '../../../app/components/FormDialog';
import { ReasonField } from '../../../app/components/ReasonField';
import { formatDateTime } from '../../../app/format';
import { useModalDialog } from '../../../app/use-modal-dialog';
import { checkRevokeReason, MAX_REVOKE_REASON, MIN_REVOKE_REASON, type RevokeCheck } from '../decision-model';
import { OutcomeBadge } from './OutcomeBadge';

type Props = { decision: DecisionItem; busy: boolean; error: unknown; onSubmit: (reason: string) => void; onClose: () => void };

export function RevokeDialog({ decision, busy, error, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const descriptionId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<Extract<RevokeCheck, { ok: false }> | null>(null);

  useModalDialog(dialogRef, textRef);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const check = checkRevokeReason(text);
    if (!check.ok) {
      setProblem(check);
      textRef.current?.focus();
      return;
    }
    onSubmit(check.reason);
  };

  const length = text.trim().length;

  return (
    <FormDialog
      dialogRef={dialogRef}
      className="revoke-dialog"
      testId="revoke-dialog"
      titleId={titleId}
      descriptionId={descriptionId}
      title={t('decision.revoke.title')}
      busy={busy}
      onClose={onClose}
      onSubmit={submit}
    >
      <div className="dialog-body">
        <div className="revoke-target">
          {decision.outcome && <OutcomeBadge outcome={decision.outcome} />}
          <span className="strong">{decision.reviewer.name}</span>
          <span className="muted small">{t(`decision.roleLabel.${decision.role}`)}</span>
          <span className="muted small tabular">{formatDateTime(decision.createdAt)}</span>
        </div>
        <p id={descriptionId} className="help">
          {t('decision.revoke.intro')}
        </p>
        <ReasonField
          textRef={textRef}
          label={t('decision.revoke.label')}
          value={text}
          onChange={(value) => {
            setText(value);
            if (problem !== null && checkRevokeReason(value).ok) setProblem(null);
          }}
          busy={busy}
          min={MIN_REVOKE_REASON}
          maxLength={MAX_REVOKE_REASON + 200}
          help={t('decision.revoke.help', { min: MIN_REVOKE_REASON })}
          counter={t('decision.revoke.counter', { length, min: MIN_REVOKE_REASON })}
          testId="revoke-reason"
          problem={
            problem === null
              ? null
              : { kind: problem.problem, text: problem.problem === 'too-short' ? t('decision.revoke.tooShort', { min: MIN_REVOKE_REASON, length: problem.length }) : t('decision.revoke.tooLong', { max: MAX_REVOKE_REASON }) }
          }
          validationTestId="revoke-validation"
        />
        <DialogError error={error} testId="revoke-error" />
      </div>
      <DialogFooter busy={busy} onCancel={onClose} submitTestId="revoke-submit" tone="danger" label={t('decision.revoke.submit')} busyLabel={t('decision.revoke.submitting')} />
    </FormDialog>
  );
}
