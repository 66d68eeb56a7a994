/**
 * The shell's security decisions as pure functions: which navigations are stopped, what a
 * `window.open` does, and whether a permission is granted (never). Electron wiring lives in
 * security.ts; keeping the decisions here lets them be tested with hostile input in Node.
 */
import { vetExternalUrl } from '../services/external-links';
import { isAppUrl } from './app-origin';

/**
 * Whether a navigation (top frame, subframe or redirect) must be stopped. The renderer is a
 * single-page app that never needs to leave `app://workstation`; anything else is stopped,
 * including look-alike hosts, `file:`, `javascript:` and `data:` URLs.
 */
export function shouldPreventNavigation(targetUrl: unknown): boolean {
  return !isAppUrl(targetUrl);
}

export type WindowOpenDecision = {
  /** No window is ever created by the renderer. */
  action: 'deny';
  /** The vetted http(s) URL to hand to the system browser, or null to drop the request. */
  openExternally: string | null;
};

/** What a `window.open` / `target=_blank` does: always deny, and open vetted http(s) links outside. */
export function decideWindowOpen(url: unknown): WindowOpenDecision {
  return { action: 'deny', openExternally: vetExternalUrl(url) };
}

/**
 * The permission policy: nothing (camera, microphone, geolocation, notifications, clipboard
 * reads, HID, serial, fullscreen …) is granted to web content. Main does what the renderer
 * needs on its behalf, through the IPC contract.
 */
export function isPermissionGranted(_permission: string): false {
  return false;
}
