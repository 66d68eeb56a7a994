/** Stored payloads are read decrypted with the key they were stored with, and nothing else. */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptToFile, keyIdOf } from '../at-rest/encrypted-file';
import type { StoredMeta } from './candidate-store';
import { storedFileOpener } from './stored-files';

let dir: string;
const KEY = randomBytes(32);
const meta = (encryption?: StoredMeta['encryption']): StoredMeta => ({
  id: 'EC-2026-000001',
  revision: 1,
  digest: 'sm3:00',
  importedAt: '2026-11-27T00:00:00Z',
  source: { kind: 'folder', name: 'x' },
  ...(encryption ? { encryption } : {}),
  integrity: [],
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stored-files-'));
  await encryptToFile([Buffer.from('id,phone\n1,13812345678\n')], join(dir, 'a.csv'), KEY);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('storedFileOpener', () => {
  it('decrypts with the workspace key', async () => {
    const source = await storedFileOpener(meta({ format: 'ERWENC01', keyId: keyIdOf(KEY) }), () => KEY)(join(dir, 'a.csv'), 'data/a.csv');
    try {
      expect((await source.read(0, source.size)).toString()).toBe('id,phone\n1,13812345678\n');
    } finally {
      await source.close();
    }
  });

  it('refuses another key, an unencrypted store, and a locked workspace', async () => {
    const other = randomBytes(32);
    await expect(storedFileOpener(meta({ format: 'ERWENC01', keyId: keyIdOf(KEY) }), () => other)(join(dir, 'a.csv'), 'data/a.csv')).rejects.toMatchObject({
      code: 'store.wrong-key',
    });
    await expect(storedFileOpener(meta(), () => KEY)(join(dir, 'a.csv'), 'data/a.csv')).rejects.toMatchObject({ code: 'store.unencrypted' });
    const locked = () => {
      throw Object.assign(new Error('locked'), { code: 'store.locked' });
    };
    await expect(storedFileOpener(meta({ format: 'ERWENC01', keyId: keyIdOf(KEY) }), locked)(join(dir, 'a.csv'), 'data/a.csv')).rejects.toMatchObject({ code: 'store.locked' });
  });
});
