/** The strength hint under a new passphrase: four bars and a word, announced politely as it changes. */
import { useTranslation } from 'react-i18next';
import type { PassphraseStrength } from '../strength';

const LEVEL: Record<PassphraseStrength, number> = { 'too-short': 0, weak: 1, fair: 2, strong: 3 };

export function StrengthMeter({ id, strength, characters, minimum }: { id: string; strength: PassphraseStrength; characters: number; minimum: number }) {
  const { t } = useTranslation();
  const label =
    strength === 'too-short' ? t('lock.strength.tooShort', { characters, minimum }) : t(`lock.strength.${strength}`);
  return (
    <div className="lock-strength" data-testid="lock-strength" data-strength={strength}>
      <span className="lock-strength-bars" aria-hidden="true">
        {[1, 2, 3].map((level) => (
          <span key={level} className={LEVEL[strength] >= level ? `lock-strength-bar on ${strength}` : 'lock-strength-bar'} />
        ))}
      </span>
      <span id={id} className="lock-strength-text" aria-live="polite">
        {t('lock.strength.label', { strength: label })}
      </span>
    </div>
  );
}
