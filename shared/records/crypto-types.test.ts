// The record layer declares the signing shapes itself (it takes signer and verifier by
// injection); this keeps them identical to shared/crypto/signing.ts, at compile time.
import { expect, it } from 'vitest';
import type * as Signing from '../crypto/signing';
import type { PrivateKeyHandle, PublicKey, SignatureAlg, VerifyFn } from './crypto-types';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

it('declares the same shapes as shared/crypto/signing.ts', () => {
  const same: [
    Same<SignatureAlg, Signing.SignatureAlg>,
    Same<PublicKey, Signing.PublicKey>,
    Same<PrivateKeyHandle, Signing.PrivateKeyHandle>,
    Same<VerifyFn, typeof Signing.verifySignature>,
  ] = [true, true, true, true];
  expect(same).toEqual([true, true, true, true]);
});
