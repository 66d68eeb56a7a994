// The generated bridge exposes exactly the contract: one method per channel, one on<Event>
// per event, and nothing that takes a channel name.
import { describe, expect, it, vi } from 'vitest';
import { buildBridge, bridgeKey, eventKey, type Transport } from './bridge';
import { channelNames, eventNames } from './contract';

function transport() {
  const invoke = vi.fn<Transport['invoke']>(() => Promise.resolve({ ok: true, value: null }));
  const subscribe = vi.fn<Transport['subscribe']>(() => () => undefined);
  return { invoke, subscribe, transport: { invoke, subscribe } satisfies Transport };
}

describe('buildBridge', () => {
  it('maps channel and event names to members', () => {
    expect(bridgeKey('candidates:choose-package')).toEqual(['candidates', 'choosePackage']);
    expect(eventKey('candidates:import-progress')).toEqual(['candidates', 'onImportProgress']);
  });

  it('has one member per channel and event, and no others', () => {
    const api = buildBridge(transport().transport) as unknown as Record<string, Record<string, unknown>>;
    const members = Object.entries(api).flatMap(([domain, group]) => Object.keys(group).map((m) => `${domain}.${m}`));
    const expected = [...channelNames.map((c) => bridgeKey(c).join('.')), ...eventNames.map((e) => eventKey(e).join('.'))];
    expect(members.sort()).toEqual(expected.sort());
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.candidates)).toBe(true);
  });

  it('invokes the right channel and returns the unsubscribe function of a subscription', async () => {
    const t = transport();
    const unsubscribe = vi.fn();
    t.subscribe.mockReturnValue(unsubscribe);
    const api = buildBridge(t.transport);
    await api.candidates.get({ id: 'EC-1', revision: 1 });
    expect(t.invoke).toHaveBeenCalledWith('candidates:get', { id: 'EC-1', revision: 1 });
    const listener = vi.fn();
    const off = api.candidates.onImportProgress(listener);
    expect(t.subscribe).toHaveBeenCalledWith('candidates:import-progress', listener);
    off();
    expect(unsubscribe).toHaveBeenCalledOnce();
  });

  it('refuses a subscription without a listener function', () => {
    const api = buildBridge(transport().transport) as unknown as { settings: { onChanged(l: unknown): unknown } };
    expect(() => api.settings.onChanged('settings:changed')).toThrow(TypeError);
  });
});
