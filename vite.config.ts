/**
 * Vite build of the renderer (renderer/ → dist/renderer). The output must run under the
 * app's strict CSP (`default-src 'self'`): no inline scripts, no data: URLs, relative
 * asset paths so it loads from `app://` as well as from the browser host.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from './shared/security/csp.ts';


/**
 * Adds the CSP meta tag to the built page only: the dev server needs an inline React
 * refresh preamble that this policy would (rightly) block.
 */
function cspMeta(): Plugin {
  return {
    name: 'workstation-csp-meta',
    apply: 'build',
    transformIndexHtml() {
      return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }];
    },
  };
}

// Vite only reads a default export; the house rule against them yields here.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // The polyfill would be an inline script; Chromium (Electron and the e2e browser) has modulepreload.
    modulePreload: { polyfill: false },
    // No data: URLs: the CSP does not allow them.
    assetsInlineLimit: 0,
    target: 'chrome130',
    // One bundle read from local disk (app:// or the loopback host): size matters less than on the web.
    chunkSizeWarningLimit: 1024,
  },
});
