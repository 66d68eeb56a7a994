/**
 * Serves the renderer build from `dist/renderer` on the privileged `app://workstation`
 * scheme: maps a request URL to one file inside that folder (refusing traversal, encoded
 * separators, other hosts and symlinks out of it) and answers with the strict CSP on every
 * response. Pure Node, so it is tested without Electron; main wraps it in `protocol.handle`.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

export { CONTENT_SECURITY_POLICY };

/** Headers on every response, success or error. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
});

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export type AppResponse = {
  status: number;
  headers: Record<string, string>;
  /** Empty for HEAD and for errors' bodies beyond a short plain-text reason. */
  body: Uint8Array;
};

export type AppRequest = { url: string; method?: string };

/** The content type served for a file name (application/octet-stream when unknown). */
export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The relative path segments a request URL names inside the renderer folder, or an error
 * status: 404 for another host or scheme, 400 for anything that tries to leave the folder or
 * hide a separator (`..`, `%2e%2e`, `%2f`, backslashes, NUL, drive letters).
 */
export function requestPathSegments(requestUrl: string): { segments: string[] } | { status: 400 | 404 } {
  // Check the raw text before the URL parser normalises `..`, `%2e` and `\` away.
  const prefix = `${APP_SCHEME}://${APP_HOST}`;
  if (!requestUrl.startsWith(`${prefix}/`) && requestUrl !== prefix) return { status: 404 };
  const rawPath = requestUrl.slice(prefix.length).replace(/[?#].*$/s, '');
  if (/\\|%5c|%2f|%00|%2e|\/\.\.?(\/|$)/i.test(rawPath)) return { status: 400 };
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '' || url.username !== '' || url.password !== '') {
    return { status: 404 };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { status: 400 };
  }
  const segments = decoded.split('/').filter((s) => s !== '');
  for (const segment of segments) {
    // eslint-disable-next-line no-control-regex -- control characters in a path segment are what we refuse
    if (segment === '.' || segment === '..' || /[\\:\u0000-\u001f]/.test(segment)) return { status: 400 };
  }
  return { segments: segments.length === 0 ? ['index.html'] : segments };
}

/**
 * Answers one `app://workstation/…` request from the files under `rootDir`. Never throws:
 * every failure is an error response that still carries the security headers.
 */
export async function handleAppRequest(request: AppRequest, rootDir: string): Promise<AppResponse> {
  const method = (request.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return error(405, 'Method not allowed', { Allow: 'GET, HEAD' });

  const parsed = requestPathSegments(request.url);
  if ('status' in parsed) return error(parsed.status, parsed.status === 400 ? 'Bad request' : 'Not found');

  let root: string;
  let file: string;
  try {
    root = await realpath(rootDir);
    // realpath resolves symlinks, so a link inside dist/renderer cannot point outside it.
    file = await realpath(resolve(root, ...parsed.segments));
  } catch {
    return error(404, 'Not found');
  }
  if (!isInside(root, file)) return error(404, 'Not found');

  let body: Uint8Array;
  try {
    const info = await stat(file);
    if (!info.isFile()) return error(404, 'Not found');
    body = method === 'HEAD' ? new Uint8Array(0) : await readFile(file);
  } catch {
    return error(404, 'Not found');
  }
  return { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file) }, body };
}

function isInside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

function error(status: number, reason: string, extra: Record<string, string> = {}): AppResponse {
  return {
    status,
    headers: { ...SECURITY_HEADERS, ...extra, 'Content-Type': 'text/plain; charset=utf-8' },
    body: new TextEncoder().encode(`${status} ${reason}\n`),
  };
}
