/** Types of layering.js (plain JS so ESLint loads it without a TypeScript loader), for the tests. */
import type { ESLint, Rule } from 'eslint';

export type Target =
  | { kind: 'electron' }
  | { kind: 'builtin' }
  | { kind: 'react' }
  | { kind: 'dexie' }
  | { kind: 'package'; name: string }
  | { kind: 'repo'; path: string };

export declare const REPO_ROOT: string;
export declare function virtualPath(filename: string): string | null;
export declare function classify(specifier: string, fromPath: string): Target;
export declare function check(file: string, target: Target): { messageId: string; what: string } | null;
export declare const layering: Rule.RuleModule;
export declare const localPlugin: ESLint.Plugin & { rules: { layering: Rule.RuleModule } };
