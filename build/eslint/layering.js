// @ts-check
/**
 * The `local/layering` ESLint rule: the folder a file lives in decides the runtime it runs in
 * (shared/, renderer/, electron/…), and this rule fails the lint when an import reaches for
 * something that runtime must not have (Node in shared/, Electron in services, anything but
 * shared/ipc in the preload, Dexie outside renderer/src/db). See DESIGN.md, "Processes and folders".
 */
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: this file lives in `<root>/build/eslint/`. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Files under this folder are linted as if they sat at the path that follows it. */
const FIXTURES_PREFIX = 'build/eslint/fixtures/';

const BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));

/**
 * What a specifier points at, as far as layering is concerned.
 * @typedef {(
 *   | { kind: 'electron' }
 *   | { kind: 'builtin' }
 *   | { kind: 'react' }
 *   | { kind: 'dexie' }
 *   | { kind: 'package'; name: string }
 *   | { kind: 'repo'; path: string }
 * )} Target
 */

/**
 * The repository-relative POSIX path a file is linted as, or null when it lies outside the
 * repository. Fixture files under `build/eslint/fixtures/` count as the path after the prefix.
 * @param {string} filename absolute path of the linted file
 * @returns {string | null}
 */
export function virtualPath(filename) {
  if (!path.isAbsolute(filename)) return null;
  const rel = path.relative(REPO_ROOT, filename).split(path.sep).join('/');
  if (rel === '' || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) return null;
  return rel.startsWith(FIXTURES_PREFIX) ? rel.slice(FIXTURES_PREFIX.length) : rel;
}

/**
 * Classifies an import specifier written in the file at `fromPath` (repository-relative).
 * @param {string} specifier
 * @param {string} fromPath
 * @returns {Target}
 */
export function classify(specifier, fromPath) {
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
    const joined = path.posix.normalize(path.posix.join(path.posix.dirname(fromPath), specifier));
    return { kind: 'repo', path: joined.replace(/\/$/, '') };
  }
  if (specifier.startsWith('/')) {
    const rel = path.relative(REPO_ROOT, specifier).split(path.sep).join('/');
    return { kind: 'repo', path: rel };
  }
  if (specifier.startsWith('node:')) return { kind: 'builtin' };
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
  if (name === 'electron' || name === 'original-fs') return { kind: 'electron' };
  if (BUILTINS.has(specifier) || BUILTINS.has(name)) return { kind: 'builtin' };
  if (name === 'react' || name === 'react-dom') return { kind: 'react' };
  if (name === 'dexie' || name === 'dexie-react-hooks') return { kind: 'dexie' };
  return { kind: 'package', name };
}

/**
 * @param {string} target repository-relative path
 * @param {string} folder e.g. `electron/services`
 */
const isUnder = (target, folder) => target === folder || target.startsWith(`${folder}/`);

const TEST_FILE = /\.test\.[cm]?[jt]sx?$/;

/**
 * The broken rule for one import, or null when it is allowed.
 * @param {string} file repository-relative path of the importing file
 * @param {Target} target
 * @returns {{ messageId: string; what: string } | null}
 */
export function check(file, target) {
  const what = describe(target);
  const isTest = TEST_FILE.test(file);

  if (target.kind === 'dexie' && !isUnder(file, 'renderer/src/db')) return { messageId: 'dexie', what };

  if (isUnder(file, 'shared')) {
    if (target.kind === 'builtin') return isTest ? null : { messageId: 'sharedNode', what };
    if (target.kind === 'electron' || target.kind === 'react') return { messageId: isTest ? 'sharedTest' : 'shared', what };
    if (target.kind === 'repo' && (isUnder(target.path, 'renderer') || isUnder(target.path, 'electron'))) {
      return { messageId: isTest ? 'sharedTest' : 'shared', what };
    }
    return null;
  }

  if (isUnder(file, 'renderer')) {
    if (target.kind === 'electron' || target.kind === 'builtin') return { messageId: 'renderer', what };
    if (target.kind === 'repo' && isUnder(target.path, 'electron')) return { messageId: 'renderer', what };
    return null;
  }

  if (isUnder(file, 'electron/preload')) {
    if (target.kind === 'electron') return null;
    if (target.kind === 'repo' && isUnder(target.path, 'shared/ipc')) return null;
    return { messageId: 'preload', what };
  }

  if (isUnder(file, 'electron')) {
    if (target.kind === 'repo' && isUnder(target.path, 'renderer')) return { messageId: 'electronRenderer', what };
    if (isUnder(file, 'electron/services') && target.kind === 'electron') return { messageId: 'services', what };
    return null;
  }

  return null;
}

/** @param {Target} target */
function describe(target) {
  switch (target.kind) {
    case 'electron':
      return 'the Electron API';
    case 'builtin':
      return 'a Node built-in module';
    case 'react':
      return 'React';
    case 'dexie':
      return 'Dexie';
    case 'package':
      return `the package ${target.name}`;
    case 'repo':
      return `${target.path || '.'} in this repository`;
  }
}

/** @type {import('eslint').Rule.RuleModule} */
export const layering = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Keeps each runtime folder (shared/, renderer/, electron/, the preload, services) to the imports its runtime allows.',
    },
    schema: [],
    messages: {
      shared:
        "layering (shared/): '{{specifier}}' is {{what}}. shared/ is pure TypeScript that runs in both the renderer and main, so it imports nothing from Electron, Node, React, Dexie, renderer/ or electron/. Move this code to the side that needs it, or pass the capability in as a parameter.",
      sharedNode:
        "layering (shared/): '{{specifier}}' is {{what}}. shared/ also runs in the sandboxed renderer, where Node does not exist; only shared/**/*.test.ts (run by Vitest in Node) may import node:*. Use a Web-standard API or move the code to electron/.",
      sharedTest:
        "layering (shared/ tests): '{{specifier}}' is {{what}}. Tests of shared/ may use Node built-ins, but not Electron, React, Dexie, renderer/ or electron/: they test the pure module as both sides use it.",
      renderer:
        "layering (renderer/): '{{specifier}}' is {{what}}. The renderer runs sandboxed without Node or Electron and reaches main only through window.workstation (the shared/ipc contract); it never imports electron, node:* or electron/.",
      electronRenderer:
        "layering (electron/): '{{specifier}}' is {{what}}. Main-process code never imports renderer/ code; share it through shared/ instead.",
      services:
        "layering (electron/services/): '{{specifier}}' is {{what}}. Services never import electron, so the same code runs under plain Node in tests and in the browser host; take what you need through the Platform ports (electron/services/ports.ts).",
      preload:
        "layering (electron/preload/): '{{specifier}}' is {{what}}. The sandboxed preload may import only 'electron' and shared/ipc/**; it exposes the bridge generated from the contract and nothing else.",
      dexie:
        "layering (Dexie): '{{specifier}}' is {{what}}. Dexie is used only in renderer/src/db/ (schema, migrations, queries); import the query functions from there instead.",
    },
  },
  create(context) {
    const file = virtualPath(context.physicalFilename);
    if (file === null) return {};

    /** @param {import('estree').Node | null | undefined} node */
    const staticString = (node) => {
      if (!node) return null;
      if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
      if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
      return null;
    };

    /**
     * @param {import('estree').Node} node
     * @param {string | null} specifier
     */
    const report = (node, specifier) => {
      if (specifier === null) return;
      const problem = check(file, classify(specifier, file));
      if (problem) context.report({ node, messageId: problem.messageId, data: { specifier, what: problem.what } });
    };

    return {
      ImportDeclaration: (node) => report(node.source, staticString(node.source)),
      ExportNamedDeclaration: (node) => report(node.source ?? node, staticString(node.source)),
      ExportAllDeclaration: (node) => report(node.source, staticString(node.source)),
      ImportExpression: (node) => report(node.source, staticString(node.source)),
      CallExpression: (node) => {
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'require') return;
        const [first] = node.arguments;
        if (first && first.type !== 'SpreadElement') report(first, staticString(first));
      },
      /**
       * `import x = require('fs')` (typescript-eslint's TSExternalModuleReference).
       * @param {any} node
       */
      TSExternalModuleReference: (node) => report(node, staticString(node.expression)),
      /**
       * `typeof import('electron')` in a type position.
       * @param {any} node
       */
      TSImportType: (node) => {
        const source = node.source ?? node.argument?.literal ?? node.argument;
        report(node, staticString(source));
      },
    };
  },
};

/** The `local` plugin as registered in eslint.config.js. */
export const localPlugin = {
  meta: { name: 'local' },
  rules: { layering },
};
