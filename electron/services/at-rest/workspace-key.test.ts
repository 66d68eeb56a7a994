// The workspace key's life: silent unlock through the OS keychain, a passphrase chosen or
// entered where there is none, the store.locked error every store reader relies on,
// rate-limited wrong passphrases (also across a restart), and the audit trail of it all.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StoreStatus } from '../../../shared/ipc/schemas/store';
import { openAuditLog } from '../audit/audit-log';
import { createLogger } from '../log';
import type { EventSink, SecretStore } from '../ports';
import { storeKeyPath, storeKeyStatus } from './store-key';
import { openWorkspaceKey, unlockUnattended, type WorkspaceKey, type WorkspaceKeyOptions } from './workspace-key';

const root = mkdtempSync(join(tmpdir(), 'workspace-key-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});
let dirNumber = 0;
const newDataDir = () => join(root, `workspace-${++dirNumber}`);

const PASSPHRASE = '北京 correct horse battery';
const WRONG = 'not the right passphrase';

/** A stand-in for the OS keychain: AES-256-GCM under a key only this object knows. */
function fakeSecretStore(): SecretStore & { available: boolean } {
  const machineKey = randomBytes(32);
  const store = {
    available: true,
    isAvailable: () => store.available,
    encrypt(plain: Uint8Array) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', machineKey, nonce);
      return Promise.resolve(new Uint8Array(Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()])));
    },
    decrypt(sealed: Uint8Array) {
      const bytes = Buffer.from(sealed);
      const decipher = createDecipheriv('aes-256-gcm', machineKey, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(-16));
      return Promise.resolve(new Uint8Array(Buffer.concat([decipher.update(bytes.subarray(12, -16)), decipher.final()])));
    },
  };
  return store;
}

type Opened = { key: WorkspaceKey; events: StoreStatus[]; clock: { ms: number }; auditFile: string };

async function open(dataDir: string, secrets: SecretStore | null, clock = { ms: Date.parse('2026-03-01T08:00:00Z') }, extra: Partial<WorkspaceKeyOptions> = {}): Promise<Opened> {
  const events: StoreStatus[] = [];
  const emit: EventSink = (name, payload) => {
    if (name === 'store:changed') events.push(payload as StoreStatus);
  };
  const audit = await openAuditLog(dataDir, () => new Date(clock.ms));
  const key = await openWorkspaceKey(
    { dataDir, secrets, emit, log: createLogger(() => undefined) },
    { audit, now: () => clock.ms, scryptLog2N: 15, ...extra },
  );
  return { key, events, clock, auditFile: audit.file };
}

const auditLines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as { actor: string; action: string; target: string; detail: Record<string, unknown> });

async function codeOf(promise: Promise<unknown>): Promise<{ code: string; params: Record<string, unknown>; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code: string; params: Record<string, unknown>; message: string };
    return { code: e.code, params: e.params, message: e.message };
  }
  throw new Error('expected a rejection');
}

describe('with the OS keychain', () => {
  it('creates a key in the keychain on a fresh workspace and unlocks it silently on the next start', async () => {
    const dataDir = newDataDir();
    const secrets = fakeSecretStore();
    const first = await open(dataDir, secrets);
    expect(first.key.status()).toEqual({ state: 'unlocked', protection: 'secret-store', retryAfterSeconds: null, problem: null, minPassphraseCharacters: 12 });
    expect(await storeKeyStatus(dataDir)).toBe('secret-store');
    const dataKey = first.key.current();
    expect(dataKey.length).toBe(32);

    const second = await open(dataDir, secrets);
    expect(second.key.status().state).toBe('unlocked');
    expect(second.key.current().equals(dataKey)).toBe(true);
    expect(auditLines(second.auditFile).map((e) => [e.actor, e.action, e.target, e.detail.created ?? false])).toEqual([
      ['workstation', 'unlock', 'workspace-key', true],
      ['workstation', 'unlock', 'workspace-key', false],
    ]);
  });

  it('stays locked with the reason when the keychain is gone, and unlocks once it is back', async () => {
    const dataDir = newDataDir();
    const secrets = fakeSecretStore();
    await open(dataDir, secrets);
    secrets.available = false;
    const { key, events } = await open(dataDir, secrets);
    expect(key.status()).toMatchObject({ state: 'locked', protection: 'secret-store', problem: { code: 'store.keychain-unavailable' } });
    expect((await codeOf(key.unlock())).code).toBe('store.keychain-unavailable');
    secrets.available = true;
    expect((await key.unlock()).state).toBe('unlocked');
    expect(key.status().problem).toBeNull();
    expect(events.at(-1)?.state).toBe('unlocked');
  });

  it('does not reach for the keychain when the workspace key is protected by a passphrase', async () => {
    const dataDir = newDataDir();
    const { key } = await open(dataDir, null);
    await key.create(PASSPHRASE);
    const again = await open(dataDir, fakeSecretStore());
    expect(again.key.status()).toMatchObject({ state: 'locked', protection: 'passphrase' });
  });
});

describe('without a keychain', () => {
  it('needs a passphrase, refuses a short one, and is unlocked by creating the key', async () => {
    const dataDir = newDataDir();
    const { key, events, auditFile } = await open(dataDir, null);
    expect(key.status()).toEqual({ state: 'needs-passphrase', protection: null, retryAfterSeconds: null, problem: null, minPassphraseCharacters: 12 });
    const locked = await codeOf(Promise.resolve().then(() => key.current()));
    expect(locked.code).toBe('store.locked');
    expect(locked.message).toMatch(/Set a workspace passphrase first/);

    const short = await codeOf(key.create('short 短'));
    expect(short).toMatchObject({ code: 'store.passphrase-too-short', params: { minimum: 12, actual: 7 } });
    expect(await storeKeyStatus(dataDir)).toBe('none');
    expect((await codeOf(key.unlock(PASSPHRASE))).code).toBe('store.key-missing');

    expect(await key.create(PASSPHRASE)).toMatchObject({ state: 'unlocked', protection: 'passphrase' });
    expect(key.current().length).toBe(32);
    expect(events.map((e) => e.state)).toEqual(['unlocked']);
    expect((await codeOf(key.create('another long passphrase'))).code).toBe('store.key-exists');
    expect(auditLines(auditFile)).toMatchObject([{ actor: 'local-reviewer', action: 'unlock', target: 'workspace-key', detail: { created: true, protection: 'passphrase', via: 'user' } }]);
  });

  it('is locked after a restart; a wrong passphrase is refused and audited, the right one unlocks the same key', async () => {
    const dataDir = newDataDir();
    const first = await open(dataDir, null);
    await first.key.create(PASSPHRASE);
    const dataKey = first.key.current();

    const { key, auditFile } = await open(dataDir, null);
    expect(key.status()).toMatchObject({ state: 'locked', protection: 'passphrase', retryAfterSeconds: null });
    const locked = await codeOf(Promise.resolve().then(() => key.current()));
    expect(locked).toMatchObject({ code: 'store.locked', params: { state: 'locked' } });
    expect(locked.message).toMatch(/Unlock the workspace first/);
    expect((await codeOf(key.unlock())).code).toBe('store.passphrase-required');

    const wrong = await codeOf(key.unlock(WRONG));
    expect(wrong).toMatchObject({ code: 'store.wrong-passphrase', params: { consecutiveFailures: 1 } });
    expect(key.status().state).toBe('locked');

    expect((await key.unlock(PASSPHRASE)).state).toBe('unlocked');
    expect(key.current().equals(dataKey)).toBe(true);
    // Unlocking an unlocked workspace changes nothing.
    expect((await key.unlock(WRONG)).state).toBe('unlocked');

    const events = auditLines(auditFile);
    expect(events.map((e) => [e.action, e.detail.reason ?? null])).toEqual([
      ['unlock', null],
      ['login-failed', 'store.wrong-passphrase'],
      ['unlock', null],
    ]);
    const text = readFileSync(auditFile, 'utf8');
    for (const secret of [PASSPHRASE, WRONG, dataKey.toString('base64'), dataKey.toString('hex')]) expect(text).not.toContain(secret);
  });

  it('slows wrong passphrases down: a growing wait after the third, refused while it runs, reset by the right one', async () => {
    const dataDir = newDataDir();
    await (await open(dataDir, null)).key.create(PASSPHRASE);
    const { key, clock, events } = await open(dataDir, null);

    expect((await codeOf(key.unlock(WRONG))).params).toEqual({ consecutiveFailures: 1 });
    expect((await codeOf(key.unlock(WRONG))).params).toEqual({ consecutiveFailures: 2 });
    expect(key.status().retryAfterSeconds).toBeNull();
    const third = await codeOf(key.unlock(WRONG));
    expect(third).toMatchObject({ code: 'store.wrong-passphrase', params: { consecutiveFailures: 3, retryAfterSeconds: 30 } });
    expect(key.status().retryAfterSeconds).toBe(30);
    expect(events.at(-1)?.retryAfterSeconds).toBe(30);

    // Even the right passphrase waits, and is not checked.
    clock.ms += 10_000;
    expect(await codeOf(key.unlock(PASSPHRASE))).toMatchObject({ code: 'store.rate-limited', params: { seconds: 20 } });
    clock.ms += 20_000;
    expect(await codeOf(key.unlock(WRONG))).toMatchObject({ params: { consecutiveFailures: 4, retryAfterSeconds: 60 } });
    clock.ms += 60_000;
    expect(await codeOf(key.unlock(WRONG))).toMatchObject({ params: { consecutiveFailures: 5, retryAfterSeconds: 120 } });
    clock.ms += 120_000;
    expect((await key.unlock(PASSPHRASE)).state).toBe('unlocked');

    await key.lock();
    expect((await codeOf(key.unlock(WRONG))).params).toEqual({ consecutiveFailures: 1 });
  });

  it('caps the wait, and counts wrong passphrases sent at the same time one by one', async () => {
    const dataDir = newDataDir();
    await (await open(dataDir, null)).key.create(PASSPHRASE);
    const { key, clock } = await open(dataDir, null, undefined, { rateLimit: { freeAttempts: 2, firstWaitSeconds: 100, maxWaitSeconds: 150 } });
    const results = await Promise.all([codeOf(key.unlock(WRONG)), codeOf(key.unlock(WRONG)), codeOf(key.unlock(WRONG))]);
    expect(results.map((r) => r.code)).toEqual(['store.wrong-passphrase', 'store.wrong-passphrase', 'store.rate-limited']);
    expect(key.status().retryAfterSeconds).toBe(100);
    clock.ms += 100_000;
    await codeOf(key.unlock(WRONG));
    expect(key.status().retryAfterSeconds).toBe(150);
  });

  it('keeps the wait across a restart, from the failures in the audit log', async () => {
    const dataDir = newDataDir();
    await (await open(dataDir, null)).key.create(PASSPHRASE);
    const clock = { ms: Date.parse('2026-03-01T09:00:00Z') };
    const before = await open(dataDir, null, clock);
    for (let i = 0; i < 3; i++) await codeOf(before.key.unlock(WRONG));
    clock.ms += 5_000;

    const after = await open(dataDir, null, clock);
    expect(after.key.status()).toMatchObject({ state: 'locked', retryAfterSeconds: 25 });
    expect((await codeOf(after.key.unlock(PASSPHRASE))).code).toBe('store.rate-limited');
    clock.ms += 25_000;
    expect((await codeOf(after.key.unlock(WRONG))).params).toEqual({ consecutiveFailures: 4, retryAfterSeconds: 60 });
  });

  it('locks: current() throws again, the key bytes are wiped, and the lock is audited', async () => {
    const dataDir = newDataDir();
    const { key, auditFile } = await open(dataDir, null);
    await key.create(PASSPHRASE);
    const copy = key.current();
    expect((await key.lock()).state).toBe('locked');
    expect((await codeOf(Promise.resolve().then(() => key.current()))).code).toBe('store.locked');
    // The copy handed out earlier is the caller's, and stays intact.
    expect(copy.equals(Buffer.alloc(32))).toBe(false);
    expect(auditLines(auditFile).map((e) => e.action)).toEqual(['unlock', 'lock']);
    await key.unlock(PASSPHRASE);
    expect(key.current().equals(copy)).toBe(true);
  });

  it('tells waiting work when the workspace is unlocked, and at once when it already is', async () => {
    const dataDir = newDataDir();
    const { key } = await open(dataDir, null);
    const calls: string[] = [];
    const unsubscribe = key.onUnlocked(() => {
      calls.push(`early:${key.current().length}`);
    });
    key.onUnlocked(() => Promise.reject(new Error('a failing listener does not break the unlock')));
    await Promise.resolve();
    expect(calls).toEqual([]);
    await key.create(PASSPHRASE);
    expect(calls).toEqual(['early:32']);
    key.onUnlocked(() => {
      calls.push('late');
    });
    await Promise.resolve();
    expect(calls).toEqual(['early:32', 'late']);
    unsubscribe();
    await key.lock();
    await key.unlock(PASSPHRASE);
    expect(calls).toEqual(['early:32', 'late', 'late']);
  });
});

describe('a damaged key file', () => {
  it('does not stop the start: the workspace is locked and says why', async () => {
    const dataDir = newDataDir();
    await (await open(dataDir, null)).key.create(PASSPHRASE);
    writeFileSync(storeKeyPath(dataDir), '{"format":"store-key"');
    const { key } = await open(dataDir, fakeSecretStore());
    expect(key.status()).toMatchObject({ state: 'locked', protection: null, problem: { code: 'store.key-invalid' } });
    expect((await codeOf(key.unlock(PASSPHRASE))).code).toBe('store.key-invalid');
  });
});

describe('unattended start', () => {
  it('creates the key with the passphrase on a fresh workspace, then unlocks with it', async () => {
    const dataDir = newDataDir();
    const first = await open(dataDir, null);
    expect((await unlockUnattended(first.key, PASSPHRASE)).state).toBe('unlocked');
    const second = await open(dataDir, null);
    expect((await unlockUnattended(second.key, PASSPHRASE)).state).toBe('unlocked');
    expect(auditLines(second.auditFile).map((e) => [e.actor, e.detail.via])).toEqual([
      ['workstation', 'unattended'],
      ['workstation', 'unattended'],
    ]);
    const third = await open(dataDir, null);
    expect((await codeOf(unlockUnattended(third.key, WRONG))).code).toBe('store.wrong-passphrase');
  });
});
