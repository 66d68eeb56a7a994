/**
 * Tests of the `local/layering` rule: RuleTester cases for every runtime folder's rule, and
 * full ESLint runs (a minimal config and the real eslint.config.js) over the violating
 * fixture files in build/eslint/fixtures/, which the rule treats as if they sat at the repo root.
 */
import { join, relative, sep } from 'node:path';
import { ESLint, RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, classify, layering, localPlugin, virtualPath } from './layering.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' } });

const at = (rel: string) => join(REPO_ROOT, rel);
const valid = (file: string, code: string) => ({ filename: at(file), code });
const invalid = (file: string, code: string, messageId: string) => ({ filename: at(file), code, errors: [{ messageId }] });

tester.run('local/layering', layering, {
  valid: [
    // shared/: other shared modules and ordinary libraries.
    valid('shared/ipc/contract.ts', "import { z } from 'zod'; import { Settings } from './schemas/app';"),
    valid('shared/formats/x.ts', "export { canonicalize } from '../crypto/canonical';"),
    // shared/ tests run in Node.
    valid('shared/formats/x.test.ts', "import { readFileSync } from 'node:fs'; import { join } from 'path'; import { x } from './x';"),
    // renderer/: React, Dexie inside src/db, shared/.
    valid('renderer/src/app/App.tsx', "import { useState } from 'react'; import { createRoot } from 'react-dom/client'; import { Settings } from '../../../shared/ipc';"),
    valid('renderer/src/db/schema.ts', "import { Dexie } from 'dexie'; import { useLiveQuery } from 'dexie-react-hooks';"),
    valid('renderer/src/db/schema.test.ts', "import 'fake-indexeddb/auto'; import { Dexie } from 'dexie';"),
    // electron/main: electron, Node, services, shared.
    valid('electron/main/index.ts', "import { app } from 'electron'; import { join, relative, sep } from 'node:path'; import { createServices } from '../services/index';"),
    valid('electron/main/menu.ts', "import type { MenuItemConstructorOptions } from 'electron';"),
    // electron/services: Node and shared, no electron.
    valid('electron/services/index.ts', "import { readFile } from 'node:fs/promises'; import { fail } from '../../shared/ipc/result'; import { x } from './ports';"),
    // electron/preload: electron and shared/ipc only.
    valid('electron/preload/index.ts', "import { contextBridge, ipcRenderer } from 'electron'; import { buildBridge } from '../../shared/ipc/bridge'; import { events } from '../../shared/ipc';"),
    // Folders without a runtime rule (build/, e2e/), and non-static specifiers.
    valid('build/start.mjs', "import { spawn } from 'node:child_process'; import { app } from 'electron';"),
    valid('e2e/host/host.ts', "import { createServices } from '../../electron/services/index';"),
    valid('shared/x.ts', 'const name = pick(); await import(name);'),
    // A file outside the repository is not checked.
    { filename: '/elsewhere/shared/x.ts', code: "import fs from 'node:fs';" },
  ],
  invalid: [
    // shared/
    invalid('shared/crypto/digest.ts', "import { createHash } from 'node:crypto';", 'sharedNode'),
    invalid('shared/crypto/digest.ts', "import { createHash } from 'crypto';", 'sharedNode'),
    invalid('shared/formats/x.ts', "import { readFile } from 'fs/promises';", 'sharedNode'),
    invalid('shared/formats/x.ts', "const fs = require('fs');", 'sharedNode'),
    invalid('shared/formats/x.ts', "const m = await import('node:path');", 'sharedNode'),
    invalid('shared/formats/x.ts', "export * from 'node:util';", 'sharedNode'),
    invalid('shared/formats/x.ts', "import fs = require('fs');", 'sharedNode'),
    invalid('shared/ipc/x.ts', "import { ipcRenderer } from 'electron';", 'shared'),
    invalid('shared/ipc/x.ts', "import type { IpcMainInvokeEvent } from 'electron';", 'shared'),
    invalid('shared/ipc/x.ts', "type App = typeof import('electron');", 'shared'),
    invalid('shared/ipc/x.ts', "import { useState } from 'react';", 'shared'),
    invalid('shared/ipc/x.ts', "import { createRoot } from 'react-dom/client';", 'shared'),
    invalid('shared/ipc/x.ts', "import { Dexie } from 'dexie';", 'dexie'),
    invalid('shared/ipc/x.ts', "import { useLiveQuery } from 'dexie-react-hooks';", 'dexie'),
    invalid('shared/ipc/x.ts', "import { App } from '../../renderer/src/app/App';", 'shared'),
    invalid('shared/ipc/x.ts', "import { createServices } from '../../electron/services/index';", 'shared'),
    invalid('shared/ipc/x.ts', "export { vetExternalUrl } from '../../electron/services/external-links';", 'shared'),
    // shared/ tests: Node yes, the rest no.
    invalid('shared/ipc/x.test.ts', "import { app } from 'electron';", 'sharedTest'),
    invalid('shared/ipc/x.test.ts', "import { render } from 'react-dom';", 'sharedTest'),
    invalid('shared/ipc/x.test.ts', "import { createServices } from '../../electron/services/index';", 'sharedTest'),
    invalid('shared/ipc/x.test.ts', "import { Dexie } from 'dexie';", 'dexie'),
    // renderer/
    invalid('renderer/src/app/api.ts', "import { ipcRenderer } from 'electron';", 'renderer'),
    invalid('renderer/src/app/api.ts', "import { ipcRenderer } from 'electron/renderer';", 'renderer'),
    invalid('renderer/src/app/api.ts', "import { readFile } from 'node:fs/promises';", 'renderer'),
    invalid('renderer/src/app/api.ts', "import { EventEmitter } from 'events';", 'renderer'),
    invalid('renderer/src/app/api.ts', "import { vetExternalUrl } from '../../../electron/services/external-links';", 'renderer'),
    invalid('renderer/src/app/api.ts', "import type { Services } from '../../../electron/services/index';", 'renderer'),
    invalid('renderer/src/features/queue/store.ts', "import { Dexie } from 'dexie';", 'dexie'),
    invalid('renderer/src/features/queue/list.tsx', "import { useLiveQuery } from 'dexie-react-hooks';", 'dexie'),
    // electron/ never imports renderer/
    invalid('electron/main/index.ts', "import { App } from '../../renderer/src/app/App';", 'electronRenderer'),
    invalid('electron/cli/main.ts', "import '../../renderer/src/app/i18n';", 'electronRenderer'),
    invalid('electron/services/x.ts', "import { t } from '../../renderer/src/app/i18n';", 'electronRenderer'),
    invalid('electron/main/x.ts', "import { Dexie } from 'dexie';", 'dexie'),
    // electron/services/ never imports electron
    invalid('electron/services/candidates/store.ts', "import { app } from 'electron';", 'services'),
    invalid('electron/services/candidates/store.ts', "import type { WebContents } from 'electron';", 'services'),
    invalid('electron/services/candidates/store.ts', "const { safeStorage } = require('electron');", 'services'),
    invalid('electron/services/candidates/store.ts', "import fs from 'original-fs';", 'services'),
    // electron/preload/ imports only electron and shared/ipc/**
    invalid('electron/preload/index.ts', "import { readFileSync } from 'node:fs';", 'preload'),
    invalid('electron/preload/index.ts', "import { z } from 'zod';", 'preload'),
    invalid('electron/preload/index.ts', "import { createServices } from '../services/index';", 'preload'),
    invalid('electron/preload/index.ts', "import { canonicalize } from '../../shared/formats/canonical';", 'preload'),
    invalid('electron/preload/index.ts', "import { helper } from './helper';", 'preload'),
    invalid('electron/preload/index.ts', "import { x } from '../../shared/ipc-evil/x';", 'preload'),
    invalid('electron/preload/index.ts', "const m = await import('../main/index');", 'preload'),
    // Several violations in one file are each reported.
    {
      filename: at('shared/x.ts'),
      code: "import a from 'node:fs'; import b from 'electron'; import c from 'react';",
      errors: [{ messageId: 'sharedNode' }, { messageId: 'shared' }, { messageId: 'shared' }],
    },
  ],
});

describe('virtualPath', () => {
  it('maps build/eslint/fixtures/<runtime>/… to <runtime>/…', () => {
    expect(virtualPath(at('build/eslint/fixtures/shared/a.ts'))).toBe('shared/a.ts');
    expect(virtualPath(at('build/eslint/fixtures/electron/preload/bad.ts'))).toBe('electron/preload/bad.ts');
    expect(virtualPath(at('shared/a.ts'))).toBe('shared/a.ts');
    expect(virtualPath(at('e2e/fixtures.ts'))).toBe('e2e/fixtures.ts');
    expect(virtualPath('/somewhere/else.ts')).toBeNull();
  });
});

describe('classify', () => {
  it('resolves relative specifiers against the file', () => {
    expect(classify('../../renderer/src/x', 'electron/main/a.ts')).toEqual({ kind: 'repo', path: 'renderer/src/x' });
    expect(classify('./b', 'shared/ipc/a.ts')).toEqual({ kind: 'repo', path: 'shared/ipc/b' });
    expect(classify('..', 'shared/ipc/a.ts')).toEqual({ kind: 'repo', path: 'shared' });
  });

  it('tells packages, built-ins, electron, react and dexie apart', () => {
    expect(classify('electron/main', 'x.ts')).toEqual({ kind: 'electron' });
    expect(classify('node:test', 'x.ts')).toEqual({ kind: 'builtin' });
    expect(classify('stream/web', 'x.ts')).toEqual({ kind: 'builtin' });
    expect(classify('react/jsx-runtime', 'x.ts')).toEqual({ kind: 'react' });
    expect(classify('dexie-react-hooks', 'x.ts')).toEqual({ kind: 'dexie' });
    expect(classify('@tanstack/react-table', 'x.ts')).toEqual({ kind: 'package', name: '@tanstack/react-table' });
    expect(classify('fs-extra', 'x.ts')).toEqual({ kind: 'package', name: 'fs-extra' });
  });
});

const FIXTURES = {
  'shared/bad-node-import.ts': 2,
  'shared/bad-layer-import.ts': 3,
  'renderer/bad-electron-import.ts': 2,
  'renderer/src/features/bad-dexie.ts': 1,
  'electron/services/bad.ts': 1,
  'electron/preload/bad.ts': 2,
  'electron/main/bad-renderer-import.ts': 1,
} as const;

const fixture = (rel: string) => join(REPO_ROOT, 'build', 'eslint', 'fixtures', rel);
const layeringErrors = (result: ESLint.LintResult) => result.messages.filter((m) => m.ruleId === 'local/layering');

describe('ESLint on the fixture files', () => {
  it('fails every violating fixture with the plugin alone', async () => {
    const eslint = new ESLint({
      cwd: REPO_ROOT,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tseslint.parser },
          plugins: { local: localPlugin },
          rules: { 'local/layering': 'error' },
        },
      ],
    });
    const results = await eslint.lintFiles(Object.keys(FIXTURES).map(fixture));
    for (const result of results) {
      const rel = Object.keys(FIXTURES).find((k) => result.filePath === fixture(k)) as keyof typeof FIXTURES;
      expect(layeringErrors(result), rel).toHaveLength(FIXTURES[rel]);
      expect(result.errorCount, rel).toBeGreaterThan(0);
    }
  });

  it('reports them as errors under the real eslint.config.js', async () => {
    const eslint = new ESLint({ cwd: REPO_ROOT, overrideConfigFile: join(REPO_ROOT, 'eslint.config.js'), ignore: false });
    const results = await eslint.lintFiles([...Object.keys(FIXTURES).map(fixture), fixture('electron/preload/good.ts')]);
    for (const result of results) {
      const rel = relative(fixture('.'), result.filePath).split(sep).join('/');
      const errors = layeringErrors(result);
      if (rel === 'electron/preload/good.ts') {
        expect(errors, rel).toEqual([]);
        continue;
      }
      expect(errors.length, rel).toBe(FIXTURES[rel as keyof typeof FIXTURES]);
      for (const message of errors) {
        expect(message.severity, rel).toBe(2);
        expect(message.message).toMatch(/^layering \(/);
      }
    }
  }, 60_000);

  it('is ignored by the normal lint run', async () => {
    const eslint = new ESLint({ cwd: REPO_ROOT });
    await expect(eslint.isPathIgnored(fixture('shared/bad-node-import.ts'))).resolves.toBe(true);
  });
});
