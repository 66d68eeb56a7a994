/**
 * PEM armour (RFC 7468) for keys: one `-----BEGIN <label>-----` block of strict base64 around
 * DER. Reading accepts line breaks (LF or CRLF) and surrounding whitespace, nothing else: no
 * headers, no text around the block, no second block, only the canonical base64 of the bytes.
 */
import { CryptoInputError } from './errors';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Map(Array.from(ALPHABET, (ch, i) => [ch, i] as const));
const CANONICAL = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Writes DER as PEM the way OpenSSL does: 64-character lines, LF line ends, a final newline. */
export function encodePem(label: string, der: Uint8Array): string {
  const body = base64(der);
  const lines: string[] = [];
  for (let i = 0; i < body.length; i += 64) lines.push(body.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/**
 * The label and DER bytes of the one PEM block in `text`. `labels` lists the labels the caller
 * accepts; `what` names the input in errors ("the public key").
 */
export function decodePem(text: string, labels: readonly string[], what: string): { label: string; der: Uint8Array } {
  if (typeof text !== 'string') throw new CryptoInputError(`${what}: expected PEM text`);
  const lines = text.replace(/\r\n/g, '\n').trim().split('\n');
  const begin = /^-----BEGIN ([A-Z0-9 ]+)-----$/.exec(lines[0] ?? '');
  if (!begin) throw new CryptoInputError(`${what} is not PEM: it must start with a "-----BEGIN ${labels[0]}-----" line`);
  const label = begin[1]!;
  if (!labels.includes(label)) {
    throw new CryptoInputError(`${what}: found a PEM "${label}" block where ${labels.map((l) => `"${l}"`).join(' or ')} was expected`);
  }
  const endIndex = lines.indexOf(`-----END ${label}-----`);
  if (endIndex < 0) throw new CryptoInputError(`${what}: the "-----END ${label}-----" line is missing`);
  if (endIndex !== lines.length - 1) throw new CryptoInputError(`${what}: text follows the END line; the file must hold exactly one PEM block`);
  const body = lines.slice(1, endIndex).map((line) => line.trim());
  if (body.some((line) => line.includes(':'))) throw new CryptoInputError(`${what}: PEM headers (such as Proc-Type) are not supported; convert the key to PKCS#8`);
  const joined = body.join('');
  if (joined === '') throw new CryptoInputError(`${what}: the PEM block is empty`);
  const der = unbase64(joined);
  if (!der) throw new CryptoInputError(`${what}: the PEM body is not valid base64`);
  return { label, der };
}

function base64(bytes: Uint8Array): string {
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

/** Canonical padded base64 to bytes, or null for anything else (bad characters, padding or trailing bits). */
function unbase64(text: string): Uint8Array | null {
  if (!CANONICAL.test(text)) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const c = VALUES.get(text[i + 2]!) ?? 0;
    const d = VALUES.get(text[i + 3]!) ?? 0;
    const n = (VALUES.get(text[i]!)! << 18) | (VALUES.get(text[i + 1]!)! << 12) | (c << 6) | d;
    if (o < out.length) out[o++] = (n >> 16) & 0xff;
    else if ((n >> 16) & 0xff) return null;
    if (o < out.length) out[o++] = (n >> 8) & 0xff;
    else if ((n >> 8) & 0xff) return null;
    if (o < out.length) out[o++] = n & 0xff;
    else if (n & 0xff) return null;
  }
  return out;
}
