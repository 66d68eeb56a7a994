// The assembled services behind the IPC contract, on a workspace with no OS keychain: the
// store:* channels, the store.locked refusal of every channel that touches stored payloads
// while the workspace is locked, and demo seeding that waits for the unlock.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../shared/ipc/dispatch';
import { createServices } from './index';
import { createLogger } from './log';
import type { Platform } from './ports';

const work = await mkdtemp(join(tmpdir(), 'services-'));
afterAll(async () => rm(work, { recursive: true, force: true }));

function platformOn(dataDir: string, emitted: Array<{ name: string; payload: unknown }>): Platform {
  return {
    host: 'browser',
    appVersion: 'test',
    platform: 'linux',
    dataDir,
    dialogs: null,
    secrets: null,
    openUrl: null,
    contentProtectionSupported: false,
    scanWorkerScript: '/nonexistent/scan-worker.cjs',
    emit: (name, payload) => emitted.push({ name, payload }),
    log: createLogger(() => undefined),
  };
}

const PASSPHRASE = 'a workspace passphrase 口令';

describe('services on a workspace without a keychain', () => {
  it('refuse payload work until a passphrase is set, then seed the demo once unlocked', async () => {
    const dataDir = join(work, 'fresh');
    const emitted: Array<{ name: string; payload: unknown }> = [];
    const services = await createServices(platformOn(dataDir, emitted));
    const dispatch = createDispatcher(services.handlers, (channel, error) => {
      throw new Error(`internal error in ${channel}: ${String(error)}`);
    });
    try {
      expect(await dispatch('store:status', {})).toMatchObject({ ok: true, value: { state: 'needs-passphrase', protection: null, minPassphraseCharacters: 12 } });

      // Seeding waits: nothing is imported while the workspace is locked.
      await services.seedDemoWhenUnlocked();
      expect(await dispatch('candidates:list', {})).toEqual({ ok: true, value: [] });

      const ref = { id: 'EC-2026-001001', revision: 1 };
      for (const [channel, request] of [
        ['candidates:import', { path: '/tmp/no-such-package' }],
        ['scan:start', ref],
        ['preview:overview', ref],
        ['preview:rows', { ...ref, file: 'data.csv', from: 1, count: 10 }],
        ['preview:profiles', { ...ref, file: 'data.csv' }],
        ['preview:text', { ...ref, file: 'README.md' }],
        ['preview:reveal', { ...ref, file: 'data.csv', cells: [{ row: 1, column: 'a' }], reason: 'checking a value' }],
      ] as const) {
        const result = await dispatch(channel, request);
        expect(result, channel).toMatchObject({ ok: false, error: { code: 'store.locked', params: { state: 'needs-passphrase' } } });
      }

      expect(await dispatch('store:create', { passphrase: 'too short' })).toMatchObject({ ok: false, error: { code: 'store.passphrase-too-short', params: { minimum: 12 } } });
      expect(await dispatch('store:create', { passphrase: '' })).toMatchObject({ ok: false, error: { code: 'ipc.invalid-request' } });
      expect(await dispatch('store:create', { passphrase: PASSPHRASE })).toMatchObject({ ok: true, value: { state: 'unlocked', protection: 'passphrase' } });

      // The unlock starts the demo import; the queue learns of it through candidates:changed.
      await expect.poll(() => emitted.some((e) => e.name === 'candidates:changed'), { timeout: 60_000, interval: 100 }).toBe(true);
      const list = await dispatch('candidates:list', {});
      expect(list.ok && (list.value as unknown[]).length).toBeGreaterThanOrEqual(12);
      expect(emitted.find((e) => e.name === 'store:changed')?.payload).toMatchObject({ state: 'unlocked' });
    } finally {
      await services.close();
    }

    // After a restart the workspace is locked; a wrong passphrase is refused, the right one unlocks.
    const again = await createServices(platformOn(dataDir, []));
    const dispatchAgain = createDispatcher(again.handlers, () => undefined);
    try {
      expect(await dispatchAgain('store:status', {})).toMatchObject({ ok: true, value: { state: 'locked', protection: 'passphrase', retryAfterSeconds: null } });
      expect(await dispatchAgain('store:unlock', { passphrase: 'wrong wrong wrong' })).toMatchObject({ ok: false, error: { code: 'store.wrong-passphrase' } });
      expect(await dispatchAgain('store:unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true, value: { state: 'unlocked' } });
      const audit = await dispatchAgain('audit:recent', { limit: 10 });
      expect(audit).toMatchObject({ ok: true, value: { chainValid: true } });
      const actions = (audit as { value: { events: Array<{ action: string; target: string }> } }).value.events.filter((e) => e.target === 'workspace-key').map((e) => e.action);
      expect(actions).toEqual(['unlock', 'login-failed', 'unlock']);
    } finally {
      await again.close();
    }
  }, 120_000);
});
