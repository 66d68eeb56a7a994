/**
 * A digest cell as the reversibility test compares it: the value decoded (hex in either case,
 * or padded base64 in the standard or URL-safe alphabet) into the 32-bit words the compression
 * functions output, with the algorithms its length allows. Comparing words rather than text
 * makes upper- and lower-case hex and base64 one comparison.
 */
import { checkDigest } from '../../detect/detectors/digest';
import { ALGORITHM_INFO, type Algorithm } from './block-hashes';

export type DigestTarget = {
  /** The algorithms whose digest has this length (a named `<alg>:` prefix narrows them), in the order tried. */
  algorithms: readonly Algorithm[];
  /** The digest as words of the algorithms' byte order (all algorithms of one length share it). */
  words: Int32Array;
  encoding: 'hex' | 'base64';
  upperCase: boolean;
};

/** `md5:`, `SHA-256:`, `sm3:`: a prefix naming the algorithm. */
const PREFIX = /^([A-Za-z][A-Za-z0-9-]{1,15}):/;
const PREFIX_ALGORITHMS: Readonly<Record<string, Algorithm>> = { md5: 'md5', sha1: 'sha1', sha256: 'sha256', sm3: 'sm3' };

/**
 * The target of a digest cell, or null when the cell is not digest-shaped (see the `digest`
 * detector). An `<alg>:` prefix is allowed, as the profiler allows it; when it names MD5, SHA-1,
 * SHA-256 or SM3 only that algorithm is tried.
 */
export function parseDigestCell(cell: string): DigestTarget | null {
  let value = cell.trim();
  let named: Algorithm | null = null;
  const prefix = PREFIX.exec(value);
  if (prefix) {
    named = PREFIX_ALGORITHMS[prefix[1]!.toLowerCase().replace(/-/g, '')] ?? null;
    value = value.slice(prefix[0].length);
  }
  const hit = checkDigest(value);
  if (!hit?.digest) return null;
  const { encoding, upperCase } = hit.digest;
  let algorithms: readonly Algorithm[] = hit.digest.algorithms;
  if (named) {
    if (!algorithms.includes(named)) return null;
    algorithms = [named];
  }
  const bytes = encoding === 'hex' ? hexBytes(value) : base64Bytes(value);
  if (!bytes) return null;
  const littleEndian = ALGORITHM_INFO[algorithms[0]!].littleEndian;
  const words = new Int32Array(bytes.length / 4);
  for (let i = 0; i < words.length; i++) {
    const [b0, b1, b2, b3] = [bytes[4 * i]!, bytes[4 * i + 1]!, bytes[4 * i + 2]!, bytes[4 * i + 3]!];
    words[i] = littleEndian ? b0 | (b1 << 8) | (b2 << 16) | (b3 << 24) : (b0 << 24) | (b1 << 16) | (b2 << 8) | b3;
  }
  return { algorithms, words, encoding, upperCase };
}

function hexBytes(hex: string): Uint8Array | null {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    const byte = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
    if (Number.isNaN(byte)) return null;
    bytes[i] = byte;
  }
  return bytes;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Padded base64, standard (`+/`) or URL-safe (`-_`) alphabet. */
function base64Bytes(text: string): Uint8Array | null {
  const body = text.replace(/=+$/, '');
  const bits: number[] = [];
  for (const ch of body) {
    const index = ch === '+' || ch === '-' ? 62 : ch === '/' || ch === '_' ? 63 : BASE64.indexOf(ch);
    if (index < 0) return null;
    bits.push(index);
  }
  const bytes = new Uint8Array(Math.floor((body.length * 6) / 8));
  let buffer = 0;
  let held = 0;
  let at = 0;
  for (const sextet of bits) {
    buffer = ((buffer << 6) | sextet) & 0xffff;
    held += 6;
    if (held >= 8) {
      held -= 8;
      bytes[at++] = (buffer >> held) & 0xff;
    }
  }
  return bytes;
}
