/**
 * The one signing interface the rest of the workstation codes against (records, seals,
 * credentials, the CLI): SM2-with-SM3 (user ID `1234567812345678`, DER signatures) by default
 * and Ed25519 (64-byte signatures) as the alternative, bytes in and bytes out. Public keys come
 * and go as PEM SPKI, private keys as PKCS#8 DER; key ids are `sm2:`/`ed25519:` and 16 hex of
 * SM3(SPKI DER) (FORMATS.md §4). Encrypting PKCS#8 with a passphrase happens in main
 * (electron/services/keys), since shared/ has no Node crypto.
 */
import { bytesToHex } from '@noble/curves/utils.js';
import { encodePem, decodePem } from './pem';
import { encodePkcs8, encodeSpki, keyIdOf, parsePkcs8, parseSpki, type PrivateKeyMaterial, type PublicKeyMaterial } from './keys';
import { generateSm2KeyPair, sm2SigningKey, verifySm2 } from './sm2';
import { ed25519PublicKey, generateEd25519KeyPair, signEd25519, verifyEd25519 } from './ed25519';
import { CryptoInputError } from './errors';

export { CryptoInputError };

export type SignatureAlg = 'SM2-SM3' | 'Ed25519';
export type PublicKey = { alg: SignatureAlg; keyId: string; spkiDer: Uint8Array; pem: string };
/** A private key that signs and never exports: SM2 gives a DER signature, Ed25519 64 bytes. */
export type PrivateKeyHandle = { alg: SignatureAlg; keyId: string; sign(message: Uint8Array): Uint8Array };

export const SIGNATURE_ALGS: readonly SignatureAlg[] = ['SM2-SM3', 'Ed25519'];

/** A new random key pair; `pkcs8Der` is the private key to store (encrypt it before it touches a disk). */
export function generateKeyPair(alg: SignatureAlg): { publicKey: PublicKey; privateKey: PrivateKeyHandle; pkcs8Der: Uint8Array } {
  let material: PrivateKeyMaterial;
  switch (alg) {
    case 'SM2-SM3':
      material = { alg, key: generateSm2KeyPair().privateKey };
      break;
    case 'Ed25519':
      material = { alg, key: generateEd25519KeyPair().seed };
      break;
    default:
      // Callers outside TypeScript (IPC, the CLI) can pass anything.
      throw new CryptoInputError(`unknown signature algorithm "${String(alg)}" (expected SM2-SM3 or Ed25519)`);
  }
  const pkcs8Der = encodePkcs8(material);
  const privateKey = handleFor(material);
  return { publicKey: publicKeyFromMaterial(publicMaterialOf(material)), privateKey, pkcs8Der };
}

/** A public key from PEM SPKI text; throws CryptoInputError saying what is wrong with it. */
export function parsePublicKeyPem(pem: string): PublicKey {
  const { der } = decodePem(pem, ['PUBLIC KEY'], 'public key');
  return publicKeyFromSpkiDer(der);
}

/** A public key from SPKI DER; throws CryptoInputError saying what is wrong with it. */
export function publicKeyFromSpkiDer(der: Uint8Array): PublicKey {
  return publicKeyFromMaterial(parseSpki(der));
}

/** A signing handle from unencrypted PKCS#8 DER; throws CryptoInputError saying what is wrong with it. */
export function privateKeyFromPkcs8(der: Uint8Array): PrivateKeyHandle {
  return handleFor(parsePkcs8(der));
}

/** The public key belonging to a PKCS#8 private key (to check a key file against its public.pem). */
export function publicKeyFromPkcs8(der: Uint8Array): PublicKey {
  return publicKeyFromMaterial(publicMaterialOf(parsePkcs8(der)));
}

/** PEM of unencrypted PKCS#8 DER (`PRIVATE KEY`, as OpenSSL writes it). */
export function privateKeyPem(pkcs8Der: Uint8Array): string {
  parsePkcs8(pkcs8Der);
  return encodePem('PRIVATE KEY', pkcs8Der);
}

/** The DER of an unencrypted PEM private key (`PRIVATE KEY`); throws CryptoInputError otherwise. */
export function pkcs8FromPem(pem: string): Uint8Array {
  const { der } = decodePem(pem, ['PRIVATE KEY'], 'private key');
  parsePkcs8(der);
  return der;
}

/**
 * Whether `signature` is valid for `message` under `key`. Never throws on a bad signature,
 * message or key: anything it cannot check is not valid.
 */
export function verifySignature(key: PublicKey, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    // The key is read from its DER (not trusted from the object's other fields), so a
    // hand-built PublicKey cannot pair one algorithm or key id with another key.
    const material = spkiMaterial(key.spkiDer);
    if (material.alg !== key.alg || material.keyId !== key.keyId) return false;
    return material.alg === 'SM2-SM3' ? verifySm2(material.key, message, signature) : verifyEd25519(material.key, message, signature);
  } catch {
    return false;
  }
}

/** Parsed SPKI of the keys verified most recently: parsing and checking a key costs a fifth of a verification. */
const parsedKeys = new Map<string, PublicKeyMaterial & { keyId: string }>();
const PARSED_KEYS = 32;

function spkiMaterial(spkiDer: Uint8Array): PublicKeyMaterial & { keyId: string } {
  const cacheKey = bytesToHex(spkiDer);
  let entry = parsedKeys.get(cacheKey);
  if (entry) {
    parsedKeys.delete(cacheKey);
  } else {
    const material = parseSpki(spkiDer);
    entry = { ...material, keyId: keyIdOf(material.alg, spkiDer) };
    if (parsedKeys.size >= PARSED_KEYS) parsedKeys.delete(parsedKeys.keys().next().value!);
  }
  parsedKeys.set(cacheKey, entry);
  return entry;
}

function publicMaterialOf(material: PrivateKeyMaterial): PublicKeyMaterial {
  return material.alg === 'SM2-SM3'
    ? { alg: 'SM2-SM3', key: sm2SigningKey(material.key).publicKey }
    : { alg: 'Ed25519', key: ed25519PublicKey(material.key) };
}

function publicKeyFromMaterial(material: PublicKeyMaterial): PublicKey {
  const spkiDer = encodeSpki(material);
  return { alg: material.alg, keyId: keyIdOf(material.alg, spkiDer), spkiDer, pem: encodePem('PUBLIC KEY', spkiDer) };
}

function handleFor(material: PrivateKeyMaterial): PrivateKeyHandle {
  const { keyId } = publicKeyFromMaterial(publicMaterialOf(material));
  if (material.alg === 'SM2-SM3') {
    const key = sm2SigningKey(material.key);
    return Object.freeze({ alg: 'SM2-SM3', keyId, sign: (message: Uint8Array) => key.sign(message) });
  }
  const seed = material.key.slice();
  return Object.freeze({ alg: 'Ed25519', keyId, sign: (message: Uint8Array) => signEd25519(seed, message) });
}
