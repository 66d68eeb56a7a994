// SM4 (GB/T 32907-2016) with the standard's examples (Appendix A), the RFC 8998 SM4-GCM vector,
// and the wrapper's refusals of malformed input.
import { describe, expect, it } from 'vitest';
import { hexToBytes, bytesToHex } from '@noble/curves/utils.js';
import { CryptoInputError } from './errors';
import { sm4CbcDecrypt, sm4CbcEncrypt, sm4DecryptBlock, sm4EncryptBlock, sm4GcmDecrypt, sm4GcmEncrypt } from './sm4';

const KEY = hexToBytes('0123456789abcdeffedcba9876543210');
const PLAIN = hexToBytes('0123456789abcdeffedcba9876543210');

describe('SM4 (GB/T 32907)', () => {
  it('A.1: one encryption of the example block', () => {
    expect(bytesToHex(sm4EncryptBlock(KEY, PLAIN))).toBe('681edf34d206965e86b3e94f536e4246');
    expect(bytesToHex(sm4DecryptBlock(KEY, hexToBytes('681edf34d206965e86b3e94f536e4246')))).toBe(bytesToHex(PLAIN));
  });

  // 1,000,000 block encryptions take about 2 s here (measured), under the 5 s budget, so the
  // vector runs with the others; the timeout leaves room for a slow machine.
  it('A.2: the example block encrypted 1,000,000 times', { timeout: 60_000 }, () => {
    let block = PLAIN;
    for (let i = 0; i < 1_000_000; i++) block = sm4EncryptBlock(KEY, block);
    expect(bytesToHex(block)).toBe('595298c7c6fd271f0402f804c33d3f66');
  });

  it('CBC: one block under a zero IV is the ECB example; a round trip restores any length', () => {
    const zeroIv = new Uint8Array(16);
    expect(bytesToHex(sm4CbcEncrypt(KEY, zeroIv, PLAIN).subarray(0, 16))).toBe('681edf34d206965e86b3e94f536e4246');
    const iv = hexToBytes('000102030405060708090a0b0c0d0e0f');
    for (const length of [0, 1, 15, 16, 17, 100]) {
      const data = Uint8Array.from({ length }, (_, i) => i);
      const sealed = sm4CbcEncrypt(KEY, iv, data);
      expect(sealed.length).toBe((Math.floor(length / 16) + 1) * 16);
      expect(sm4CbcDecrypt(KEY, iv, sealed)).toEqual(data);
    }
  });

  it('CBC: bad padding (including the zero padding the library lets through) is refused', () => {
    const iv = new Uint8Array(16);
    // A block whose plaintext ends in 0x00: the raw library would return it unpadded.
    const zeroPadded = sm4CbcEncrypt(KEY, iv, new Uint8Array(16)).subarray(0, 16);
    expect(() => sm4CbcDecrypt(KEY, iv, zeroPadded)).toThrow(/padding is invalid/);
    expect(() => sm4CbcDecrypt(KEY, iv, new Uint8Array(15))).toThrow(CryptoInputError);
    expect(() => sm4CbcDecrypt(KEY, iv, new Uint8Array(0))).toThrow(CryptoInputError);
  });

  it('GCM: the RFC 8998 A.1 vector, and a changed byte anywhere fails authentication', () => {
    const nonce = hexToBytes('00001234567800000000abcd');
    const aad = hexToBytes('feedfacedeadbeeffeedfacedeadbeefabaddad2');
    const plain = hexToBytes(
      'aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccddddddddddddddddeeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa',
    );
    const { ciphertext, tag } = sm4GcmEncrypt(KEY, nonce, plain, aad);
    expect(bytesToHex(ciphertext)).toBe(
      '17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d',
    );
    expect(bytesToHex(tag)).toBe('83de3541e4c2b58177e065a9bf7b62ec');
    expect(sm4GcmDecrypt(KEY, nonce, ciphertext, tag, aad)).toEqual(plain);
    const flipped = ciphertext.slice();
    flipped[5]! ^= 1;
    expect(() => sm4GcmDecrypt(KEY, nonce, flipped, tag, aad)).toThrow(/authentication failed/);
    expect(() => sm4GcmDecrypt(KEY, nonce, ciphertext, tag, aad.subarray(1))).toThrow(/authentication failed/);
    const badTag = tag.slice();
    badTag[15]! ^= 0x80;
    expect(() => sm4GcmDecrypt(KEY, nonce, ciphertext, badTag, aad)).toThrow(/authentication failed/);
    expect(() => sm4GcmDecrypt(KEY, nonce, ciphertext, tag.subarray(0, 12), aad)).toThrow(/tag must be 16 bytes/);
  });

  it('refuses keys, blocks, IVs and nonces of the wrong size', () => {
    expect(() => sm4EncryptBlock(new Uint8Array(15), PLAIN)).toThrow(/key must be 16 bytes/);
    expect(() => sm4EncryptBlock(new Uint8Array(32), PLAIN)).toThrow(/key must be 16 bytes/);
    expect(() => sm4EncryptBlock(KEY, new Uint8Array(17))).toThrow(/a block is 16 bytes/);
    expect(() => sm4CbcEncrypt(KEY, new Uint8Array(12), PLAIN)).toThrow(/IV must be 16 bytes/);
    expect(() => sm4GcmEncrypt(KEY, new Uint8Array(16), PLAIN)).toThrow(/nonce must be 12 bytes/);
    expect(() => sm4GcmEncrypt(new Uint8Array(17), new Uint8Array(12), PLAIN)).toThrow(/key must be 16 bytes/);
  });
});
