/**
 * The structure of a passphrase-protected private key file: PKCS#8 EncryptedPrivateKeyInfo
 * (RFC 5208/5958) with PBES2 (RFC 8018), PEM label `ENCRYPTED PRIVATE KEY`. Only the DER here;
 * the key derivation and the cipher run in main (electron/services/keys), as shared/ has no
 * Node crypto.
 *
 * Choice of algorithms (issue 5: "scrypt or PBKDF2 + AES-256-GCM"): the key is derived with
 * scrypt (RFC 7914 OID 1.3.6.1.4.1.11591.4.11; N = 2^17, r = 8, p = 1 as for the workspace
 * key) — PBKDF2-HMAC-SHA256 with ≥ 600,000 iterations is read too — and encrypted with
 * AES-256-GCM (2.16.840.1.101.3.4.1.46, GCMParameters of RFC 5084 with a 12-byte nonce and a
 * 16-byte tag). GCM is authenticated, so a wrong passphrase is detected with certainty instead of
 * decrypting to garbage, and no byte of the file can be changed unnoticed. There is no standard
 * for GCM inside PBES2, so we fix the two open points: `encryptedData` is ciphertext ‖ tag, and
 * the DER of the whole encryptionAlgorithm (KDF, salt, cost, nonce) is the additional
 * authenticated data. The price is that OpenSSL cannot decrypt these files (it refuses AEAD
 * ciphers in PKCS#8); for OpenSSL, write the key unencrypted (`review keygen` without
 * --passphrase-env) and protect it by other means, or convert it with the workstation.
 */
import {
  DerReader,
  TAG,
  concatBytes,
  derInteger,
  derNull,
  derOctetString,
  derOid,
  derSequence,
  readDer,
} from './der';
import { CryptoInputError } from './errors';
import { decodePem, encodePem } from './pem';

export const ENCRYPTED_PRIVATE_KEY_LABEL = 'ENCRYPTED PRIVATE KEY';

const OID = {
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  hmacWithSHA256: '1.2.840.113549.2.9',
  scrypt: '1.3.6.1.4.1.11591.4.11',
  aes256gcm: '2.16.840.1.101.3.4.1.46',
  aes256cbc: '2.16.840.1.101.3.4.1.42',
} as const;

/** Bounds a key file may name; outside them it is refused as damaged (or as too weak). */
export const SCRYPT_LOG2N_RANGE = { min: 15, max: 20 } as const;
export const SCRYPT_R = 8;
export const SCRYPT_P = 1;
export const PBKDF2_ITERATIONS_RANGE = { min: 600_000, max: 10_000_000 } as const;
export const KEY_LENGTH = 32;
export const GCM_NONCE_BYTES = 12;
export const GCM_TAG_BYTES = 16;
const SALT_BYTES = { min: 16, max: 64 } as const;

export type Pbes2Kdf =
  | { name: 'scrypt'; salt: Uint8Array; log2N: number; r: number; p: number }
  | { name: 'pbkdf2-hmac-sha256'; salt: Uint8Array; iterations: number };

export type EncryptedPrivateKey = {
  kdf: Pbes2Kdf;
  nonce: Uint8Array;
  ciphertext: Uint8Array;
  tag: Uint8Array;
  /** DER of the encryptionAlgorithm: the additional authenticated data of the AES-256-GCM encryption. */
  aad: Uint8Array;
};

/** The DER of PBES2's AlgorithmIdentifier for `kdf` and AES-256-GCM with `nonce` (also the AAD). */
export function encodeEncryptionAlgorithm(kdf: Pbes2Kdf, nonce: Uint8Array): Uint8Array {
  checkKdf(kdf, (problem) => new RangeError(problem));
  if (nonce.length !== GCM_NONCE_BYTES) throw new RangeError(`the GCM nonce must be ${GCM_NONCE_BYTES} bytes`);
  const kdfAlgorithm =
    kdf.name === 'scrypt'
      ? derSequence(derOid(OID.scrypt), derSequence(derOctetString(kdf.salt), derInteger(2 ** kdf.log2N), derInteger(kdf.r), derInteger(kdf.p), derInteger(KEY_LENGTH)))
      : derSequence(derOid(OID.pbkdf2), derSequence(derOctetString(kdf.salt), derInteger(kdf.iterations), derInteger(KEY_LENGTH), derSequence(derOid(OID.hmacWithSHA256), derNull())));
  // GCMParameters: aes-ICVlen DEFAULT 12 must be written, as 16 is not the default.
  const cipher = derSequence(derOid(OID.aes256gcm), derSequence(derOctetString(nonce), derInteger(GCM_TAG_BYTES)));
  return derSequence(derOid(OID.pbes2), derSequence(kdfAlgorithm, cipher));
}

/** EncryptedPrivateKeyInfo DER from the algorithm (as encodeEncryptionAlgorithm wrote it), ciphertext and tag. */
export function encodeEncryptedPrivateKey(encryptionAlgorithm: Uint8Array, ciphertext: Uint8Array, tag: Uint8Array): Uint8Array {
  if (tag.length !== GCM_TAG_BYTES) throw new RangeError(`the GCM tag must be ${GCM_TAG_BYTES} bytes`);
  return derSequence(encryptionAlgorithm, derOctetString(concatBytes(ciphertext, tag)));
}

/** PEM (`ENCRYPTED PRIVATE KEY`) of EncryptedPrivateKeyInfo DER. */
export function encryptedPrivateKeyPem(der: Uint8Array): string {
  parseEncryptedPrivateKey(der);
  return encodePem(ENCRYPTED_PRIVATE_KEY_LABEL, der);
}

/**
 * Reads EncryptedPrivateKeyInfo DER strictly: PBES2 with scrypt (r = 8, p = 1, N from 2^15 to
 * 2^20) or PBKDF2-HMAC-SHA256 (600,000 to 10,000,000 iterations), a 32-byte key, AES-256-GCM
 * with a 12-byte nonce and a 16-byte tag. Throws CryptoInputError naming what is wrong.
 */
export function parseEncryptedPrivateKey(der: Uint8Array): EncryptedPrivateKey {
  const what = 'encrypted private key (PKCS#8)';
  const fail = (problem: string) => new CryptoInputError(`${what}: ${problem}`);
  if (!(der instanceof Uint8Array)) throw fail('expected bytes');
  const info = readDer(der, what);
  const algorithm = info.element(TAG.SEQUENCE, 'encryptionAlgorithm');
  const encryptedData = info.octetString('encryptedData');
  info.end('encryptedData');

  const alg = new DerReader(algorithm.content, what);
  const scheme = alg.oid('encryptionAlgorithm');
  if (scheme !== OID.pbes2) throw fail(`the scheme ${scheme} is not PBES2 (${OID.pbes2}); only PBES2 keys are read`);
  const params = alg.sequence('PBES2-params');
  alg.end('PBES2-params');

  const kdfAlg = params.sequence('keyDerivationFunc');
  const kdfOid = kdfAlg.oid('keyDerivationFunc');
  let kdf: Pbes2Kdf;
  if (kdfOid === OID.scrypt) {
    const p = kdfAlg.sequence('scrypt-params');
    kdfAlg.end('scrypt-params');
    const salt = p.octetString('scrypt salt');
    const n = p.integer('scrypt costParameter');
    const r = p.smallInteger('scrypt blockSize');
    const par = p.smallInteger('scrypt parallelizationParameter');
    if (!p.done) checkKeyLength(p.smallInteger('scrypt keyLength'), fail);
    p.end('scrypt keyLength');
    const log2N = n > 0n && (n & (n - 1n)) === 0n ? n.toString(2).length - 1 : -1;
    kdf = { name: 'scrypt', salt: salt.slice(), log2N, r, p: par };
  } else if (kdfOid === OID.pbkdf2) {
    const p = kdfAlg.sequence('PBKDF2-params');
    kdfAlg.end('PBKDF2-params');
    const salt = p.octetString('PBKDF2 salt');
    const iterations = p.smallInteger('PBKDF2 iterationCount');
    if (p.peekTag() === TAG.INTEGER) checkKeyLength(p.smallInteger('PBKDF2 keyLength'), fail);
    if (p.done) throw fail('PBKDF2 with HMAC-SHA1 (the default PRF) is not accepted; HMAC-SHA256 is required');
    const prf = p.sequence('PBKDF2 prf');
    p.end('PBKDF2 prf');
    const prfOid = prf.oid('PBKDF2 prf');
    if (prfOid !== OID.hmacWithSHA256) throw fail(`the PBKDF2 PRF ${prfOid} is not HMAC-SHA256`);
    if (!prf.done) prf.null('PBKDF2 prf parameters');
    prf.end('PBKDF2 prf parameters');
    kdf = { name: 'pbkdf2-hmac-sha256', salt: salt.slice(), iterations };
  } else {
    throw fail(`the key derivation ${kdfOid} is not supported (scrypt or PBKDF2-HMAC-SHA256)`);
  }

  const cipher = params.sequence('encryptionScheme');
  params.end('encryptionScheme');
  const cipherOid = cipher.oid('encryptionScheme');
  if (cipherOid === OID.aes256cbc) {
    throw fail('the key is encrypted with AES-256-CBC (as OpenSSL writes it); the workstation reads AES-256-GCM only. Decrypt it with `openssl pkcs8 -in key.pem -out plain.pem` and import that');
  }
  if (cipherOid !== OID.aes256gcm) throw fail(`the cipher ${cipherOid} is not supported (AES-256-GCM)`);
  const gcm = cipher.sequence('GCMParameters');
  cipher.end('GCMParameters');
  const nonce = gcm.octetString('GCM nonce');
  if (nonce.length !== GCM_NONCE_BYTES) throw fail(`the GCM nonce must be ${GCM_NONCE_BYTES} bytes, not ${nonce.length}`);
  if (gcm.done) throw fail(`the GCM tag length must be ${GCM_TAG_BYTES} bytes (the default 12 is not accepted)`);
  const icvLen = gcm.smallInteger('GCM tag length');
  gcm.end('GCM tag length');
  if (icvLen !== GCM_TAG_BYTES) throw fail(`the GCM tag length must be ${GCM_TAG_BYTES} bytes, not ${icvLen}`);
  // The cost is checked after the cipher, so that a foreign (AES-CBC) key is told what it is.
  checkKdf(kdf, fail);

  if (encryptedData.length <= GCM_TAG_BYTES) throw fail('the encrypted data is too short to hold a key and its tag');
  return {
    kdf,
    nonce: nonce.slice(),
    ciphertext: encryptedData.slice(0, encryptedData.length - GCM_TAG_BYTES),
    tag: encryptedData.slice(encryptedData.length - GCM_TAG_BYTES),
    aad: algorithm.encoded.slice(),
  };
}

/**
 * Reads a private key PEM of either kind: unencrypted PKCS#8 (`PRIVATE KEY`) or this module's
 * `ENCRYPTED PRIVATE KEY`. Throws CryptoInputError for anything else (e.g. an OpenSSL
 * "traditional" `EC PRIVATE KEY`, with the command that converts it).
 */
export function readPrivateKeyPem(pem: string, what = 'private key'): { encrypted: false; pkcs8Der: Uint8Array } | { encrypted: true; key: EncryptedPrivateKey } {
  if (typeof pem === 'string' && /-----BEGIN (EC|RSA|DSA|OPENSSH) PRIVATE KEY-----/.test(pem)) {
    throw new CryptoInputError(`${what}: a traditional (non-PKCS#8) key file; convert it with \`openssl pkcs8 -topk8 -nocrypt -in key.pem -out pkcs8.pem\``);
  }
  const { label, der } = decodePem(pem, ['PRIVATE KEY', ENCRYPTED_PRIVATE_KEY_LABEL], what);
  return label === 'PRIVATE KEY' ? { encrypted: false, pkcs8Der: der } : { encrypted: true, key: parseEncryptedPrivateKey(der) };
}

function checkKeyLength(length: number, fail: (problem: string) => Error): void {
  if (length !== KEY_LENGTH) throw fail(`the derived key length must be ${KEY_LENGTH} bytes (AES-256), not ${length}`);
}

function checkKdf(kdf: Pbes2Kdf, fail: (problem: string) => Error): void {
  if (kdf.salt.length < SALT_BYTES.min || kdf.salt.length > SALT_BYTES.max) throw fail(`the salt must be ${SALT_BYTES.min} to ${SALT_BYTES.max} bytes, not ${kdf.salt.length}`);
  if (kdf.name === 'scrypt') {
    if (!Number.isInteger(kdf.log2N) || kdf.log2N < SCRYPT_LOG2N_RANGE.min || kdf.log2N > SCRYPT_LOG2N_RANGE.max) {
      throw fail(`the scrypt cost N must be a power of two from 2^${SCRYPT_LOG2N_RANGE.min} to 2^${SCRYPT_LOG2N_RANGE.max}`);
    }
    if (kdf.r !== SCRYPT_R || kdf.p !== SCRYPT_P) throw fail(`scrypt must use r = ${SCRYPT_R} and p = ${SCRYPT_P} (found r = ${kdf.r}, p = ${kdf.p})`);
  } else if (!Number.isInteger(kdf.iterations) || kdf.iterations < PBKDF2_ITERATIONS_RANGE.min || kdf.iterations > PBKDF2_ITERATIONS_RANGE.max) {
    throw fail(`PBKDF2 needs ${PBKDF2_ITERATIONS_RANGE.min.toLocaleString('en')} to ${PBKDF2_ITERATIONS_RANGE.max.toLocaleString('en')} iterations, not ${kdf.iterations}`);
  }
}
