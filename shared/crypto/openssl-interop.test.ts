// OpenSSL interoperability (issue 5, "Proof"): signatures and key files made here are accepted by
// `openssl pkeyutl` / `openssl pkey`, and OpenSSL's are accepted here. Runs against the openssl
// on PATH; skipped, with the reason, where it is missing or has no SM2/SM3/SM4 (OpenSSL < 1.1.1,
// or builds with the SM algorithms disabled).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesToHex, hexToBytes } from '@noble/curves/utils.js';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePublicKeyPem, pkcs8FromPem, privateKeyFromPkcs8, privateKeyPem, generateKeyPair, verifySignature } from './signing';
import { sm3Hex } from './sm2';
import { sm4CbcEncrypt } from './sm4';

const run = (args: string[], input?: Uint8Array) => spawnSync('openssl', args, { input, encoding: 'buffer' });

function probe(): { version: string | null; sm2: boolean; ed25519: boolean; sm4: boolean } {
  const version = run(['version']);
  if (version.error || version.status !== 0) return { version: null, sm2: false, ed25519: false, sm4: false };
  const dir = mkdtempSync(join(tmpdir(), 'openssl-probe-'));
  try {
    const sm2 = run(['genpkey', '-algorithm', 'sm2', '-out', join(dir, 'k.pem')]).status === 0 && run(['dgst', '-sm3'], new Uint8Array(1)).status === 0;
    const ed25519 = run(['genpkey', '-algorithm', 'ed25519', '-out', join(dir, 'e.pem')]).status === 0;
    const sm4 = run(['enc', '-sm4-cbc', '-K', '00'.repeat(16), '-iv', '00'.repeat(16)], new Uint8Array(1)).status === 0;
    return { version: version.stdout.toString().trim(), sm2, ed25519, sm4 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const openssl = probe();
const dir = mkdtempSync(join(tmpdir(), 'openssl-interop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content?: string | Uint8Array) => {
  const path = join(dir, name);
  if (content !== undefined) writeFileSync(path, content);
  return path;
};
const ok = (result: ReturnType<typeof run>) => {
  if (result.status !== 0) throw new Error(`openssl failed (${result.status}): ${result.stderr.toString()}`);
  return result.stdout;
};

const SM2_OPTS = ['-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678'];
const messages = Array.from({ length: 12 }, (_, i) => new TextEncoder().encode(`{"format":"review-decision","n":${i}}`.repeat(i + 1)));

describe.skipIf(!openssl.sm2)(`SM2 with OpenSSL (${openssl.version ?? 'openssl not found'}${openssl.sm2 ? '' : ': no SM2/SM3, skipped'})`, () => {
  it('signatures made here verify with openssl pkeyutl -verify -rawin -digest sm3 -pkeyopt distid:1234567812345678', () => {
    const { publicKey, privateKey } = generateKeyPair('SM2-SM3');
    const pub = file('ours-sm2-pub.pem', publicKey.pem);
    for (const [i, message] of messages.entries()) {
      const msg = file(`m${i}`, message);
      const sig = file(`ours-sm2-${i}.der`, privateKey.sign(message));
      const result = run(['pkeyutl', '-verify', '-pubin', '-inkey', pub, '-rawin', '-in', msg, '-sigfile', sig, ...SM2_OPTS]);
      expect(result.stdout.toString().trim()).toBe('Signature Verified Successfully');
    }
    // Not vacuous: OpenSSL rejects the signature over another message, and under another ID.
    const sig0 = file('ours-sm2-0.der');
    expect(run(['pkeyutl', '-verify', '-pubin', '-inkey', pub, '-rawin', '-in', file('m1'), '-sigfile', sig0, ...SM2_OPTS]).status).not.toBe(0);
    expect(run(['pkeyutl', '-verify', '-pubin', '-inkey', pub, '-rawin', '-in', file('m0'), '-sigfile', sig0, '-digest', 'sm3', '-pkeyopt', 'distid:ALICE123@YAHOO.COM']).status).not.toBe(0);
  });

  it('our PKCS#8 private key loads in OpenSSL, which derives our public key and signs what we verify', () => {
    const { publicKey, pkcs8Der } = generateKeyPair('SM2-SM3');
    const key = file('ours-sm2-key.pem', privateKeyPem(pkcs8Der));
    expect(ok(run(['pkey', '-in', key, '-pubout'])).toString()).toBe(publicKey.pem);
    const signature = ok(run(['pkeyutl', '-sign', '-inkey', key, '-rawin', '-in', file('m2'), ...SM2_OPTS]));
    expect(verifySignature(publicKey, messages[2]!, new Uint8Array(signature))).toBe(true);
  });

  it("a key from openssl genpkey -algorithm sm2: OpenSSL's signatures verify here, its PEM public key and PKCS#8 load here", () => {
    const key = file('theirs-sm2.pem');
    ok(run(['genpkey', '-algorithm', 'sm2', '-out', key]));
    const publicKey = parsePublicKeyPem(ok(run(['pkey', '-in', key, '-pubout'])).toString());
    const handle = privateKeyFromPkcs8(pkcs8FromPem(readFileSync(key, 'utf8')));
    expect(handle.keyId).toBe(publicKey.keyId);
    for (const [i, message] of messages.entries()) {
      const signature = new Uint8Array(ok(run(['pkeyutl', '-sign', '-inkey', key, '-rawin', '-in', file(`m${i}`), ...SM2_OPTS])));
      expect(verifySignature(publicKey, message, signature)).toBe(true);
      expect(verifySignature(publicKey, messages[(i + 1) % messages.length]!, signature)).toBe(false);
    }
    // And the imported key signs what OpenSSL verifies.
    const pub = file('theirs-sm2-pub.pem', publicKey.pem);
    const sig = file('theirs-by-us.der', handle.sign(messages[3]!));
    expect(run(['pkeyutl', '-verify', '-pubin', '-inkey', pub, '-rawin', '-in', file('m3'), '-sigfile', sig, ...SM2_OPTS]).status).toBe(0);
  });

  it('SM3 agrees with openssl dgst -sm3', () => {
    for (const message of messages.slice(0, 4)) {
      const out = ok(run(['dgst', '-sm3', '-r'], message)).toString();
      expect(out.split(' ')[0]).toBe(sm3Hex(message));
    }
  });
});

describe.skipIf(!openssl.ed25519)(`Ed25519 with OpenSSL (${openssl.version ?? 'openssl not found'}${openssl.ed25519 ? '' : ': no Ed25519, skipped'})`, () => {
  it('signatures made here verify with openssl pkeyutl -verify -rawin, and the reverse', () => {
    const { publicKey, privateKey, pkcs8Der } = generateKeyPair('Ed25519');
    const pub = file('ours-ed-pub.pem', publicKey.pem);
    const key = file('ours-ed-key.pem', privateKeyPem(pkcs8Der));
    expect(ok(run(['pkey', '-in', key, '-pubout'])).toString()).toBe(publicKey.pem);
    for (const [i, message] of messages.slice(0, 4).entries()) {
      const sig = file(`ours-ed-${i}.sig`, privateKey.sign(message));
      expect(run(['pkeyutl', '-verify', '-pubin', '-inkey', pub, '-rawin', '-in', file(`m${i}`), '-sigfile', sig]).status).toBe(0);
      // Ed25519 is deterministic: OpenSSL's signature with our key is byte for byte ours.
      expect(bytesToHex(ok(run(['pkeyutl', '-sign', '-inkey', key, '-rawin', '-in', file(`m${i}`)])))).toBe(bytesToHex(privateKey.sign(message)));
    }
    expect(run(['pkeyutl', '-verify', '-pubin', '-inkey', pub, '-rawin', '-in', file('m1'), '-sigfile', file('ours-ed-0.sig')]).status).not.toBe(0);
  });

  it('a key from openssl genpkey -algorithm ed25519 loads here and its signatures verify', () => {
    const key = file('theirs-ed.pem');
    ok(run(['genpkey', '-algorithm', 'ed25519', '-out', key]));
    const publicKey = parsePublicKeyPem(ok(run(['pkey', '-in', key, '-pubout'])).toString());
    expect(privateKeyFromPkcs8(pkcs8FromPem(readFileSync(key, 'utf8'))).keyId).toBe(publicKey.keyId);
    const signature = new Uint8Array(ok(run(['pkeyutl', '-sign', '-inkey', key, '-rawin', '-in', file('m0')])));
    expect(verifySignature(publicKey, messages[0]!, signature)).toBe(true);
  });
});

describe.skipIf(!openssl.sm4)(`SM4 with OpenSSL (${openssl.sm4 ? 'openssl enc -sm4-cbc' : 'no SM4 in openssl, skipped'})`, () => {
  it('SM4-CBC with PKCS#7 padding agrees with openssl enc -sm4-cbc', () => {
    const key = hexToBytes('0123456789abcdeffedcba9876543210');
    const iv = hexToBytes('000102030405060708090a0b0c0d0e0f');
    for (const message of [new Uint8Array(0), ...messages.slice(0, 3)]) {
      const theirs = ok(run(['enc', '-sm4-cbc', '-K', bytesToHex(key), '-iv', bytesToHex(iv)], message));
      expect(bytesToHex(sm4CbcEncrypt(key, iv, message))).toBe(theirs.toString('hex'));
    }
  });
});
