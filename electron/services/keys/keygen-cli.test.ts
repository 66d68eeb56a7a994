// `review keygen` (electron/cli/keygen.ts), tested here beside the key files it writes: both
// files for either algorithm, encrypted only with --passphrase-env, never over an existing
// file, and exit 2 with one line for every kind of bad input.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePublicKeyPem, verifySignature } from '../../../shared/crypto/signing';
import { keygen, type KeygenIo } from '../../cli/keygen';
import { readPrivateKey } from './private-key-file';

const root = mkdtempSync(join(tmpdir(), 'keygen-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});
let n = 0;
const newDir = () => join(root, `out-${++n}`);

function io(env: Record<string, string> = {}): KeygenIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { env, out: (line) => lines.push(line), err: (line) => errors.push(line), scryptLog2N: 15, lines, errors };
}

const message = new TextEncoder().encode('decision');

describe('review keygen', () => {
  it('writes an unencrypted pair OpenSSL can read when no passphrase is given', async () => {
    for (const alg of ['sm2', 'ed25519']) {
      const dir = newDir();
      const out = io();
      expect(await keygen(['--alg', alg, '--out', dir], out)).toBe(0);
      const publicKey = parsePublicKeyPem(readFileSync(join(dir, 'public.pem'), 'utf8'));
      expect(out.lines[0]).toBe(`key id ${publicKey.keyId} (${alg === 'sm2' ? 'SM2-SM3' : 'Ed25519'})`);
      const privatePem = readFileSync(join(dir, 'private.pem'), 'utf8');
      expect(privatePem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
      const { handle } = await readPrivateKey(privatePem, { source: 'private.pem' });
      expect(verifySignature(publicKey, message, handle.sign(message))).toBe(true);
    }
  });

  it('encrypts private.pem under the passphrase in the named environment variable', async () => {
    const dir = newDir();
    const out = io({ KEY_PASSPHRASE: 'reviewer key passphrase' });
    expect(await keygen(['--alg', 'sm2', '--out', dir, '--passphrase-env', 'KEY_PASSPHRASE'], out)).toBe(0);
    const privatePem = readFileSync(join(dir, 'private.pem'), 'utf8');
    expect(privatePem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
    expect(out.lines.join('\n')).not.toContain('reviewer key passphrase');
    const { handle } = await readPrivateKey(privatePem, { passphrase: 'reviewer key passphrase', source: 'private.pem' });
    expect(handle.keyId).toBe(parsePublicKeyPem(readFileSync(join(dir, 'public.pem'), 'utf8')).keyId);
  });

  it('refuses to overwrite either file', async () => {
    const dir = newDir();
    mkdirSync(dir);
    writeFileSync(join(dir, 'private.pem'), 'precious\n');
    const out = io();
    expect(await keygen(['--alg', 'ed25519', '--out', dir], out)).toBe(2);
    expect(out.errors).toEqual([`keygen: ${join(dir, 'private.pem')} already exists; refusing to overwrite a key file (choose another --out)`]);
    expect(readFileSync(join(dir, 'private.pem'), 'utf8')).toBe('precious\n');
  });

  it('exits 2 with one line for bad input', async () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['--out', newDir()], {}, /--alg sm2\|ed25519 is required/],
      [['--alg', 'rsa', '--out', newDir()], {}, /--alg must be sm2 or ed25519, not "rsa"/],
      [['--alg', 'sm2'], {}, /--out <dir> is required/],
      [['--alg', 'sm2', '--out', newDir(), '--passphrase-env', 'MISSING'], {}, /environment variable MISSING .* is not set or is empty/],
      [['--alg', 'sm2', '--out', newDir(), '--passphrase-env', 'P'], { P: 'short' }, /at least 12 characters/],
      [['--alg', 'sm2', '--out', newDir(), '--passphrase-env', 'not a name'], {}, /name of an environment variable/],
      [['--alg', 'sm2', '--out', newDir(), '--verbose'], {}, /Unknown option '--verbose'/],
      [['--alg', 'sm2', '--out', newDir(), 'extra'], {}, /Unexpected argument 'extra'/],
    ];
    for (const [args, env, expected] of cases) {
      const out = io(env);
      expect(await keygen(args, out)).toBe(2);
      expect(out.errors).toHaveLength(1);
      expect(out.errors[0]).toMatch(/^keygen: /);
      expect(out.errors[0]).toMatch(expected);
      expect(out.lines).toEqual([]);
    }
  });
});
