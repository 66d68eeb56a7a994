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
import { formatDateTime } from '../../../app/format';
import { useModalDialog } from '../../../app/use-modal-dialog';
import { checkRevokeReason, MAX_REVOKE_REASON, MIN_REVOKE_REASON, type RevokeCheck } from '../decision-model';
import { OutcomeBadge } from './OutcomeBadge';

type Props = { decision: DecisionItem; busy: boolean; error: unknown; onSubmit: (reason: string) => void; onClose: () => void };

export function RevokeDialog({ decision, busy, error, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const descriptionId = useId();
  const helpId = useId();
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
        <label className="field">
          <span className="field-label">{t('decision.revoke.label')}</span>
          <textarea
            ref={textRef}
            className="text-input text-area"
            data-testid="revoke-reason"
            rows={4}
            maxLength={MAX_REVOKE_REASON + 200}
            value={text}
            disabled={busy}
            aria-invalid={problem !== null}
            aria-describedby={helpId}
            onChange={(event) => {
              setText(event.target.value);
              if (problem !== null && checkRevokeReason(event.target.value).ok) setProblem(null);
            }}
          />
          <span className="field-foot">
            <span id={helpId} className="muted small">
              {t('decision.revoke.help', { min: MIN_REVOKE_REASON })}
            </span>
            <span className={`small tabular ${length < MIN_REVOKE_REASON ? 'muted' : 'counter-ok'}`} aria-hidden="true">
              {t('decision.revoke.counter', { length, min: MIN_REVOKE_REASON })}
            </span>
          </span>
          {problem !== null && (
            <span className="field-error" role="alert" data-testid="revoke-validation" data-problem={problem.problem}>
              {problem.problem === 'too-short' ? t('decision.revoke.tooShort', { min: MIN_REVOKE_REASON, length: problem.length }) : t('decision.revoke.tooLong', { max: MAX_REVOKE_REASON })}
            </span>
          )}
        </label>
        <DialogError error={error} testId="revoke-error" />
      </div>
      <DialogFooter busy={busy} onCancel={onClose} submitTestId="revoke-submit" tone="danger" label={t('decision.revoke.submit')} busyLabel={t('decision.revoke.submitting')} />
    </FormDialog>
  );
}
