/** Hostile-input tests of the app-origin checks that guard IPC and navigation. */
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl, isTrustedSender, type FrameLike } from './app-origin';

const top = (url: string): FrameLike => ({ url, parent: null });

describe('isTrustedSender', () => {
  it('trusts the top frame of the app origin', () => {
    expect(isTrustedSender(top(APP_ENTRY_URL))).toBe(true);
    expect(isTrustedSender(top('app://workstation/'))).toBe(true);
    expect(isTrustedSender(top('app://workstation/index.html#/queue?x=1'))).toBe(true);
  });

  it('refuses a subframe even on the app origin', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, parent: top(APP_ENTRY_URL) })).toBe(false);
  });

  it('refuses a missing or destroyed frame', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    const destroyed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    expect(isTrustedSender(destroyed)).toBe(false);
  });

  it.each([
    ['another scheme', 'https://workstation/index.html'],
    ['file URL', 'file:///work/main/dist/renderer/index.html'],
    ['another app host', 'app://evil/index.html'],
    ['look-alike host', 'app://workstation.evil/index.html'],
    ['host with a port', 'app://workstation:8080/index.html'],
    ['credentials', 'app://user:pass@workstation/index.html'],
    ['credentials spoofing the host', 'app://workstation@evil/index.html'],
    ['upper-case scheme trick', 'APP://workstation/index.html'],
    ['leading whitespace', ' app://workstation/index.html'],
    ['backslashes', 'app:\\\\workstation\\index.html'],
    ['missing slashes', 'app:workstation/index.html'],
    ['about:blank', 'about:blank'],
    ['data URL', 'data:text/html,<script>1</script>'],
    ['empty', ''],
    ['malformed', 'app://work station/%'],
    ['devtools', 'devtools://devtools/bundled/inspector.html'],
  ])('refuses %s', (_name, url) => {
    expect(isTrustedSender(top(url))).toBe(false);
  });

  it('refuses a frame whose url is not a string', () => {
    expect(isTrustedSender({ url: 42, parent: null } as unknown as FrameLike)).toBe(false);
  });
});

describe('isAppUrl', () => {
  it('accepts only app://workstation URLs', () => {
    expect(isAppUrl('app://workstation/assets/index-abc.js')).toBe(true);
    expect(isAppUrl('app://workstation')).toBe(true);
    expect(isAppUrl('app://workstationx/')).toBe(false);
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl(`app://workstation/${'a'.repeat(9000)}`)).toBe(false);
  });
});
