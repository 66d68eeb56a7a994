// Builds everything except the renderer (Vite builds that): the Electron main process and
// the sandboxed preload (CommonJS, as Electron requires for sandboxed preloads), the browser
// host and its injected bridge, and the `review` CLI. Usage: node build/build.mjs [--only=cli] [--watch] [--quiet]
import * as esbuild from 'esbuild';
import { asciiSource } from './esbuild/ascii-source.mjs';
import { fileURLToPath } from 'node:url';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const only = [...args].find((a) => a.startsWith('--only='))?.slice('--only='.length);
const watch = args.has('--watch');
const quiet = args.has('--quiet');

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// The app version, compiled in where there is no Electron `app.getVersion()` (browser host, CLI).
const define = { __WORKSTATION_VERSION__: JSON.stringify(version) };

/**
 * zod's error messages in some fifty languages (`z.locales`, 400 KB of every bundle that
 * validates anything) are never used here — messages are our own, in English and Chinese, and
 * zod's default English is imported on its own — so its locale index is left out: less code
 * for every process and worker to load before it can start.
 */
const withoutZodLocales = {
  name: 'without-zod-locales',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (/[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'stub' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

const node = { define, bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: quiet ? 'error' : 'info', absWorkingDir: root, plugins: [withoutZodLocales] };

/**
 * The bundles every `review check` and every scan loads before it can start: no comments or
 * indentation, and ASCII only (ascii-source.mjs), so V8 reads, hashes and compiles one-byte
 * text (on the 2-core build machine the CLI started in 0.65 s before, 0.48 s after). Source
 * maps still lead to the sources.
 */
const lean = { ...node, minifyWhitespace: true, plugins: [...node.plugins, asciiSource] };

/** @type {Record<string, import('esbuild').BuildOptions>} */
const targets = {
  main: { ...node, entryPoints: ['electron/main/index.ts'], outfile: 'dist/electron/main.cjs', external: ['electron'], target: 'node22' },
  // The preload runs in the sandbox: only `electron` may be required, so everything else is bundled.
  preload: { ...node, platform: 'browser', entryPoints: ['electron/preload/index.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'], target: 'chrome140' },
  host: { ...node, entryPoints: ['e2e/host/main.ts'], outfile: 'dist/host/host.cjs' },
  bridge: { ...node, platform: 'browser', format: 'iife', entryPoints: ['e2e/host/bridge-client.ts'], outfile: 'dist/host/bridge.js', target: 'chrome120', sourcemap: false },
  // Scan workers (worker_threads) for the app, the browser host and the CLI.
  worker: { ...lean, entryPoints: ['electron/services/scan/scan-worker.ts'], outfile: 'dist/workers/scan-worker.cjs' },
  // The `review` CLI: a small entry that starts the scan workers, then requires the commands' bundle.
  cli: { ...lean, entryPoints: { review: 'electron/cli/main.ts', 'review-commands': 'electron/cli/review.ts' }, outdir: 'dist/cli', outExtension: { '.js': '.cjs' } },
};

const selected = only ? only.split(',') : Object.keys(targets);
for (const name of selected) {
  const options = targets[name];
  if (!options) {
    console.error(`build: unknown target "${name}" (known: ${Object.keys(targets).join(', ')})`);
    process.exit(2);
  }
  if (watch) {
    const context = await esbuild.context(options);
    await context.watch();
  } else {
    const result = await esbuild.build({ ...options, metafile: true });
    if (options.plugins?.includes(asciiSource)) assertAscii(Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.cjs')));
  }
}

/** Fails the build when a lean bundle is not ASCII (a dependency's regular expression, say), naming the place. */
function assertAscii(files) {
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    const at = text.search(/[\u0080-\uffff]/);
    if (at !== -1) {
      console.error(`build: ${file} is not ASCII at offset ${at}: …${text.slice(Math.max(0, at - 60), at + 20)}… — escape it in the source (see build/esbuild/ascii-source.mjs)`);
      process.exit(1);
    }
  }
}

// The 出域审核意见书 embeds Noto Serif SC (SIL OFL): the packaged app has no node_modules, so the
// two font files and their licence go beside the bundles (dist/fonts), where the PDF code looks.
if (selected.some((name) => name === 'main' || name === 'host' || name === 'cli')) {
  const fontPackage = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-serif-sc/package.json'));
  mkdirSync(join(root, 'dist', 'fonts'), { recursive: true });
  for (const file of ['400Regular/NotoSerifSC_400Regular.ttf', '700Bold/NotoSerifSC_700Bold.ttf', 'LICENSE_FONT']) {
    copyFileSync(join(fontPackage, file), join(root, 'dist', 'fonts', file.split('/').pop()));
  }
}
