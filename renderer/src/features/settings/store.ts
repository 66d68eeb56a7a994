/**
 * What main told the renderer about itself and the user's settings: the host and its
 * abilities (`app:info`) and the current settings (`settings:get`, `settings:changed`).
 */
import { create } from 'zustand';
import type { AppInfo, Settings } from '../../../../shared/ipc/schemas/app';

type SettingsState = {
  appInfo: AppInfo | null;
  settings: Settings | null;
  /** True while a settings:update is in flight, so controls can show it. */
  saving: boolean;
  setAppInfo: (appInfo: AppInfo) => void;
  setSettings: (settings: Settings) => void;
  setSaving: (saving: boolean) => void;
};

export const useSettingsStore = create<SettingsState>()((set) => ({
  appInfo: null,
  settings: null,
  saving: false,
  setAppInfo: (appInfo) => set({ appInfo }),
  setSettings: (settings) => set({ settings }),
  setSaving: (saving) => set({ saving }),
}));
