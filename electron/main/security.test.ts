/**
 * Tests of the shell's security policy and its wiring onto (fake) Electron sessions and
 * webContents: hostile navigations, window.open targets, webviews and permission requests.
 */
import { EventEmitter } from 'node:events';
import type { App, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../services/log';
import { hardenAllWebContents, hardenSession, hardenWebContents } from './security';
import { decideWindowOpen, isPermissionGranted, shouldPreventNavigation } from './security-policy';

const silent = createLogger(() => undefined);

describe('shouldPreventNavigation', () => {
  it('lets the app navigate within its own origin', () => {
    expect(shouldPreventNavigation('app://workstation/index.html')).toBe(false);
    expect(shouldPreventNavigation('app://workstation/index.html#/candidates/1')).toBe(false);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:5780/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<h1>x</h1>',
    'app://evil/index.html',
    'app://workstation.evil/',
    'app://workstation@evil/',
    'about:blank',
    'chrome://settings',
    '',
  ])('stops navigation to %s', (url) => {
    expect(shouldPreventNavigation(url)).toBe(true);
  });

  it('stops navigation when the URL is not a string', () => {
    expect(shouldPreventNavigation(undefined)).toBe(true);
    expect(shouldPreventNavigation({ toString: () => 'app://workstation/' })).toBe(true);
  });
});

describe('decideWindowOpen', () => {
  it('always denies, and hands only vetted http(s) links to the system browser', () => {
    expect(decideWindowOpen('https://example.com/a?b=1')).toEqual({ action: 'deny', openExternally: 'https://example.com/a?b=1' });
    expect(decideWindowOpen('app://workstation/index.html')).toEqual({ action: 'deny', openExternally: null });
    for (const url of ['file:///C:/Windows/System32/calc.exe', 'javascript:alert(1)', 'https://user:pw@example.com/', ' https://example.com', '\\\\server\\share', 'smb://x/y', 'ms-msdt:/id']) {
      expect(decideWindowOpen(url).openExternally, url).toBeNull();
    }
  });
});

describe('isPermissionGranted', () => {
  it('grants nothing', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      expect(isPermissionGranted(p)).toBe(false);
    }
  });
});

type FakeEvent = { url: string; defaultPrevented: boolean; preventDefault(): void };
const event = (url = ''): FakeEvent => ({
  url,
  defaultPrevented: false,
  preventDefault() {
    this.defaultPrevented = true;
  },
});

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  });
  return {
    contents: contents as unknown as WebContents,
    emit: (name: string, e: FakeEvent) => emitter.emit(name, e),
    open: (url: string) => {
      if (!openHandler) throw new Error('no window open handler');
      return openHandler({ url });
    },
  };
}

describe('hardenWebContents', () => {
  it('prevents navigation, frame navigation and redirects away from the app', () => {
    const fake = fakeContents();
    hardenWebContents(fake.contents, { openExternal: vi.fn(() => Promise.resolve()), log: silent });
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const away = event('https://evil.example/');
      fake.emit(name, away);
      expect(away.defaultPrevented, name).toBe(true);
      const home = event('app://workstation/index.html');
      fake.emit(name, home);
      expect(home.defaultPrevented, name).toBe(false);
    }
  });

  it('denies every new window and opens only vetted http(s) links externally', () => {
    const fake = fakeContents();
    const openExternal = vi.fn(() => Promise.resolve());
    hardenWebContents(fake.contents, { openExternal, log: silent });
    expect(fake.open('https://example.com/')).toEqual({ action: 'deny' });
    expect(fake.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(fake.open('app://workstation/index.html')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://example.com/');
  });

  it('logs instead of throwing when the system browser cannot be opened', async () => {
    const fake = fakeContents();
    const warnings: string[] = [];
    const log = createLogger((line) => warnings.push(line));
    hardenWebContents(fake.contents, { openExternal: () => Promise.reject(new Error('no browser')), log });
    expect(fake.open('https://example.com/')).toEqual({ action: 'deny' });
    await vi.waitFor(() => {
      expect(warnings.join('')).toContain('could not open a link');
    });
  });

  it('prevents webview attachment', () => {
    const fake = fakeContents();
    hardenWebContents(fake.contents, { openExternal: vi.fn(() => Promise.resolve()), log: silent });
    const attach = event();
    fake.emit('will-attach-webview', attach);
    expect(attach.defaultPrevented).toBe(true);
  });
});

describe('hardenAllWebContents', () => {
  it('hardens every webContents created after it is installed', () => {
    const app = new EventEmitter();
    hardenAllWebContents(app as unknown as App, { openExternal: vi.fn(() => Promise.resolve()), log: silent });
    const fake = fakeContents();
    app.emit('web-contents-created', {}, fake.contents);
    const away = event('https://evil.example/');
    fake.emit('will-navigate', away);
    expect(away.defaultPrevented).toBe(true);
  });
});

describe('hardenSession', () => {
  it('installs request and check handlers that deny everything', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: ((c: unknown, p: string) => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
    };
    hardenSession(session as unknown as Session, silent);
    const callback = vi.fn();
    request?.(null, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(check?.(null, 'clipboard-read')).toBe(false);
  });
});
