/**
 * The i18next instance of the renderer: zh-CN (default) and en resources, typed keys for
 * `t()`, and `applyLanguage`, which switches the language and updates `<html lang>` and the
 * window title. The chosen language itself is a setting that main stores.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../shared/ipc/schemas/app';
import { en } from './en';
import { zhCN } from './zh-CN';

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const;

export const DEFAULT_LANGUAGE: Language = 'zh-CN';

declare module 'i18next' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmenting i18next's CustomTypeOptions needs an interface.
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}

export const i18n: I18n = i18next.createInstance();

// With inline resources and initAsync:false, init finishes synchronously.
void i18n.use(initReactI18next).init({
  resources,
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  load: 'currentOnly',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** Switches the UI language and keeps `<html lang>` and the document title in step. */
export async function applyLanguage(language: Language): Promise<void> {
  if (i18n.language !== language) await i18n.changeLanguage(language);
  if (typeof document !== 'undefined') {
    document.documentElement.lang = language;
    document.title = i18n.t('app.productName');
  }
}

/** `t` for keys computed at run time (error codes); callers check `hasMessage` first. */
export function translateDynamic(key: string, params?: Record<string, unknown>): string {
  return (i18n.t as (key: string, options?: Record<string, unknown>) => string)(key, params);
}

/** Whether the current language (or its fallback) has a string at `key`. */
export function hasMessage(key: string): boolean {
  return i18n.exists(key);
}

/** The raw, uninterpolated string at `key` in the current language, if any. */
export function rawMessage(key: string): string | undefined {
  const value: unknown = i18n.getResource(i18n.language, 'translation', key) ?? i18n.getResource(DEFAULT_LANGUAGE, 'translation', key);
  return typeof value === 'string' ? value : undefined;
}
