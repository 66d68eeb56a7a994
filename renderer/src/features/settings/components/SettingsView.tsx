/**
 * Settings: the interface language and content protection (both stored by main), and what
 * this workstation is (version, host, platform).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../../../shared/ipc/schemas/app';
import { Card, Fields } from '../../../app/components/Card';
import { useSettingsStore } from '../store';
import { updateSettings } from '../update-settings';

export function SettingsView() {
  const { t } = useTranslation();
  const settings = useSettingsStore((s) => s.settings);
  const appInfo = useSettingsStore((s) => s.appInfo);
  const saving = useSettingsStore((s) => s.saving);
  const languageHelpId = useId();
  const protectionHelpId = useId();
  const idleHelpId = useId();
  const supported = appInfo?.contentProtectionSupported ?? false;

  return (
    <section className="view settings-view" data-testid="settings-view" aria-labelledby="settings-title">
      <header className="view-header">
        <div className="view-heading">
          <h1 id="settings-title">{t('settings.title')}</h1>
          <p className="view-subtitle">{t('settings.subtitle')}</p>
        </div>
      </header>

      <div className="settings-body">
        <Card title={t('settings.languageTitle')}>
          <fieldset className="radio-group" aria-describedby={languageHelpId} data-testid="settings-language">
            <legend className="visually-hidden">{t('settings.languageTitle')}</legend>
            {LANGUAGES.map((lng) => (
              <label key={lng} className="radio-row">
                <input
                  type="radio"
                  name="language"
                  value={lng}
                  data-testid={`settings-language-${lng}`}
                  checked={settings?.language === lng}
                  disabled={saving}
                  onChange={() => void updateSettings({ language: lng })}
                />
                <span lang={lng}>{t(`language.${lng}`)}</span>
              </label>
            ))}
          </fieldset>
          <p className="help" id={languageHelpId}>
            {t('settings.languageHelp')}
          </p>
        </Card>

        <Card title={t('settings.securityTitle')}>
          <label className={supported ? 'switch-row' : 'switch-row disabled'}>
            <input
              type="checkbox"
              role="switch"
              className="switch"
              data-testid="settings-content-protection"
              checked={settings?.contentProtection ?? false}
              disabled={!supported || saving}
              aria-describedby={protectionHelpId}
              onChange={(e) => void updateSettings({ contentProtection: e.target.checked })}
            />
            <span className="switch-label">{t('settings.contentProtection')}</span>
          </label>
          <p className="help" id={protectionHelpId}>
            {t('settings.contentProtectionHelp')}
            {!supported && (
              <>
                {' '}
                <strong className="note" data-testid="settings-content-protection-unsupported">
                  {t('settings.contentProtectionUnsupported')}
                </strong>
              </>
            )}
          </p>
          <label className="field-row">
            <span>{t('settings.signingIdleMinutes')}</span>
            <input
              type="number"
              min={1}
              max={240}
              step={1}
              data-testid="settings-signing-idle"
              defaultValue={settings?.signingIdleMinutes ?? 10}
              key={settings?.signingIdleMinutes ?? 10}
              disabled={saving}
              aria-describedby={idleHelpId}
              onBlur={(e) => {
                const minutes = Number(e.target.value);
                if (Number.isInteger(minutes) && minutes >= 1 && minutes <= 240 && minutes !== settings?.signingIdleMinutes) void updateSettings({ signingIdleMinutes: minutes });
              }}
            />
          </label>
          <p className="help" id={idleHelpId}>
            {t('settings.signingIdleHelp')}
          </p>
        </Card>

        <Card title={t('settings.aboutTitle')}>
          <Fields
            fields={[
              { label: t('settings.version'), value: appInfo?.version ?? '—', mono: true, testId: 'settings-version' },
              { label: t('settings.host'), value: appInfo ? t(`settings.hosts.${appInfo.host}`) : '—', testId: 'settings-host' },
              { label: t('settings.platform'), value: appInfo?.platform ?? '—', mono: true },
            ]}
          />
        </Card>
      </div>
    </section>
  );
}
