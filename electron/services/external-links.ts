/**
 * The one policy for opening links outside the app: only absolute http(s) URLs without
 * credentials, control characters or oddities go to the system browser. Everything else
 * (file:, javascript:, custom schemes, UNC paths, smuggled whitespace) is refused.
 */

/** Returns the normalised URL when it may be opened externally, or null. */
export function vetExternalUrl(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  if (input.length === 0 || input.length > 2048) return null;
  // Reject anything the URL parser would silently strip or rewrite (tabs, newlines, leading
  // spaces, NULs) so what the user saw is what opens.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
  if (/[\u0000-\u0020\u007f-\u009f\\]/.test(input)) return null;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '') return null;
  if (url.hostname === '') return null;
  if (!/^https?:\/\/[^/]/i.test(input)) return null;
  return url.href;
}
