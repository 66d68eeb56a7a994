/**
 * User settings (UI language, content protection) kept in `settings.json` in the workspace.
 * A damaged or foreign file never crashes the app: it is set aside and defaults are used.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, Settings, type SettingsPatch } from '../../../shared/ipc/schemas/app';
import type { Platform } from '../ports';

export type SettingsService = {
  get(): Settings;
  update(patch: SettingsPatch): Promise<Settings>;
  /** Called after every change, after the file is written. */
  onChange(listener: (settings: Settings) => void): () => void;
};

export async function createSettingsService(platform: Pick<Platform, 'dataDir' | 'log' | 'emit'>): Promise<SettingsService> {
  const file = join(platform.dataDir, 'settings.json');
  let current = await load(file, platform);
  const listeners = new Set<(s: Settings) => void>();
  return {
    get: () => current,
    async update(patch) {
      const next = Settings.parse({ ...current, ...patch });
      await mkdir(platform.dataDir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, `${JSON.stringify(next, null, 2)}\n`, 'utf8');
      await rename(tmp, file);
      current = next;
      platform.emit('settings:changed', next);
      for (const listener of listeners) listener(next);
      return next;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

async function load(file: string, platform: Pick<Platform, 'log'>): Promise<Settings> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return DEFAULT_SETTINGS;
  }
  try {
    return Settings.parse(JSON.parse(text));
  } catch (error) {
    const aside = `${file}.damaged-${Date.now()}`;
    await rename(file, aside).catch(() => undefined);
    platform.log.warn('settings.json was unreadable; moved aside and using defaults', { aside, error });
    return DEFAULT_SETTINGS;
  }
}
