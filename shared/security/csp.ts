/**
 * The renderer's Content-Security-Policy, defined once: main's `app://` handler and the
 * browser host send it as a header, and the Vite build writes it into index.html as a meta
 * tag. No inline script or style, no eval, no data: URLs, no network — everything comes from
 * the app's own origin and all traffic goes through main.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
] as const;

/** The header value; `frame-ancestors` only works in a header, so it is added here. */
export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/** The same policy for a `<meta http-equiv>` tag (which ignores frame-ancestors). */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');
