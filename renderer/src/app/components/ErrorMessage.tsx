/** Shows an error as a translated sentence with its code in small type beside it. */
import { useTranslation } from 'react-i18next';
import { describeError } from '../errors';

export function ErrorMessage({ error }: { error: unknown }) {
  // Re-render on language change: describeError reads the i18n instance directly.
  const { t } = useTranslation();
  const { text, code } = describeError(error);
  return (
    <span className="error-message">
      <span className="error-text">{text}</span> <span className="error-code">{t('app.errorCode', { code })}</span>
    </span>
  );
}
