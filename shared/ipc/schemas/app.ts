/** Schemas of the app-level channels: what host the renderer runs in, and user settings. */
import { z } from 'zod';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const AppInfo = z.strictObject({
  version: z.string(),
  /** `electron` in the desktop app, `browser` under the browser host (development and e2e). */
  host: z.enum(['electron', 'browser']),
  platform: z.string(),
  /** Whether main can show a native open dialog (false in the browser host). */
  nativeDialogs: z.boolean(),
  /** Whether the content-protection setting takes effect on this host. */
  contentProtectionSupported: z.boolean(),
});
export type AppInfo = z.output<typeof AppInfo>;

export const Settings = z.strictObject({
  language: z.enum(LANGUAGES),
  /** Hide the window from screen capture (secure rooms); `setContentProtection` in Electron. */
  contentProtection: z.boolean(),
  /** Minutes without a signature after which the current user's signing key locks itself (settings files from before this field get the default). */
  signingIdleMinutes: z.number().int().min(1).max(240).default(10),
});
export type Settings = z.output<typeof Settings>;

export const SettingsPatch = Settings.partial();
export type SettingsPatch = z.output<typeof SettingsPatch>;

export const DEFAULT_SETTINGS: Settings = { language: 'zh-CN', contentProtection: false, signingIdleMinutes: 10 };
