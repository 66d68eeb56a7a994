/**
 * The bar across the top of the window: product name, a badge when running in the browser
 * host, who signs (features/identity), and the language switch (which changes the stored
 * setting, not just this window).
 */
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../../shared/ipc/schemas/app';
import { IdentityControl } from '../../features/identity/components/IdentityControl';
import { useSettingsStore } from '../../features/settings/store';
import { updateSettings } from '../../features/settings/update-settings';
import { ProductMark } from './icons';

export function TopBar() {
  const { t } = useTranslation();
  const appInfo = useSettingsStore((s) => s.appInfo);
  const language = useSettingsStore((s) => s.settings?.language);
  const saving = useSettingsStore((s) => s.saving);

  return (
    <header className="topbar">
      <div className="brand">
        <ProductMark size={18} className="brand-mark" />
        <span className="brand-name">{t('app.productName')}</span>
        {appInfo?.host === 'browser' && (
          <span className="host-badge" data-testid="host-badge" title={t('app.hostBrowserTitle')}>
            {t('app.hostBrowser')}
          </span>
        )}
      </div>
      <IdentityControl />
      <div className="language-switch" role="group" aria-label={t('language.label')} data-testid="language-switch">
        {LANGUAGES.map((lng) => (
          <button
            key={lng}
            type="button"
            lang={lng}
            className="segment"
            aria-pressed={language === lng}
            disabled={saving}
            data-testid={`language-${lng}`}
            onClick={() => {
              if (language !== lng) void updateSettings({ language: lng });
            }}
          >
            {t(`language.${lng}`)}
          </button>
        ))}
      </div>
    </header>
  );
}
