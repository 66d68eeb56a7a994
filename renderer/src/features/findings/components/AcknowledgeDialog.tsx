/**
 * Asks for the justification to acknowledge a non-blocking finding: what the finding is, a
 * text of at least 10 characters (checked here with a message that says how many are
 * missing, and again by main), and main's error if it refuses. Main records the
 * acknowledgement with the reviewer and time and writes it to the audit log.
 */
import { useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingItem } from '../../../../../shared/ipc/schemas/review';
import { CheckIcon } from '../../../app/components/icons';
import { translateDynamic } from '../../../app/i18n';
import { useModalDialog } from '../../../app/use-modal-dialog';
import { checkJustification, findingMessage, MAX_JUSTIFICATION, MIN_JUSTIFICATION, type JustificationCheck } from '../findings-model';
import { FindingLocationText } from './FindingLocationText';
import { DialogError, DialogFooter } from '../../../app/components/DialogParts';
import { FormDialog } from '../../../app/components/FormDialog';
import { ReasonField } from '../../../app/components/ReasonField';

type Props = {
  item: FindingItem;
  busy: boolean;
  error: unknown;
  onSubmit: (justification: string) => void;
  onClose: () => void;
};

export function AcknowledgeDialog({ item, busy, error, onSubmit, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const descriptionId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<Extract<JustificationCheck, { ok: false }> | null>(null);
  const { finding } = item;

  useModalDialog(dialogRef, textRef);

  const close = () => {
    if (!busy) onClose();
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const check = checkJustification(text);
    if (!check.ok) {
      setProblem(check);
      textRef.current?.focus();
      return;
    }
    onSubmit(check.value);
  };

  const length = text.trim().length;

  return (
    <FormDialog
      dialogRef={dialogRef}
      className="acknowledge-dialog"
      testId="acknowledge-dialog"
      titleId={titleId}
      descriptionId={descriptionId}
      title={t('findings.dialog.title')}
      busy={busy}
      onClose={close}
      onSubmit={submit}
    >
      <div className="dialog-body">
        <div className="acknowledge-finding" data-testid="acknowledge-finding">
          <div className="acknowledge-finding-rule">
            <span className={`severity-chip severity-${finding.severity}`}>{t(`findings.severity.${finding.severity}`)}</span>
            <span className="strong">{translateDynamic(`findings.rules.${finding.rule}`)}</span>
            <code className="rule-id">{finding.rule}</code>
          </div>
          <FindingLocationText location={finding.location} />
          <p className="acknowledge-finding-message">{findingMessage(finding, i18n.language)}</p>
        </div>
        <p id={descriptionId} className="help">
          {t('findings.dialog.intro')}
        </p>
        <ReasonField
          textRef={textRef}
          label={t('findings.dialog.label')}
          value={text}
          onChange={(value) => {
            setText(value);
            if (problem !== null && checkJustification(value).ok) setProblem(null);
          }}
          busy={busy}
          min={MIN_JUSTIFICATION}
          maxLength={MAX_JUSTIFICATION + 200}
          help={t('findings.dialog.help', { min: MIN_JUSTIFICATION })}
          counter={t('findings.dialog.counter', { length, min: MIN_JUSTIFICATION })}
          placeholder={t('findings.dialog.placeholder')}
          testId="acknowledge-justification"
          counterTestId="acknowledge-counter"
          problem={
            problem === null
              ? null
              : {
                  kind: problem.problem,
                  text:
                    problem.problem === 'too-short'
                      ? t('findings.dialog.tooShort', { min: MIN_JUSTIFICATION, length: problem.length })
                      : t('findings.dialog.tooLong', { max: MAX_JUSTIFICATION, length: problem.length }),
                }
          }
          validationTestId="acknowledge-validation"
        />
        <DialogError error={error} testId="acknowledge-error" />
      </div>
      <DialogFooter busy={busy} onCancel={close} submitTestId="acknowledge-submit" icon={<CheckIcon size={14} />} label={t('findings.dialog.submit')} busyLabel={t('findings.dialog.submitting')} />
    </FormDialog>
  );
}
