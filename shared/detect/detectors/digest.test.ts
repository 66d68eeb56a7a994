/**
 * Tests of the digest-shape detector with real MD5, SHA-1 and SHA-256 digests (node:crypto),
 * in hex and base64, and the shapes that only look similar.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Hit } from './common';
import { BASE64_DIGEST_CONFIDENCE, HEX_DIGEST_CONFIDENCE, checkBase64Digest, checkDigest, checkHexDigest, findDigests } from './digest';

function digest(algorithm: string, input: string, encoding: 'hex' | 'base64'): string {
  return createHash(algorithm).update(input).digest(encoding);
}

describe('checkHexDigest', () => {
  it('recognises MD5, SHA-1 and SHA-256 hex in either case', () => {
    expect(checkHexDigest(digest('md5', '13812345678', 'hex'))).toEqual({
      detector: 'digest',
      confidence: HEX_DIGEST_CONFIDENCE,
      personal: false,
      digest: { encoding: 'hex', algorithms: ['md5'], upperCase: false },
    });
    expect(checkHexDigest(digest('sha1', 'x', 'hex'))?.digest?.algorithms).toEqual(['sha1']);
    expect(checkHexDigest(digest('sha256', 'x', 'hex').toUpperCase())?.digest).toEqual({ encoding: 'hex', algorithms: ['sha256', 'sm3'], upperCase: true });
  });

  it('rejects mixed case, all digits, non-hex and other lengths', () => {
    const md5 = digest('md5', 'a', 'hex');
    expect(checkHexDigest(md5.slice(0, 16) + md5.slice(16).toUpperCase())).toBeNull();
    expect(checkHexDigest('1'.repeat(32))).toBeNull();
    expect(checkHexDigest('a'.repeat(32))).toBeNull();
    expect(checkHexDigest(`${md5.slice(0, 31)}g`)).toBeNull();
    expect(checkHexDigest(md5.slice(0, 31))).toBeNull();
    expect(checkHexDigest(`${md5}0`)).toBeNull();
  });
});

describe('checkBase64Digest', () => {
  it('recognises padded base64 of 16, 20 and 32 bytes', () => {
    expect(checkBase64Digest(digest('md5', '13812345678', 'base64'))).toEqual({
      detector: 'digest',
      confidence: BASE64_DIGEST_CONFIDENCE,
      personal: false,
      digest: { encoding: 'base64', algorithms: ['md5'], upperCase: false },
    });
    expect(checkBase64Digest(digest('sha1', 'x', 'base64'))?.digest?.algorithms).toEqual(['sha1']);
    expect(checkBase64Digest(digest('sha256', 'x', 'base64'))?.digest?.algorithms).toEqual(['sha256', 'sm3']);
  });

  it('rejects wrong padding, lengths and single-class strings', () => {
    const b64 = digest('md5', 'x', 'base64');
    expect(checkBase64Digest(b64.replace(/=+$/, ''))).toBeNull();
    expect(checkBase64Digest(`${b64.slice(0, 22)}=A`)).toBeNull();
    expect(checkBase64Digest(`${'A'.repeat(22)}==`)).toBeNull();
    expect(checkBase64Digest(`${'a'.repeat(21)}!==`)).toBeNull();
    expect(checkDigest('hello')).toBeNull();
  });
});

describe('findDigests', () => {
  it('finds digests in API examples', () => {
    const md5 = digest('md5', '13812345678', 'hex');
    const b64 = digest('sha256', 'x', 'base64');
    const text = `{"phone_md5": "${md5}", "sig": "${b64}"}`;
    const found: { text: string; hit: Hit }[] = [];
    findDigests(text, (hit, start, end) => found.push({ text: text.slice(start, end), hit }));
    expect(found.map((f) => f.text)).toEqual([md5, b64]);
  });
});
