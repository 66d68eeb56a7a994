/**
 * The SM4 block cipher (GB/T 32907) from sm-crypto-v2, wrapped so that every input is checked
 * before the library sees it: keys of 16 bytes, whole blocks, 16-byte CBC IVs with strict
 * PKCS#7 padding, and GCM with a 12-byte nonce whose tag is always checked on decryption
 * (the library skips the check when no tag is given, and accepts zero padding in CBC).
 */
import { sm4 } from 'sm-crypto-v2';
import { CryptoInputError } from './errors';

const BLOCK = 16;

function checkKey(key: Uint8Array): void {
  if (!(key instanceof Uint8Array) || key.length !== 16) throw new CryptoInputError('SM4: the key must be 16 bytes');
}

function checkBytes(value: Uint8Array, name: string): void {
  if (!(value instanceof Uint8Array)) throw new CryptoInputError(`SM4: the ${name} must be bytes`);
}

/** Encrypts exactly one 16-byte block (ECB, no padding). */
export function sm4EncryptBlock(key: Uint8Array, block: Uint8Array): Uint8Array {
  checkKey(key);
  if (!(block instanceof Uint8Array) || block.length !== BLOCK) throw new CryptoInputError('SM4: a block is 16 bytes');
  return sm4.encrypt(block, key, { padding: 'none', output: 'array' });
}

/** Decrypts exactly one 16-byte block (ECB, no padding). */
export function sm4DecryptBlock(key: Uint8Array, block: Uint8Array): Uint8Array {
  checkKey(key);
  if (!(block instanceof Uint8Array) || block.length !== BLOCK) throw new CryptoInputError('SM4: a block is 16 bytes');
  return sm4.decrypt(block, key, { padding: 'none', output: 'array' });
}

/** SM4-CBC with PKCS#7 padding. */
export function sm4CbcEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array): Uint8Array {
  checkKey(key);
  checkIv(iv);
  checkBytes(plaintext, 'plaintext');
  const pad = BLOCK - (plaintext.length % BLOCK);
  const padded = new Uint8Array(plaintext.length + pad);
  padded.set(plaintext);
  padded.fill(pad, plaintext.length);
  return sm4.encrypt(padded, key, { mode: 'cbc', iv: Uint8Array.from(iv), padding: 'none', output: 'array' });
}

/** SM4-CBC decryption; throws CryptoInputError when the length or the PKCS#7 padding is wrong. */
export function sm4CbcDecrypt(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  checkKey(key);
  checkIv(iv);
  checkBytes(ciphertext, 'ciphertext');
  if (ciphertext.length === 0 || ciphertext.length % BLOCK !== 0) throw new CryptoInputError('SM4-CBC: the ciphertext must be a non-zero number of 16-byte blocks');
  const padded = sm4.decrypt(ciphertext, key, { mode: 'cbc', iv: Uint8Array.from(iv), padding: 'none', output: 'array' });
  const pad = padded[padded.length - 1]!;
  let bad = pad < 1 || pad > BLOCK ? 1 : 0;
  for (let i = 1; i <= BLOCK; i++) if (i <= pad && padded[padded.length - i] !== pad) bad = 1;
  if (bad) throw new CryptoInputError('SM4-CBC: the padding is invalid (wrong key, or damaged data)');
  return padded.slice(0, padded.length - pad);
}

/** SM4-GCM (RFC 8998) with a 12-byte nonce: the ciphertext and its 16-byte tag. Never reuse a nonce under one key. */
export function sm4GcmEncrypt(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array = new Uint8Array(0)): { ciphertext: Uint8Array; tag: Uint8Array } {
  checkKey(key);
  checkNonce(nonce);
  checkBytes(plaintext, 'plaintext');
  checkBytes(aad, 'additional data');
  const { output, tag } = sm4.encrypt(plaintext, key, { mode: 'gcm', iv: nonce, associatedData: aad, output: 'array', outputTag: true });
  if (!tag || tag.length !== 16) throw new Error('SM4-GCM: the library returned no tag');
  return { ciphertext: output, tag };
}

/** SM4-GCM decryption; throws CryptoInputError when the tag does not match (wrong key, nonce, data or aad). */
export function sm4GcmDecrypt(key: Uint8Array, nonce: Uint8Array, ciphertext: Uint8Array, tag: Uint8Array, aad: Uint8Array = new Uint8Array(0)): Uint8Array {
  checkKey(key);
  checkNonce(nonce);
  checkBytes(ciphertext, 'ciphertext');
  checkBytes(aad, 'additional data');
  if (!(tag instanceof Uint8Array) || tag.length !== 16) throw new CryptoInputError('SM4-GCM: the tag must be 16 bytes');
  try {
    return sm4.decrypt(ciphertext, key, { mode: 'gcm', iv: nonce, associatedData: aad, tag, output: 'array' });
  } catch {
    throw new CryptoInputError('SM4-GCM: authentication failed (wrong key, or the data was changed)');
  }
}

function checkIv(iv: Uint8Array): void {
  if (!(iv instanceof Uint8Array) || iv.length !== BLOCK) throw new CryptoInputError('SM4-CBC: the IV must be 16 bytes');
}

function checkNonce(nonce: Uint8Array): void {
  if (!(nonce instanceof Uint8Array) || nonce.length !== 12) throw new CryptoInputError('SM4-GCM: the nonce must be 12 bytes');
}
