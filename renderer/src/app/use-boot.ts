/**
 * Start-up of the shell: reads the host info and settings from main, applies the language,
 * subscribes to settings and candidate changes, and starts the first queue sync. The shell
 * renders nothing but a splash until this is done, so the first paint is in the right language.
 */
import { useCallback, useEffect, useState } from 'react';
import { refreshQueue } from '../features/queue/refresh';
import { useSettingsStore } from '../features/settings/store';
import { api } from './api';
import { applyLanguage } from './i18n';
import { describeThrown, log } from './log';

export type BootState = { phase: 'loading' } | { phase: 'ready' } | { phase: 'failed'; error: unknown };

export function useBoot(): BootState & { retry: () => void } {
  const [state, setState] = useState<BootState>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => {
    setState({ phase: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  useEffect(() => {
    let cancelled = false;
    // A function, so each check after an await reads the flag as it is then (TypeScript
    // would otherwise keep the narrowing from the check before the await).
    const isCancelled = () => cancelled;
    const unsubscribes: Array<() => void> = [];
    const start = async () => {
      try {
        const [appInfo, settings] = await Promise.all([api.invoke('app:info', {}), api.invoke('settings:get', {})]);
        if (isCancelled()) return;
        const store = useSettingsStore.getState();
        store.setAppInfo(appInfo);
        store.setSettings(settings);
        await applyLanguage(settings.language);
        if (isCancelled()) return;
        unsubscribes.push(
          api.subscribe('settings:changed', (next) => {
            useSettingsStore.getState().setSettings(next);
            void applyLanguage(next.language);
          }),
          api.subscribe('candidates:changed', () => {
            void refreshQueue();
          }),
        );
        setState({ phase: 'ready' });
        await refreshQueue();
      } catch (error) {
        log.error('start-up failed', { error: describeThrown(error) });
        if (!isCancelled()) setState({ phase: 'failed', error });
      }
    };
    void start();
    return () => {
      cancelled = true;
      for (const unsubscribe of unsubscribes) unsubscribe();
    };
  }, [attempt]);

  return { ...state, retry };
}
