// The signing key store: keys generated and kept encrypted, unlocked into main only, locked
// after an idle time (a fake clock drives the timers), wrong passphrases slowed down (also
// across a restart) and every unlock, lock and failure in the audit log — never the passphrase.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateKeyPair, parsePublicKeyPem, privateKeyPem, verifySignature } from '../../../shared/crypto/signing';
import { openAuditLog } from '../audit/audit-log';
import { openKeyStore, type KeyStore, type KeyStoreClock, type KeyStoreOptions } from './key-store';

const root = mkdtempSync(join(tmpdir(), 'key-store-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});
let n = 0;
const newDataDir = () => join(root, `workspace-${++n}`);

const PASSPHRASE = '审核员甲 correct horse';
const WRONG = 'not the passphrase at all';
const IDLE = 5 * 60 * 1000;
const message = new TextEncoder().encode('{"format":"review-decision"}');

type FakeClock = KeyStoreClock & { advance(ms: number): Promise<void>; pending(): number };

function fakeClock(start = Date.parse('2026-03-01T08:00:00Z')): FakeClock {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    async advance(ms) {
      now += ms;
      for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at > now) continue;
        timers.delete(id);
        timer.callback();
      }
      // Let the lock (an audited append) finish.
      await new Promise((resolve) => setTimeout(resolve, 50));
    },
    pending: () => timers.size,
  };
}

async function open(dataDir: string, clock: FakeClock, extra: Partial<KeyStoreOptions> = {}): Promise<{ keys: KeyStore; auditFile: string }> {
  const audit = await openAuditLog(dataDir, () => new Date(clock.now()));
  const keys = await openKeyStore({ dir: join(dataDir, 'keys'), audit, clock, idleLockMs: IDLE, scryptLog2N: 15, ...extra });
  return { keys, auditFile: audit.file };
}

const auditLines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as { actor: string; action: string; target: string; detail: Record<string, unknown> });

async function errorOf(work: Promise<unknown> | (() => unknown)): Promise<{ code: string; params: Record<string, unknown>; message: string }> {
  try {
    if (typeof work === 'function') work();
    else await work;
  } catch (error) {
    const e = error as { code: string; params: Record<string, unknown>; message: string };
    return { code: e.code, params: e.params, message: e.message };
  }
  throw new Error('expected an error');
}

describe('key store', () => {
  it('creates a key pair on disk, encrypted and locked; lists it; signs only once unlocked', async () => {
    const dataDir = newDataDir();
    const clock = fakeClock();
    const { keys, auditFile } = await open(dataDir, clock);
    const publicKey = await keys.create('SM2-SM3', PASSPHRASE);
    const folder = join(dataDir, 'keys', publicKey.keyId.replace(':', '-'));
    expect(readdirSync(folder).sort()).toEqual(['private.pem', 'public.pem']);
    expect(readFileSync(join(folder, 'private.pem'), 'utf8')).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    if (process.platform !== 'win32') expect(statSync(join(folder, 'private.pem')).mode & 0o777).toBe(0o600);
    expect(parsePublicKeyPem(readFileSync(join(folder, 'public.pem'), 'utf8'))).toEqual(publicKey);

    expect(await keys.list()).toEqual([{ keyId: publicKey.keyId, alg: 'SM2-SM3', publicKeyPem: publicKey.pem, unlocked: false, idleLockAt: null, retryAt: null }]);
    expect((await errorOf(() => keys.sign(publicKey.keyId, message))).code).toBe('keys.locked');

    await keys.unlock(publicKey.keyId, PASSPHRASE, 'reviewer-a');
    expect(keys.isUnlocked(publicKey.keyId)).toBe(true);
    const signature = keys.sign(publicKey.keyId, message);
    expect(verifySignature(publicKey, message, signature)).toBe(true);
    expect(verifySignature(await keys.publicKey(publicKey.keyId), message, keys.signer(publicKey.keyId).sign(message))).toBe(true);

    await keys.lock(publicKey.keyId, 'reviewer-a');
    expect(keys.isUnlocked(publicKey.keyId)).toBe(false);
    expect((await errorOf(() => keys.signer(publicKey.keyId).sign(message))).code).toBe('keys.locked');

    const events = auditLines(auditFile);
    expect(events.map((e) => [e.action, e.actor, e.target])).toEqual([
      ['unlock', 'reviewer-a', publicKey.keyId],
      ['lock', 'reviewer-a', publicKey.keyId],
    ]);
    expect(events[1]!.detail).toEqual({ reason: 'manual' });
    expect(readFileSync(auditFile, 'utf8')).not.toContain(PASSPHRASE);
    await keys.close();
  });

  it('the service exposes no key bytes: its handle signs and carries only alg and key id', async () => {
    const clock = fakeClock();
    const { keys } = await open(newDataDir(), clock);
    const publicKey = await keys.create('Ed25519', PASSPHRASE);
    await keys.unlock(publicKey.keyId, PASSPHRASE, 'a');
    const signer = keys.signer(publicKey.keyId);
    expect(Object.keys(signer).sort()).toEqual(['alg', 'keyId', 'sign']);
    expect(signer.alg).toBe('Ed25519');
    expect(JSON.stringify(await keys.list())).not.toMatch(/PRIVATE KEY/);
    await keys.close();
  });

  it('locks a key after the idle time; each signature restarts it', async () => {
    const dataDir = newDataDir();
    const clock = fakeClock();
    const { keys, auditFile } = await open(dataDir, clock);
    const { keyId } = await keys.create('Ed25519', PASSPHRASE);
    await keys.unlock(keyId, PASSPHRASE, 'reviewer-a');
    expect((await keys.list())[0]!.idleLockAt).toBe(clock.now() + IDLE);

    await clock.advance(IDLE - 1000);
    keys.sign(keyId, message); // restarts the idle time
    await clock.advance(IDLE - 1000);
    expect(keys.isUnlocked(keyId)).toBe(true);
    await clock.advance(1000);
    expect(keys.isUnlocked(keyId)).toBe(false);
    expect((await errorOf(() => keys.sign(keyId, message))).message).toContain(`The signing key ${keyId} is locked; unlock it with its passphrase`);
    const lock = auditLines(auditFile).at(-1)!;
    expect(lock).toMatchObject({ action: 'lock', actor: 'reviewer-a', target: keyId, detail: { reason: 'idle' } });
    expect(clock.pending()).toBe(0);
  });

  it('reads a changing idle time (a setting) at each unlock and signature', async () => {
    const dataDir = newDataDir();
    const clock = fakeClock();
    let minutes = 10;
    const { keys } = await open(dataDir, clock, { idleLockMs: () => minutes * 60_000 });
    const { keyId } = await keys.create('Ed25519', PASSPHRASE);
    await keys.unlock(keyId, PASSPHRASE, 'reviewer-a');
    expect((await keys.list())[0]!.idleLockAt).toBe(clock.now() + 10 * 60_000);
    minutes = 2;
    keys.sign(keyId, message);
    expect((await keys.list())[0]!.idleLockAt).toBe(clock.now() + 2 * 60_000);
    await clock.advance(2 * 60_000);
    expect(keys.isUnlocked(keyId)).toBe(false);
  });

  it('slows down wrong passphrases: three are free, then 30 s, then 60 s; the right one resets it; all audited', async () => {
    const dataDir = newDataDir();
    const clock = fakeClock();
    const { keys, auditFile } = await open(dataDir, clock);
    const { keyId } = await keys.create('SM2-SM3', PASSPHRASE);

    for (let i = 1; i <= 2; i++) {
      const e = await errorOf(keys.unlock(keyId, WRONG, 'reviewer-a'));
      expect(e.code).toBe('keys.wrong-passphrase');
      expect(e.params).toEqual({ keyId, consecutiveFailures: i });
    }
    const third = await errorOf(keys.unlock(keyId, WRONG, 'reviewer-a'));
    expect(third.params).toEqual({ keyId, consecutiveFailures: 3, retryAfterSeconds: 30 });
    expect(third.message).toContain('wait 30 seconds before the next try');

    // Even the right passphrase is refused until the wait is over, without being tried.
    const limited = await errorOf(keys.unlock(keyId, PASSPHRASE, 'reviewer-a'));
    expect(limited.code).toBe('keys.rate-limited');
    expect(limited.message).toBe(`Too many wrong passphrases for the signing key ${keyId}. Wait 30 seconds before trying again.`);
    expect((await keys.list())[0]!.retryAt).toBe(clock.now() + 30_000);

    await clock.advance(30_000);
    expect((await errorOf(keys.unlock(keyId, WRONG, 'reviewer-a'))).params).toMatchObject({ consecutiveFailures: 4, retryAfterSeconds: 60 });
    await clock.advance(59_000);
    expect((await errorOf(keys.unlock(keyId, PASSPHRASE, 'reviewer-a'))).params).toEqual({ keyId, seconds: 1 });
    await clock.advance(1000);
    await keys.unlock(keyId, PASSPHRASE, 'reviewer-a');
    expect(keys.isUnlocked(keyId)).toBe(true);

    const events = auditLines(auditFile);
    expect(events.map((e) => `${e.action}:${typeof e.detail.reason === 'string' ? e.detail.reason : ''}`)).toEqual([
      'login-failed:keys.wrong-passphrase',
      'login-failed:keys.wrong-passphrase',
      'login-failed:keys.wrong-passphrase',
      'login-failed:keys.rate-limited',
      'login-failed:keys.wrong-passphrase',
      'login-failed:keys.rate-limited',
      'unlock:',
    ]);
    expect(events.every((e) => e.target === keyId && e.actor === 'reviewer-a')).toBe(true);
    expect(readFileSync(auditFile, 'utf8')).not.toContain(WRONG);

    // Reset: three more wrong ones are free again (after locking).
    await keys.lock(keyId, 'reviewer-a');
    expect((await errorOf(keys.unlock(keyId, WRONG, 'reviewer-a'))).params).toEqual({ keyId, consecutiveFailures: 1 });
  });

  it('wrong passphrases sent at once are all counted, and a restart does not reset the wait', async () => {
    const dataDir = newDataDir();
    const clock = fakeClock();
    const { keys } = await open(dataDir, clock);
    const { keyId } = await keys.create('Ed25519', PASSPHRASE);
    const results = await Promise.all([1, 2, 3, 4].map(() => errorOf(keys.unlock(keyId, WRONG, 'x'))));
    expect(results.map((r) => r.code)).toEqual(['keys.wrong-passphrase', 'keys.wrong-passphrase', 'keys.wrong-passphrase', 'keys.rate-limited']);

    await clock.advance(10_000);
    const { keys: reopened } = await open(dataDir, clock);
    const after = await errorOf(reopened.unlock(keyId, PASSPHRASE, 'x'));
    expect(after.code).toBe('keys.rate-limited');
    expect(after.params).toEqual({ keyId, seconds: 20 });
  });

  it('checks the passphrase even when the key is already unlocked, and hands it to the new actor', async () => {
    const clock = fakeClock();
    const { keys, auditFile } = await open(newDataDir(), clock);
    const { keyId } = await keys.create('SM2-SM3', PASSPHRASE);
    await keys.unlock(keyId, PASSPHRASE, 'reviewer-a');
    expect((await errorOf(keys.unlock(keyId, WRONG, 'reviewer-b'))).code).toBe('keys.wrong-passphrase');
    await clock.advance(IDLE / 2);
    await keys.unlock(keyId, PASSPHRASE, 'reviewer-b');
    await clock.advance(IDLE / 2 + 1);
    expect(keys.isUnlocked(keyId)).toBe(true); // the idle time restarted at the second unlock
    await clock.advance(IDLE / 2);
    expect(auditLines(auditFile).at(-1)).toMatchObject({ action: 'lock', actor: 'reviewer-b', detail: { reason: 'idle' } });
  });

  it('imports an OpenSSL-style unencrypted PKCS#8 key under a passphrase', async () => {
    const clock = fakeClock();
    const { keys } = await open(newDataDir(), clock);
    const { publicKey, pkcs8Der } = generateKeyPair('SM2-SM3');
    const imported = await keys.importKey(privateKeyPem(pkcs8Der), PASSPHRASE);
    expect(imported).toEqual(publicKey);
    await keys.unlock(publicKey.keyId, PASSPHRASE, 'a');
    expect(verifySignature(publicKey, message, keys.sign(publicKey.keyId, message))).toBe(true);
    expect((await errorOf(keys.importKey(privateKeyPem(pkcs8Der), PASSPHRASE))).code).toBe('keys.exists');
    expect((await errorOf(keys.importKey('not a key', PASSPHRASE))).code).toBe('keys.invalid');
    await keys.close();
  });

  it('refuses key ids that are not key ids, unknown keys, and a key folder whose files were swapped', async () => {
    const dataDir = newDataDir();
    const clock = fakeClock();
    const { keys } = await open(dataDir, clock);
    expect((await errorOf(keys.unlock('../../etc', PASSPHRASE, 'a'))).code).toBe('keys.unknown');
    expect((await errorOf(keys.unlock('sm2:0000000000000000', PASSPHRASE, 'a'))).message).toContain('There is no key sm2:0000000000000000 on this workstation');
    const one = await keys.create('SM2-SM3', PASSPHRASE);
    const two = await keys.create('SM2-SM3', PASSPHRASE);
    const folderOne = join(dataDir, 'keys', one.keyId.replace(':', '-'));
    const folderTwo = join(dataDir, 'keys', two.keyId.replace(':', '-'));
    writeFileSync(join(folderOne, 'private.pem'), readFileSync(join(folderTwo, 'private.pem')));
    const swapped = await errorOf(keys.unlock(one.keyId, PASSPHRASE, 'a'));
    expect(swapped.code).toBe('keys.invalid');
    expect(swapped.message).toContain(`does not belong to ${one.keyId}`);
    writeFileSync(join(folderOne, 'private.pem'), privateKeyPem(generateKeyPair('SM2-SM3').pkcs8Der));
    expect((await errorOf(keys.unlock(one.keyId, PASSPHRASE, 'a'))).message).toContain('is not encrypted');
  });

  it('close() locks every key and says why in the audit log', async () => {
    const clock = fakeClock();
    const { keys, auditFile } = await open(newDataDir(), clock);
    const a = await keys.create('SM2-SM3', PASSPHRASE);
    const b = await keys.create('Ed25519', PASSPHRASE);
    await keys.unlock(a.keyId, PASSPHRASE, 'reviewer-a');
    await keys.unlock(b.keyId, PASSPHRASE, 'reviewer-b');
    await keys.close();
    expect(keys.isUnlocked(a.keyId) || keys.isUnlocked(b.keyId)).toBe(false);
    expect(clock.pending()).toBe(0);
    expect(auditLines(auditFile).filter((e) => e.action === 'lock').map((e) => e.detail.reason)).toEqual(['shutdown', 'shutdown']);
  });
});
