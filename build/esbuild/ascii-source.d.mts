/** Types of build/esbuild/ascii-source.mjs (plain Node ESM, loaded by build.mjs) for its TypeScript users. */
import type { Plugin } from 'esbuild';
export declare function escapeNonAscii(text: string): string;
export declare const asciiSource: Plugin;
