/**
 * Start-up of the shell: reads the host info and settings from main, applies the language,
 * subscribes to settings, candidate and decision changes, and starts the first queue and outbox
 * sync (signed records main journaled are copied into the Dexie outbox). The shell
 * renders nothing but a splash until this is done, so the first paint is in the right language.
 */
import { useCallback, useEffect, useState } from 'react';
import { refreshQueue } from '../features/queue/refresh';
import { syncOutbox } from '../db/outbox';
import { useSettingsStore } from '../features/settings/store';
import { api } from './api';
import { applyLanguage } from './i18n';
import { describeThrown, log } from './log';

export type BootState = { phase: 'loading' } | { phase: 'ready' } | { phase: 'failed'; error: unknown };

/** Copies the signed records main journaled into the outbox; a failure is logged (the journal keeps them). */
async function copyToOutbox(): Promise<void> {
  try {
    await syncOutbox((afterSeq) => api.invoke('records:since', { afterSeq, limit: 500 }));
  } catch (error) {
    log.error('the outbox could not be brought up to date', { error: describeThrown(error) });
  }
}

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
          // A record was signed (main journaled it first): copy it into the outbox.
          api.subscribe('decision:changed', () => {
            void copyToOutbox();
          }),
        );
        setState({ phase: 'ready' });
        await refreshQueue();
        await copyToOutbox();
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
