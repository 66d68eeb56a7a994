/**
 * SM2 signatures with SM3 (GM/T 0003.2, GB/T 32918.2) as the workstation uses them: a strict
 * wrapper around sm-crypto-v2 that always hashes with Z (user ID fixed to `1234567812345678`,
 * FORMATS.md §4), writes and reads signatures only as canonical DER `ECDSA-Sig-Value` (parsed
 * here, not by the library, which accepts non-canonical encodings), checks 1 ≤ r, s ≤ n−1 and
 * the public point before the library sees them, and turns anything the library throws into
 * "invalid". Keys are generated only from the library's random source — never from a seed,
 * which in sm-crypto-v2 yields private key 1.
 *
 * Speed: the library's verification multiplies the public point in constant time without a
 * table (about 300 verifications/s here). Verification needs no constant time (everything is
 * public), so a key verified repeatedly gets a precomputed window-8 table of its point
 * (sm-crypto-v2's precomputePublicKey, noble-curves underneath), kept for the most recent keys:
 * about 1,800 verifications/s. See sm2.bench.ts.
 */
import { sm2, sm3 } from 'sm-crypto-v2';
import { bytesToHex, hexToBytes } from '@noble/curves/utils.js';
import { derInteger, derSequence, readDer } from './der';
import { CryptoInputError } from './errors';

/** The SM2 user ID of every signature (FORMATS.md §4); there is no way to pick another. */
export const SM2_USER_ID = '1234567812345678';

/** The recommended curve sm2p256v1 (GM/T 0003.5): field prime p, coefficients a and b, order n. */
export const SM2_P = 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn;
const SM2_A = 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn;
const SM2_B = 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n;
export const SM2_N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;

/** A verified public key is cached (and, once it is used this often, gets a precomputed table). */
const PRECOMPUTE_AFTER_USES = 4;
const CACHED_KEYS = 32;

/** An SM2 private key ready to sign; the scalar stays inside. */
export type Sm2SigningKey = {
  /** The uncompressed public point, 65 bytes `04 ‖ x ‖ y`. */
  readonly publicKey: Uint8Array;
  /** Signs `message` (SM3 with Z of the fixed user ID); returns a canonical DER signature. */
  sign(message: Uint8Array): Uint8Array;
};

/** A new random key pair: the private scalar d (32 bytes, 1 ≤ d ≤ n−2) and its public point. */
export function generateSm2KeyPair(): { privateKey: Uint8Array; publicKey: Uint8Array } {
  for (;;) {
    // No argument: the library draws d from crypto.getRandomValues (noble's randomPrivateKey).
    const pair = sm2.generateKeyPairHex();
    const d = BigInt(`0x${pair.privateKey}`);
    // d = n−1 has no (1 + d)⁻¹, which signing needs; the chance is negligible but it is checked.
    if (d >= 1n && d <= SM2_N - 2n) return { privateKey: hexToBytes(pair.privateKey.padStart(64, '0')), publicKey: hexToBytes(pair.publicKey) };
  }
}

/** A signing key from the 32-byte private scalar; throws CryptoInputError unless 1 ≤ d ≤ n−2. */
export function sm2SigningKey(privateKey: Uint8Array): Sm2SigningKey {
  return signingKeyWithUserId(privateKey, SM2_USER_ID);
}

/** Whether `publicKey` is an uncompressed point (65 bytes, 0x04) on sm2p256v1, not the point at infinity. */
export function isValidSm2PublicKey(publicKey: Uint8Array): boolean {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== 65 || publicKey[0] !== 0x04) return false;
  const x = bytesToBigint(publicKey.subarray(1, 33));
  const y = bytesToBigint(publicKey.subarray(33));
  if (x >= SM2_P || y >= SM2_P) return false;
  // y² = x³ + ax + b (mod p); the point at infinity has no affine encoding, so it cannot pass.
  if ((y * y - (x * x * x + SM2_A * x + SM2_B)) % SM2_P !== 0n) return false;
  try {
    return sm2.verifyPublicKey(bytesToHex(publicKey));
  } catch {
    return false;
  }
}

/**
 * Whether `signature` (DER) is a valid SM2-with-SM3 signature of `message` under `publicKey`
 * (65-byte uncompressed point) with the fixed user ID. Never throws: anything malformed,
 * non-canonical or out of range is simply not valid.
 */
export function verifySm2(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  return verifyWithUserId(publicKey, message, signature, SM2_USER_ID);
}

/** Canonical DER of `ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }`. */
export function encodeSm2Signature(r: bigint, s: bigint): Uint8Array {
  checkRange(r, 'r');
  checkRange(s, 's');
  return derSequence(derInteger(r), derInteger(s));
}

/**
 * r and s of a DER signature. Throws CryptoInputError for anything but the canonical encoding
 * (minimal lengths and INTEGERs, nothing negative, nothing after it) or r, s outside 1 … n−1.
 */
export function decodeSm2Signature(der: Uint8Array): { r: bigint; s: bigint } {
  if (!(der instanceof Uint8Array)) throw new CryptoInputError('SM2 signature: expected bytes');
  const body = readDer(der, 'SM2 signature', undefined, 'ECDSA-Sig-Value');
  const r = body.integer('r');
  const s = body.integer('s');
  body.end('s');
  checkRange(r, 'r');
  checkRange(s, 's');
  return { r, s };
}

/** SM3 of some bytes as 64 lowercase hex digits (synchronous, from sm-crypto-v2). */
export function sm3Hex(bytes: Uint8Array): string {
  return sm3(bytes);
}

function checkRange(value: bigint, name: string): void {
  if (value < 1n || value >= SM2_N) throw new CryptoInputError(`SM2 signature: ${name} is out of range (it must be from 1 to n−1)`);
}

function signingKeyWithUserId(privateKey: Uint8Array, userId: string): Sm2SigningKey {
  if (!(privateKey instanceof Uint8Array) || privateKey.length !== 32) {
    throw new CryptoInputError('SM2 private key: expected 32 bytes');
  }
  const d = bytesToBigint(privateKey);
  if (d < 1n || d > SM2_N - 2n) throw new CryptoInputError('SM2 private key: out of range (it must be from 1 to n−2)');
  const dHex = bytesToHex(privateKey);
  const publicHex = sm2.getPublicKeyFromPrivateKey(dHex);
  const publicKey = hexToBytes(publicHex);
  return {
    publicKey,
    sign(message) {
      if (!(message instanceof Uint8Array)) throw new CryptoInputError('SM2 sign: the message must be bytes');
      // hash: true is the GM/T 0003 digest e = SM3(Z ‖ M); der: false gives r ‖ s, encoded here.
      const rs = sm2.doSignature(message, dHex, { hash: true, der: false, publicKey: publicHex, userId });
      if (!/^[0-9a-f]{128}$/.test(rs)) throw new Error('SM2 sign: the library returned a malformed signature');
      return encodeSm2Signature(BigInt(`0x${rs.slice(0, 64)}`), BigInt(`0x${rs.slice(64)}`));
    },
  };
}

function verifyWithUserId(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array, userId: string): boolean {
  try {
    if (!(message instanceof Uint8Array) || !(publicKey instanceof Uint8Array)) return false;
    let rs: { r: bigint; s: bigint };
    try {
      rs = decodeSm2Signature(signature);
    } catch {
      return false;
    }
    const key = checkedPublicKey(publicKey);
    if (key === null) return false;
    const rsHex = rs.r.toString(16).padStart(64, '0') + rs.s.toString(16).padStart(64, '0');
    return sm2.doVerifySignature(message, rsHex, key, { hash: true, der: false, userId });
  } catch {
    // The library throws on inputs it cannot handle; for a verifier that means "not valid".
    return false;
  }
}

type PublicPoint = ReturnType<typeof sm2.precomputePublicKey>;
const publicKeys = new Map<string, { uses: number; point: PublicPoint | null }>();

/**
 * The public key as the library takes it — its hex, or its precomputed point once it has been
 * used often — or null when it is not a valid point. Only valid keys are cached, so a cached
 * key needs no second check.
 */
function checkedPublicKey(publicKey: Uint8Array): string | PublicPoint | null {
  const hex = bytesToHex(publicKey);
  let entry = publicKeys.get(hex);
  if (entry) {
    publicKeys.delete(hex); // re-inserted below: the map's order is least recently used first
  } else {
    if (!isValidSm2PublicKey(publicKey)) return null;
    entry = { uses: 0, point: null };
    if (publicKeys.size >= CACHED_KEYS) publicKeys.delete(publicKeys.keys().next().value!);
  }
  publicKeys.set(hex, entry);
  entry.uses += 1;
  if (!entry.point && entry.uses >= PRECOMPUTE_AFTER_USES) entry.point = sm2.precomputePublicKey(hex, 8);
  return entry.point ?? hex;
}

function bytesToBigint(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${bytesToHex(bytes)}`);
}

/**
 * For tests only: signing and verifying with another user ID, to show that a signature made
 * under one ID does not verify under another. Application code has no reason to import this.
 */
export const sm2ForTests = {
  signWithUserId: (privateKey: Uint8Array, message: Uint8Array, userId: string): Uint8Array => signingKeyWithUserId(privateKey, userId).sign(message),
  verifyWithUserId,
};
