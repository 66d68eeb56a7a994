/**
 * Ed25519 signatures (RFC 8032), the workstation's alternative to SM2, through
 * @noble/curves (pure JavaScript, so the same code runs in main, the renderer and tests).
 * Verification is RFC 8032-strict (zip215: false: non-canonical encodings are refused, as
 * OpenSSL does), and public keys of small order, which would verify forged signatures, are
 * rejected. Bad signatures return false; nothing here throws on them.
 */
import { ed25519 } from '@noble/curves/ed25519';
import { CryptoInputError } from './errors';

/** A new random key: the 32-byte private seed (what PKCS#8 stores) and the 32-byte public key. */
export function generateEd25519KeyPair(): { seed: Uint8Array; publicKey: Uint8Array } {
  const seed = ed25519.utils.randomSecretKey();
  return { seed, publicKey: ed25519.getPublicKey(seed) };
}

/** The public key of a 32-byte seed. */
export function ed25519PublicKey(seed: Uint8Array): Uint8Array {
  if (!(seed instanceof Uint8Array) || seed.length !== 32) throw new CryptoInputError('Ed25519 private key: expected a 32-byte seed');
  return ed25519.getPublicKey(seed);
}

/** The 64-byte signature of `message` with the key of `seed`. */
export function signEd25519(seed: Uint8Array, message: Uint8Array): Uint8Array {
  if (!(message instanceof Uint8Array)) throw new CryptoInputError('Ed25519 sign: the message must be bytes');
  if (!(seed instanceof Uint8Array) || seed.length !== 32) throw new CryptoInputError('Ed25519 private key: expected a 32-byte seed');
  return ed25519.sign(message, seed);
}

/** Whether `publicKey` (32 bytes) encodes a point of the curve that is not of small order. */
export function isValidEd25519PublicKey(publicKey: Uint8Array): boolean {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== 32) return false;
  try {
    return !ed25519.Point.fromBytes(publicKey, false).isSmallOrder();
  } catch {
    return false;
  }
}

/** Whether `signature` (64 bytes) is a valid Ed25519 signature of `message` under `publicKey`. Never throws. */
export function verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    if (!(message instanceof Uint8Array) || !(signature instanceof Uint8Array) || signature.length !== 64) return false;
    if (!isValidEd25519PublicKey(publicKey)) return false;
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}
