/**
 * RFC 8785 (JCS) canonical JSON and the digests defined over it, such as the candidate
 * digest of FORMATS.md §1: `sm3:` of the UTF-8 bytes of JCS(candidate.json).
 */
import canonicalizeJson from 'canonicalize';
import { sm3Digest } from '../crypto/digest';

/** JCS of a JSON value; throws on values JSON cannot hold (undefined, functions, NaN). */
export function canonicalize(value: unknown): string {
  const text = canonicalizeJson(value);
  if (text === undefined) throw new TypeError('value has no JSON representation');
  return text;
}

/** `sm3:<hex>` over the UTF-8 of JCS(value). */
export async function canonicalSm3(value: unknown): Promise<string> {
  return sm3Digest(new TextEncoder().encode(canonicalize(value)));
}
