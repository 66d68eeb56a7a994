/**
 * Tests of the IPC registrar core with fake events: wrong senders, unknown channels, invalid
 * payloads and failing services each come back as the right `{ok:false}` result.
 */
import { describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../shared/ipc/contract';
import { createDispatcher, type Handlers } from '../../shared/ipc/dispatch';
import { ServiceError } from '../../shared/ipc/result';
import { isTrustedSender } from './app-origin';
import { createIpcHandler, registerIpc, type InvokeEventLike, type IpcMainLike } from './registrar';

const trusted: InvokeEventLike = { senderFrame: { url: 'app://workstation/index.html', parent: null } };

function setup(overrides: Partial<Handlers> = {}) {
  const internal = vi.fn();
  const handlers = {
    'settings:get': () => ({ language: 'zh-CN', contentProtection: false, signingIdleMinutes: 10 }),
    'shell:open-external': () => {
      throw new ServiceError('shell.url-refused', 'Only http and https links can be opened outside the workstation.');
    },
    'candidates:list': () => {
      throw new TypeError('boom: secret detail');
    },
    ...overrides,
  } as Partial<Handlers> as Handlers;
  const handle = createIpcHandler(createDispatcher(handlers, internal), isTrustedSender);
  return { handle, internal };
}

describe('createIpcHandler', () => {
  it('answers a trusted, valid request with the handler value', async () => {
    const { handle } = setup();
    await expect(handle('settings:get', trusted, {})).resolves.toEqual({ ok: true, value: { language: 'zh-CN', contentProtection: false, signingIdleMinutes: 10 } });
  });

  it.each<[string, InvokeEventLike]>([
    ['a subframe', { senderFrame: { url: 'app://workstation/index.html', parent: { url: 'app://workstation/' } } }],
    ['another origin', { senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['a look-alike host', { senderFrame: { url: 'app://workstation.evil/', parent: null } }],
    ['a destroyed frame', { senderFrame: null }],
  ])('refuses %s with ipc.forbidden-sender before parsing anything', async (_name, event) => {
    const handler = vi.fn(() => ({ language: 'en' as const, contentProtection: false, signingIdleMinutes: 10 }));
    const { handle } = setup({ 'settings:get': handler });
    const result = await handle('settings:get', event, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.forbidden-sender' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses a sender whose frame throws on access', async () => {
    const { handle } = setup();
    const event = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed');
      },
    };
    await expect(handle('settings:get', event, {})).resolves.toMatchObject({ ok: false, error: { code: 'ipc.forbidden-sender' } });
  });

  it('answers an unknown channel with ipc.unknown-channel', async () => {
    const { handle } = setup();
    await expect(handle('fs:read-file', trusted, { path: '/etc/passwd' })).resolves.toMatchObject({ ok: false, error: { code: 'ipc.unknown-channel' } });
    await expect(handle('__proto__', trusted, {})).resolves.toMatchObject({ ok: false, error: { code: 'ipc.unknown-channel' } });
  });

  it('answers an invalid payload with ipc.invalid-request naming the field', async () => {
    const { handle } = setup();
    const result = await handle('shell:open-external', trusted, { url: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.invalid-request', params: { channel: 'shell:open-external', field: 'url' } } });
    await expect(handle('settings:get', trusted, { extra: true })).resolves.toMatchObject({ ok: false, error: { code: 'ipc.invalid-request' } });
    await expect(handle('settings:get', trusted, undefined)).resolves.toMatchObject({ ok: false, error: { code: 'ipc.invalid-request' } });
  });

  it('passes a service error through as its own code', async () => {
    const { handle } = setup();
    await expect(handle('shell:open-external', trusted, { url: 'file:///etc/passwd' })).resolves.toEqual({
      ok: false,
      error: { code: 'shell.url-refused', message: 'Only http and https links can be opened outside the workstation.', params: {} },
    });
  });

  it('turns an unexpected error into ipc.internal without leaking its message, and reports it', async () => {
    const { handle, internal } = setup();
    const result = await handle('candidates:list', trusted, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.internal' } });
    expect(JSON.stringify(result)).not.toContain('secret detail');
    expect(internal).toHaveBeenCalledWith('candidates:list', expect.any(TypeError));
  });
});

describe('registerIpc', () => {
  it('registers exactly the contract channels and routes each with its own name', async () => {
    const registered = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
    const ipcMain: IpcMainLike = { handle: (channel, listener) => registered.set(channel, listener) };
    const handler = vi.fn(() => Promise.resolve({ ok: true as const, value: null }));
    registerIpc(ipcMain, handler);
    expect([...registered.keys()].sort()).toEqual([...channelNames].sort());
    await registered.get('settings:get')?.(trusted, { a: 1 }, 'ignored extra argument');
    expect(handler).toHaveBeenCalledWith('settings:get', trusted, { a: 1 });
  });
});
