/**
 * Tests of the demo's GB18030 encoder: known byte values, a round trip through the platform
 * decoder, output that is not valid UTF-8 (so intake must fall back), and the error for
 * characters outside the two-byte range.
 */
import { describe, expect, it } from 'vitest';
import { encodeGb18030 } from './gb18030';

describe('encodeGb18030', () => {
  it('writes the GB 2312 codes of common characters and leaves ASCII alone', () => {
    expect(Array.from(encodeGb18030('中文'))).toEqual([0xd6, 0xd0, 0xce, 0xc4]);
    expect(Array.from(encodeGb18030('a,1\n'))).toEqual([0x61, 0x2c, 0x31, 0x0a]);
    expect(Array.from(encodeGb18030('、'))).toEqual([0xa1, 0xa2]);
  });

  it('round-trips through a strict GB18030 decoder', () => {
    const text = 'credit_code,district,industry\n91330106MA2H3XK19W,杭州市西湖区,信息传输、软件和信息技术服务业\n';
    const bytes = encodeGb18030(text);
    expect(new TextDecoder('gb18030', { fatal: true }).decode(bytes)).toBe(text);
  });

  it('produces bytes a strict UTF-8 decoder rejects', () => {
    const bytes = encodeGb18030('杭州市上城区,批发和零售业\n');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(TypeError);
  });

  it('refuses a character that needs a four-byte code', () => {
    expect(() => encodeGb18030('ok 😀')).toThrow(/U\+1F600/);
  });
});
