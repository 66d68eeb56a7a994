/**
 * Recognises values that carry no clear content of their own — digests, HMACs, ciphertexts and
 * tokens — so a keyed or hashed column can be shown as it is, while a clear value is masked.
 */

const DIGEST_HEX_LENGTHS: ReadonlySet<number> = new Set([32, 40, 56, 64, 96, 128]);
const DIGEST_BASE64_LENGTHS: ReadonlySet<number> = new Set([24, 28, 40, 44, 64, 88]);

/**
 * True when `value` is shaped like a digest or HMAC: hex of an MD5/SHA-1/SHA-2/SM3 length, or
 * base64 of 16–64 bytes, optionally prefixed `<alg>:` (`sm3:…`, `hmac-sm3:…`).
 */
export function looksLikeDigest(value: string): boolean {
  const body = stripAlgorithmPrefix(value.trim());
  if (/^[0-9a-fA-F]+$/.test(body)) return DIGEST_HEX_LENGTHS.has(body.length) && !/^[0-9]+$/.test(body);
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(body)) return DIGEST_BASE64_LENGTHS.has(body.length) && /[A-Za-z]/.test(body) && /[0-9]/.test(body);
  return false;
}

/**
 * True when `value` is shaped like a ciphertext or token: a digest, a UUID, or at least 20
 * characters of hex/base64/URL-safe alphabet mixing letters and digits. Identifiers never match:
 * they are digits only, or at most 18 characters (credit codes, passports).
 */
export function looksLikeToken(value: string): boolean {
  const text = value.trim();
  if (looksLikeDigest(text)) return true;
  if (/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(text)) return true;
  const body = stripAlgorithmPrefix(text);
  return body.length >= 20 && /^[A-Za-z0-9+/_.=-]+$/.test(body) && /[A-Za-z]/.test(body) && /[0-9]/.test(body);
}

function stripAlgorithmPrefix(value: string): string {
  const m = /^[a-z][a-z0-9-]{1,15}:/i.exec(value);
  return m ? value.slice(m[0].length) : value;
}
