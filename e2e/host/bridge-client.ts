/**
 * The browser host's `window.workstation`: the same bridge the preload builds, generated from
 * the same contract, but carried over loopback HTTP (requests) and Server-Sent Events
 * (subscriptions). Loaded as a classic script before the app bundle; never part of the
 * production renderer. The host prepends `__WORKSTATION_HOST_TOKEN__` when serving it.
 */
import { buildBridge } from '../../shared/ipc/bridge';
import type { EventName } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';

declare const __WORKSTATION_HOST_TOKEN__: string;

const token = __WORKSTATION_HOST_TOKEN__;
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
let source: EventSource | null = null;

function ensureEvents(): void {
  if (source) return;
  source = new EventSource(`/__host/events?token=${encodeURIComponent(token)}`);
  source.addEventListener('message', (event: MessageEvent<string>) => {
    const { name, payload } = JSON.parse(event.data) as { name: EventName; payload: unknown };
    for (const listener of listeners.get(name) ?? []) listener(payload);
  });
}

const workstation = buildBridge({
  async invoke(channel, request) {
    try {
      const response = await fetch(`/__host/ipc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-workstation-token': token },
        body: JSON.stringify(request),
      });
      return (await response.json()) as Result<unknown>;
    } catch (error) {
      return { ok: false, error: { code: 'ipc.host-unreachable', message: `The browser host did not answer: ${String(error)}` } };
    }
  },
  subscribe(event, listener) {
    ensureEvents();
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  },
});

Object.defineProperty(window, 'workstation', { value: workstation, writable: false, configurable: false, enumerable: true });
