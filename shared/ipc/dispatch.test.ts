// The dispatcher turns every kind of bad call into a typed error result and never throws.
import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, type Handlers } from './dispatch';
import { ServiceError } from './result';

const settings = { language: 'zh-CN', contentProtection: false, signingIdleMinutes: 10 } as const;

function dispatcher(overrides: Partial<Handlers> = {}) {
  const internal = vi.fn();
  const handlers = {
    'settings:get': () => settings,
    'settings:update': (patch: object) => ({ ...settings, ...patch }),
    ...overrides,
  } as unknown as Handlers;
  return { dispatch: createDispatcher(handlers, internal), internal };
}

describe('createDispatcher', () => {
  it('returns the handler value for a valid request', async () => {
    const { dispatch } = dispatcher();
    expect(await dispatch('settings:update', { language: 'en' })).toEqual({ ok: true, value: { language: 'en', contentProtection: false, signingIdleMinutes: 10 } });
  });

  it('refuses an unknown channel without calling anything', async () => {
    const { dispatch, internal } = dispatcher();
    const result = await dispatch('files:delete-everything', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.unknown-channel' } });
    expect(internal).not.toHaveBeenCalled();
  });

  it('does not treat Object.prototype members as channels', async () => {
    const { dispatch } = dispatcher();
    expect(await dispatch('constructor', {})).toMatchObject({ ok: false, error: { code: 'ipc.unknown-channel' } });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'ipc.unknown-channel' } });
  });

  it('refuses an invalid payload naming the field, before the handler runs', async () => {
    const handler = vi.fn();
    const { dispatch } = dispatcher({ 'settings:update': handler });
    const result = await dispatch('settings:update', { language: 'fr' });
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.invalid-request', params: { channel: 'settings:update', field: 'language' } } });
    expect(handler).not.toHaveBeenCalled();
    expect(await dispatch('settings:update', 'not an object')).toMatchObject({ ok: false, error: { code: 'ipc.invalid-request' } });
    expect(await dispatch('settings:update', { language: 'en', extra: 1 })).toMatchObject({ ok: false, error: { code: 'ipc.invalid-request' } });
  });

  it('passes a ServiceError through as its code and message', async () => {
    const { dispatch, internal } = dispatcher({
      'settings:get': () => {
        throw new ServiceError('settings.locked', 'Settings are locked.', { reason: 'test' });
      },
    });
    expect(await dispatch('settings:get', {})).toEqual({ ok: false, error: { code: 'settings.locked', message: 'Settings are locked.', params: { reason: 'test' } } });
    expect(internal).not.toHaveBeenCalled();
  });

  it('hides an unexpected error behind ipc.internal and reports it to the sink', async () => {
    const boom = new Error('secret detail 13812345678');
    const { dispatch, internal } = dispatcher({
      'settings:get': () => {
        throw boom;
      },
    });
    const result = await dispatch('settings:get', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.internal' } });
    expect(JSON.stringify(result)).not.toContain('13812345678');
    expect(internal).toHaveBeenCalledWith('settings:get', boom);
  });

  it('refuses to return a response that breaks the contract', async () => {
    const { dispatch, internal } = dispatcher({ 'settings:get': () => ({ language: 'klingon', contentProtection: false, signingIdleMinutes: 10 }) as never });
    expect(await dispatch('settings:get', {})).toMatchObject({ ok: false, error: { code: 'ipc.internal' } });
    expect(internal).toHaveBeenCalledOnce();
  });
});
