/**
 * The renderer's origin, `app://workstation`, and the checks that decide whether a URL or a
 * frame belongs to it. Pure (no `electron` import) so the decisions are unit-tested with
 * hostile input; the IPC registrar, navigation guards and protocol handler all use it.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'workstation';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the one window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The shape of Electron's WebFrameMain that the sender check reads. */
export type FrameLike = { readonly url: string; readonly parent: unknown };

/**
 * True when `input` is a URL on the app origin: scheme `app`, host `workstation`, no port,
 * no credentials. Node gives custom schemes an opaque `origin` ("null"), so the parts are
 * compared one by one rather than through `URL.origin`.
 */
export function isAppUrl(input: unknown): boolean {
  if (typeof input !== 'string' || input.length === 0 || input.length > 8192) return false;
  // The prefix check is exact and case-sensitive: the URL parser would otherwise forgive
  // `app:workstation`, `app:\\workstation` or surrounding whitespace.
  if (!input.startsWith(`${APP_ORIGIN}/`) && input !== APP_ORIGIN) return false;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.hostname === APP_HOST && url.port === '' && url.username === '' && url.password === '';
}

/**
 * True only for the top frame (no parent) of a document on the app origin. Subframes,
 * other schemes, look-alike hosts (`app://workstation.evil`), a destroyed frame (null) and
 * malformed URLs are all untrusted.
 */
export function isTrustedSender(frame: FrameLike | null | undefined): boolean {
  if (frame === null || frame === undefined || typeof frame !== 'object') return false;
  let url: unknown;
  let parent: unknown;
  try {
    // A WebFrameMain whose frame is gone throws on access; that sender is untrusted too.
    url = frame.url;
    parent = frame.parent;
  } catch {
    return false;
  }
  return parent === null && isAppUrl(url);
}
