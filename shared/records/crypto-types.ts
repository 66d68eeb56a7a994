/**
 * The signing capabilities the record layer needs, declared structurally so that it depends on
 * the shape of shared/crypto/signing.ts and not on the module: the signer and the verifier are
 * passed in (dependency injection), which keeps the record code testable with any implementation.
 */

/** Signature algorithms of FORMATS.md §4: SM2-with-SM3 by default, Ed25519 as the alternative. */
export type SignatureAlg = 'SM2-SM3' | 'Ed25519';

/** A public key as shared/crypto/signing.ts returns it (PEM SPKI plus its DER and key id). */
export type PublicKey = { alg: SignatureAlg; keyId: string; spkiDer: Uint8Array; pem: string };

/** A private key that never leaves its holder: it signs, it does not export. SM2 gives a DER signature, Ed25519 64 bytes. */
export type PrivateKeyHandle = { alg: SignatureAlg; keyId: string; sign(message: Uint8Array): Uint8Array };

/** Verifies `signature` over `message` with `key` (SM2 with the default user ID `1234567812345678`). */
export type VerifyFn = (key: PublicKey, message: Uint8Array, signature: Uint8Array) => boolean;

/** Looks up the public key for a key id, or null when it is unknown (not trusted, not issued). */
export type ResolveKey = (keyId: string) => PublicKey | null;
