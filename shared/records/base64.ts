/**
 * Strict base64 (RFC 4648 §4, standard alphabet, padded) for signature values: anything but the
 * one canonical encoding of some bytes is refused, so a signature value cannot be varied
 * (whitespace, missing padding, non-zero trailing bits, URL alphabet) without failing.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Map(Array.from({ length: ALPHABET.length }, (_, i) => [ALPHABET.charAt(i), i]));
const CANONICAL_SHAPE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Encodes bytes as padded standard base64. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += ALPHABET[a >> 2]! + ALPHABET[((a & 0x03) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? '=' : ALPHABET[((b & 0x0f) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? '=' : ALPHABET[c & 0x3f]!;
  }
  return out;
}

/** Why `text` is not canonical base64, or null when it is. */
export function base64Problem(text: string): string | null {
  if (!CANONICAL_SHAPE.test(text)) {
    return 'is not padded standard base64 (A–Z, a–z, 0–9, "+", "/", "=" padding, no whitespace)';
  }
  if (text.endsWith('==')) {
    if ((VALUES.get(text[text.length - 3]!)! & 0x0f) !== 0) return 'has non-zero bits after the last byte (not the canonical encoding)';
  } else if (text.endsWith('=')) {
    if ((VALUES.get(text[text.length - 2]!)! & 0x03) !== 0) return 'has non-zero bits after the last byte (not the canonical encoding)';
  }
  return null;
}

/** Decodes canonical base64; throws a TypeError saying why for anything else. */
export function decodeBase64(text: string): Uint8Array {
  const problem = base64Problem(text);
  if (problem) throw new TypeError(`base64 value ${problem}`);
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n =
      (VALUES.get(text[i]!)! << 18) |
      (VALUES.get(text[i + 1]!)! << 12) |
      ((VALUES.get(text[i + 2]!) ?? 0) << 6) |
      (VALUES.get(text[i + 3]!) ?? 0);
    if (o < out.length) out[o++] = (n >> 16) & 0xff;
    if (o < out.length) out[o++] = (n >> 8) & 0xff;
    if (o < out.length) out[o++] = n & 0xff;
  }
  return out;
}
