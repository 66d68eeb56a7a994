/** Types of build/start.mjs (plain Node ESM so `npm start` needs no loader) for its TypeScript users. */
export declare const REPO_ROOT: string;
export declare function platformBinaryPath(platform?: string): string;
export declare function findElectronBinary(options?: {
  root?: string;
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
}): { path: string } | { missing: string };
