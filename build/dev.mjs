// `npm run dev`: rebuild the renderer (Vite, watch) and main/preload (esbuild, watch), then run
// Electron with devtools enabled (WORKSTATION_DEV=1) on the demo workspace. Restart Electron
// yourself after a main-process change; renderer changes need only a reload (Ctrl+R).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const children = [];
const run = (command, args, env = {}) => {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  children.push(child);
  return child;
};

run(npx, ['vite', 'build', '--watch', '--mode', 'development', '--logLevel', 'warn']);
run(process.execPath, ['build/build.mjs', '--watch', '--only=main,preload']);
// Give the first builds a moment before Electron loads them.
setTimeout(() => {
  const electron = run(process.execPath, ['build/start.mjs'], { WORKSTATION_DEV: '1' });
  electron.on('exit', (code) => {
    for (const child of children) child.kill();
    process.exit(code ?? 0);
  });
}, 4000);
process.on('SIGINT', () => {
  for (const child of children) child.kill();
  process.exit(0);
});
