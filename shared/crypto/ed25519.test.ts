// Ed25519 through @noble/curves: RFC 8032 test vector 1, round trips, and refusals.
import { bytesToHex, hexToBytes } from '@noble/curves/utils.js';
import { describe, expect, it } from 'vitest';
import { ed25519PublicKey, generateEd25519KeyPair, isValidEd25519PublicKey, signEd25519, verifyEd25519 } from './ed25519';

describe('Ed25519', () => {
  it('RFC 8032 §7.1 test 1 (empty message)', () => {
    const seed = hexToBytes('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
    const publicKey = ed25519PublicKey(seed);
    expect(bytesToHex(publicKey)).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    const signature = signEd25519(seed, new Uint8Array(0));
    expect(bytesToHex(signature)).toBe(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    );
    expect(verifyEd25519(publicKey, new Uint8Array(0), signature)).toBe(true);
  });

  it('round trip, and a different message, key or changed byte fails', () => {
    const { seed, publicKey } = generateEd25519KeyPair();
    const message = new TextEncoder().encode('record');
    const signature = signEd25519(seed, message);
    expect(signature.length).toBe(64);
    expect(verifyEd25519(publicKey, message, signature)).toBe(true);
    expect(verifyEd25519(publicKey, new TextEncoder().encode('recorD'), signature)).toBe(false);
    expect(verifyEd25519(generateEd25519KeyPair().publicKey, message, signature)).toBe(false);
    const changed = signature.slice();
    changed[10]! ^= 4;
    expect(verifyEd25519(publicKey, message, changed)).toBe(false);
  });

  it('refuses S ≥ L (a malleated signature) and small-order public keys', () => {
    const { seed, publicKey } = generateEd25519KeyPair();
    const message = new TextEncoder().encode('m');
    const signature = signEd25519(seed, message);
    // S + L is the same scalar mod L; RFC 8032 requires S < L.
    const L = 2n ** 252n + 27742317777372353535851937790883648493n;
    const s = BigInt(`0x${bytesToHex(signature.slice(32).reverse())}`);
    const malleated = Uint8Array.of(...signature.subarray(0, 32), ...hexToBytes((s + L).toString(16).padStart(64, '0')).reverse());
    expect(verifyEd25519(publicKey, message, malleated)).toBe(false);
    const identity = hexToBytes('0100000000000000000000000000000000000000000000000000000000000000');
    expect(isValidEd25519PublicKey(identity)).toBe(false);
    expect(verifyEd25519(identity, message, signature)).toBe(false);
  });

  it('never throws on malformed input', () => {
    const { publicKey } = generateEd25519KeyPair();
    const anyValue = (v: unknown) => v as Uint8Array;
    expect(verifyEd25519(publicKey, new Uint8Array(1), new Uint8Array(63))).toBe(false);
    expect(verifyEd25519(publicKey, anyValue('x'), new Uint8Array(64))).toBe(false);
    expect(verifyEd25519(new Uint8Array(31), new Uint8Array(1), new Uint8Array(64))).toBe(false);
    expect(verifyEd25519(anyValue(null), new Uint8Array(1), new Uint8Array(64))).toBe(false);
  });
});
