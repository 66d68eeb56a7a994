/**
 * Applies the shell's security policy (security-policy.ts) to Electron objects: a
 * deny-by-default permission handler on the session, and on every webContents no navigation
 * away from the app, no new windows (vetted http(s) links go to the system browser; this is
 * the only way a link leaves the app) and no <webview>.
 */
import type { App, Session, WebContents } from 'electron';
import type { Logger } from '../services/log';
import { decideWindowOpen, isPermissionGranted, shouldPreventNavigation } from './security-policy';

export type SecurityDeps = {
  /** `shell.openExternal`; receives only URLs that passed `vetExternalUrl`. */
  openExternal: (url: string) => Promise<void>;
  log: Logger;
};

/** Denies every permission request and check from web content in this session. */
export function hardenSession(session: Session, log: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.info('permission request denied', { permission });
    callback(isPermissionGranted(permission));
  });
  session.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
}

/** Stops navigation off the app origin, new windows and webviews in one webContents. */
export function hardenWebContents(contents: WebContents, deps: SecurityDeps): void {
  const guard = (kind: string) => (event: { url: string; preventDefault(): void }) => {
    if (!shouldPreventNavigation(event.url)) return;
    event.preventDefault();
    deps.log.warn('navigation blocked', { kind, scheme: schemeOf(event.url) });
  };
  contents.on('will-navigate', guard('will-navigate'));
  contents.on('will-frame-navigate', guard('will-frame-navigate'));
  contents.on('will-redirect', guard('will-redirect'));

  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternally === null) {
      deps.log.warn('window.open refused', { scheme: schemeOf(url) });
    } else {
      const target = decision.openExternally;
      deps.openExternal(target).catch((error: unknown) => {
        deps.log.warn('could not open a link in the system browser', { error });
      });
    }
    return { action: decision.action };
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    deps.log.warn('webview attachment blocked');
  });
}

/** Hardens every webContents the app creates, including ones created later. */
export function hardenAllWebContents(app: App, deps: SecurityDeps): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, deps);
  });
}

/** The scheme only: logs never carry a full URL a reviewer might have typed or clicked. */
function schemeOf(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  return match?.[1]?.toLowerCase() ?? 'invalid';
}
