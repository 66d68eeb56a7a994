/**
 * Loads one channel's answer for the diff views: asks again whenever the request (compared by
 * its JSON) or `refresh` changes, or on `reload`; answers for an earlier request are dropped.
 * A null request means "not now" (e.g. the scan has not finished).
 */
import { useCallback, useEffect, useState } from 'react';
import type { ChannelName, RequestOf, ResponseOf } from '../../../../shared/ipc/contract';
import { api } from '../../app/api';
import { describeThrown, log } from '../../app/log';

export type Loaded<T> = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; error: unknown };

type Entry<T> = { key: string; result: { ok: true; value: T } | { ok: false; error: unknown } };

export function useInvoke<C extends ChannelName>(channel: C, request: RequestOf<C> | null, refresh: unknown = null): [Loaded<ResponseOf<C>>, () => void] {
  const [nonce, setNonce] = useState(0);
  const [entry, setEntry] = useState<Entry<ResponseOf<C>> | null>(null);
  const key = request === null ? null : JSON.stringify([channel, request, refresh, nonce]);

  useEffect(() => {
    if (key === null) return;
    let active = true;
    const [, body] = JSON.parse(key) as [C, RequestOf<C>];
    const load = async () => {
      try {
        const value = await api.invoke(channel, body);
        if (active) setEntry({ key, result: { ok: true, value } });
      } catch (error) {
        log.warn('diff data failed', { channel, error: describeThrown(error) });
        if (active) setEntry({ key, result: { ok: false, error } });
      }
    };
    void load();
    return () => {
      active = false;
    };
  }, [channel, key]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);

  if (key === null) return [{ status: 'idle' }, reload];
  if (entry?.key !== key) return [{ status: 'loading' }, reload];
  return [entry.result.ok ? { status: 'ready', value: entry.result.value } : { status: 'failed', error: entry.result.error }, reload];
}
