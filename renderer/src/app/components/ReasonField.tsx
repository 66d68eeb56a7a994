/**
 * A reason, justification or comment typed into a dialog: the textarea with its label, a help
 * line and a live count against the minimum length, and the validation message once a
 * submission was refused. The acknowledge and revoke dialogs share it.
 */
import { useId, type RefObject } from 'react';

type Props = {
  textRef: RefObject<HTMLTextAreaElement | null>;
  label: string;
  value: string;
  onChange: (value: string) => void;
  busy: boolean;
  /** The minimum (trimmed) length, for the counter's colour. */
  min: number;
  maxLength: number;
  help: string;
  counter: string;
  placeholder?: string;
  testId: string;
  counterTestId?: string;
  /** The refusal of the last submission: its text and kind (`too-short`, `too-long`). */
  problem: { text: string; kind: string } | null;
  validationTestId: string;
};

export function ReasonField({ textRef, label, value, onChange, busy, min, maxLength, help, counter, placeholder, testId, counterTestId, problem, validationTestId }: Props) {
  const helpId = useId();
  const length = value.trim().length;
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <textarea
        ref={textRef}
        className="text-input text-area"
        data-testid={testId}
        rows={4}
        maxLength={maxLength}
        value={value}
        placeholder={placeholder}
        disabled={busy}
        aria-invalid={problem !== null}
        aria-describedby={helpId}
        onChange={(event) => onChange(event.target.value)}
      />
      <span className="field-foot">
        <span id={helpId} className="muted small">
          {help}
        </span>
        <span className={`small tabular ${length < min ? 'muted' : 'counter-ok'}`} data-testid={counterTestId} aria-hidden="true">
          {counter}
        </span>
      </span>
      {problem !== null && (
        <span className="field-error" role="alert" data-testid={validationTestId} data-problem={problem.kind}>
          {problem.text}
        </span>
      )}
    </label>
  );
}
