/** Tests of the app:// file server with hostile paths: nothing outside dist/renderer is ever served. */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentTypeFor, handleAppRequest, requestPathSegments, type AppResponse } from './protocol-handler';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'protocol-handler-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>ok</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(join(root, 'assets', 'font.woff2'), new Uint8Array([1, 2, 3]));
  await writeFile(join(root, 'assets', 'blob.xyz'), 'x');
  await writeFile(join(base, 'secret.txt'), 'TOP SECRET');
  await writeFile(join(base, 'renderer-sibling.txt'), 'SIBLING');
  try {
    await symlink(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
  } catch {
    // Symlinks need privileges on Windows; the symlink case is then skipped below.
  }
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handleAppRequest({ url, method }, root);
const text = (r: AppResponse) => new TextDecoder().decode(r.body);

function expectSecurityHeaders(r: AppResponse) {
  expect(r.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(r.headers['X-Content-Type-Options']).toBe('nosniff');
}

describe('handleAppRequest', () => {
  it('serves index.html for / and for the origin itself', async () => {
    for (const url of ['app://workstation/', 'app://workstation', 'app://workstation/index.html', 'app://workstation/?x=1#/queue']) {
      const r = await get(url);
      expect(r.status, url).toBe(200);
      expect(r.headers['Content-Type']).toBe('text/html; charset=utf-8');
      expect(text(r)).toContain('<title>ok</title>');
      expectSecurityHeaders(r);
    }
  });

  it('serves assets with their content types', async () => {
    const js = await get('app://workstation/assets/index-abc.js');
    expect(js.status).toBe(200);
    expect(js.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect((await get('app://workstation/assets/index-abc.css')).headers['Content-Type']).toBe('text/css; charset=utf-8');
    expect((await get('app://workstation/assets/font.woff2')).headers['Content-Type']).toBe('font/woff2');
    expect((await get('app://workstation/assets/blob.xyz')).headers['Content-Type']).toBe('application/octet-stream');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://workstation/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.byteLength).toBe(0);
    const post = await get('app://workstation/index.html', 'POST');
    expect(post.status).toBe(405);
    expectSecurityHeaders(post);
  });

  it('answers 404 for unknown files and directories, with the security headers', async () => {
    for (const url of ['app://workstation/nope.js', 'app://workstation/assets', 'app://workstation/assets/', 'app://workstation/queue/42']) {
      const r = await get(url);
      expect(r.status, url).toBe(404);
      expectSecurityHeaders(r);
    }
  });

  it.each([
    'app://workstation/../secret.txt',
    'app://workstation/assets/../../secret.txt',
    'app://workstation/%2e%2e/secret.txt',
    'app://workstation/%2E%2E/secret.txt',
    'app://workstation/.%2e/secret.txt',
    'app://workstation/assets%2f..%2f..%2fsecret.txt',
    'app://workstation/..%5csecret.txt',
    'app://workstation/..\\secret.txt',
    'app://workstation/assets\\..\\..\\secret.txt',
    'app://workstation/%252e%252e/secret.txt',
    'app://workstation/index.html%00.js',
    'app://workstation/./index.html',
    'app://workstation/C:/Windows/win.ini',
    'app://workstation/%E0%A4%A',
  ])('refuses the hostile path %s', async (url) => {
    const r = await get(url);
    expect([400, 404]).toContain(r.status);
    expect(text(r)).not.toContain('SECRET');
    expectSecurityHeaders(r);
  });

  it('does not serve a sibling folder that shares the root prefix', async () => {
    const r = await get('app://workstation/../renderer-sibling.txt');
    expect(r.status).not.toBe(200);
  });

  it('does not follow a symlink out of the renderer folder', async () => {
    const r = await get('app://workstation/assets/link.txt');
    expect(r.status).toBe(404);
    expect(text(r)).not.toContain('SECRET');
  });

  it.each([
    'app://evil/index.html',
    'app://workstation.evil/index.html',
    'app://workstation:81/index.html',
    'app://user@workstation/index.html',
    'app://workstation@evil/index.html',
    'https://workstation/index.html',
    'file:///etc/passwd',
  ])('refuses another host or scheme: %s', async (url) => {
    const r = await get(url);
    expect(r.status).toBe(404);
    expectSecurityHeaders(r);
  });

  it('answers 404 when the renderer build is missing', async () => {
    const r = await handleAppRequest({ url: 'app://workstation/' }, join(base, 'no-such-dir'));
    expect(r.status).toBe(404);
  });
});

describe('requestPathSegments', () => {
  it('decodes percent-encoded names inside the folder', () => {
    expect(requestPathSegments('app://workstation/assets/a%20b.png')).toEqual({ segments: ['assets', 'a b.png'] });
  });
});

describe('contentTypeFor', () => {
  it('is case-insensitive on the extension', () => {
    expect(contentTypeFor('LOGO.SVG')).toBe('image/svg+xml');
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows no inline script, eval, remote connection or framing', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});
