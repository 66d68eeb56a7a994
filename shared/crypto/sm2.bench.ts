/**
 * Signature speed (`npx vitest bench shared/crypto --run`): SM2 sign and verify per second
 * through the signing interface, against the targets (≥ 500 signatures/s, ≥ 1,000
 * verifications/s on the 2-core build machine). One iteration is one operation, so hz is ops/s.
 * "repeat key" is the usual case (a reviewer's or the authority's key checking many records:
 * the point gets a precomputed table after a few uses); "new key each time" cycles through more
 * keys than are cached, so every verification pays the library's table-less multiplication;
 * "sm-crypto-v2 alone" is the library's own verify, for comparison. Ed25519 for reference.
 */
import { sm2 } from 'sm-crypto-v2';
import { bytesToHex } from '@noble/curves/utils.js';
import { bench, describe } from 'vitest';
import { generateKeyPair, verifySignature } from './signing';

const message = new TextEncoder().encode(
  JSON.stringify({ format: 'review-decision', formatVersion: 1, id: '01JD0000000000000000000000', outcome: 'approve', comment: '同意出域。'.repeat(20) }),
);
const OPTIONS = { time: 2000, warmupTime: 300 };

const sm2Key = generateKeyPair('SM2-SM3');
const sm2Signature = sm2Key.privateKey.sign(message);
const ed25519Key = generateKeyPair('Ed25519');
const ed25519Signature = ed25519Key.privateKey.sign(message);

const manyKeys = Array.from({ length: 64 }, () => {
  const pair = generateKeyPair('SM2-SM3');
  return { publicKey: pair.publicKey, signature: pair.privateKey.sign(message) };
});
let next = 0;

const libraryPublicHex = bytesToHex(sm2Key.publicKey.spkiDer.subarray(-65));
const libraryRs = sm2Key.privateKey.sign(message);

describe('SM2-SM3', () => {
  bench(
    'SM2 sign',
    () => {
      sm2Key.privateKey.sign(message);
    },
    OPTIONS,
  );
  bench(
    'SM2 verify (repeat key)',
    () => {
      if (!verifySignature(sm2Key.publicKey, message, sm2Signature)) throw new Error('verification failed');
    },
    OPTIONS,
  );
  bench(
    'SM2 verify (new key each time)',
    () => {
      const item = manyKeys[next++ % manyKeys.length]!;
      if (!verifySignature(item.publicKey, message, item.signature)) throw new Error('verification failed');
    },
    OPTIONS,
  );
  bench(
    'SM2 verify (sm-crypto-v2 alone, lax DER)',
    () => {
      if (!sm2.doVerifySignature(message, bytesToHex(libraryRs), libraryPublicHex, { hash: true, der: true })) throw new Error('verification failed');
    },
    OPTIONS,
  );
});

describe('Ed25519', () => {
  bench(
    'Ed25519 sign',
    () => {
      ed25519Key.privateKey.sign(message);
    },
    OPTIONS,
  );
  bench(
    'Ed25519 verify',
    () => {
      if (!verifySignature(ed25519Key.publicKey, message, ed25519Signature)) throw new Error('verification failed');
    },
    OPTIONS,
  );
});
