/**
 * One passphrase input with its label, shown as dots unless the form's "show" box is ticked,
 * and a Caps Lock warning (a wrong passphrase is most often a Caps Lock away).
 */
import { useId, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

export type PassphraseFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  visible: boolean;
  invalid: boolean;
  disabled?: boolean;
  /** `new-password` when choosing one (so password managers offer to save it), else `current-password`. */
  autoComplete: 'new-password' | 'current-password';
  /** Ids of the texts that describe the field (requirements, the current error). */
  describedBy?: string;
  inputRef?: RefObject<HTMLInputElement | null>;
  testId: string;
  children?: ReactNode;
};

export function PassphraseField({ label, value, onChange, visible, invalid, disabled, autoComplete, describedBy, inputRef, testId, children }: PassphraseFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const capsId = useId();
  const [capsLock, setCapsLock] = useState(false);
  const readCapsLock = (event: KeyboardEvent<HTMLInputElement>) => setCapsLock(event.getModifierState('CapsLock'));
  const described = [describedBy, capsLock ? capsId : undefined].filter(Boolean).join(' ');

  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        type={visible ? 'text' : 'password'}
        className="text-input lock-input"
        data-testid={testId}
        value={value}
        autoComplete={autoComplete}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        disabled={disabled}
        aria-invalid={invalid}
        aria-describedby={described === '' ? undefined : described}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={readCapsLock}
        onKeyUp={readCapsLock}
        onBlur={() => setCapsLock(false)}
      />
      {capsLock && (
        <span id={capsId} className="lock-caps" data-testid={`${testId}-caps-lock`}>
          {t('lock.capsLock')}
        </span>
      )}
      {children}
    </div>
  );
}
