/**
 * Changes a setting through main (which stores it and, in Electron, rebuilds its menu for a
 * new language) and applies the answer locally. A failure is shown as a notice.
 */
import type { SettingsPatch } from '../../../../shared/ipc/schemas/app';
import { api } from '../../app/api';
import { applyLanguage } from '../../app/i18n';
import { describeThrown, log } from '../../app/log';
import { useNoticeStore } from '../../app/store';
import { useSettingsStore } from './store';

/** Never throws: errors become an error notice. Resolves true when main accepted the change. */
export async function updateSettings(patch: SettingsPatch): Promise<boolean> {
  const store = useSettingsStore.getState();
  store.setSaving(true);
  try {
    const settings = await api.invoke('settings:update', patch);
    useSettingsStore.getState().setSettings(settings);
    await applyLanguage(settings.language);
    return true;
  } catch (error) {
    log.error('settings update failed', { error: describeThrown(error) });
    useNoticeStore.getState().push('error', { error });
    return false;
  } finally {
    useSettingsStore.getState().setSaving(false);
  }
}
