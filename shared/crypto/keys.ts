/**
 * Key encodings exchanged with OpenSSL and other tools: public keys as SubjectPublicKeyInfo
 * (RFC 5280; SM2 as id-ecPublicKey with the curve OID 1.2.156.10197.1.301 and an uncompressed
 * point, Ed25519 as RFC 8410), private keys as unencrypted PKCS#8 PrivateKeyInfo (RFC 5208;
 * SM2 with an RFC 5915 ECPrivateKey inside, as `openssl genpkey -algorithm sm2` writes it),
 * and the key id of FORMATS.md §4. Parsing is strict DER and checks the key material itself
 * (the point is on the curve, the scalar is in range, an embedded public key matches).
 */
import { bytesToHex } from '@noble/curves/utils.js';
import {
  bytesEqual,
  derBitString,
  derExplicit,
  derInteger,
  derOctetString,
  derOid,
  derSequence,
  contextTag,
  readDer,
  DerReader,
} from './der';
import { ed25519PublicKey, isValidEd25519PublicKey } from './ed25519';
import { CryptoInputError } from './errors';
import { SM2_N, isValidSm2PublicKey, sm2SigningKey, sm3Hex } from './sm2';

export const OID = {
  ecPublicKey: '1.2.840.10045.2.1',
  sm2p256v1: '1.2.156.10197.1.301',
  ed25519: '1.3.101.112',
} as const;

export type KeyAlg = 'SM2-SM3' | 'Ed25519';

/** A public key as SubjectPublicKeyInfo names it: SM2's 65-byte uncompressed point, or Ed25519's 32 bytes. */
export type PublicKeyMaterial = { alg: KeyAlg; key: Uint8Array };
/** A private key: SM2's 32-byte scalar d, or Ed25519's 32-byte seed. */
export type PrivateKeyMaterial = { alg: KeyAlg; key: Uint8Array };

/** The key id of FORMATS.md §4: `sm2:` or `ed25519:` and the first 16 hex digits of SM3(SPKI DER). */
export function keyIdOf(alg: KeyAlg, spkiDer: Uint8Array): string {
  return `${alg === 'SM2-SM3' ? 'sm2' : 'ed25519'}:${sm3Hex(spkiDer).slice(0, 16)}`;
}

/** SubjectPublicKeyInfo DER of a public key (checked first). */
export function encodeSpki({ alg, key }: PublicKeyMaterial): Uint8Array {
  if (alg === 'SM2-SM3') {
    if (!isValidSm2PublicKey(key)) throw new CryptoInputError('SM2 public key: not an uncompressed point on the SM2 curve');
    return derSequence(derSequence(derOid(OID.ecPublicKey), derOid(OID.sm2p256v1)), derBitString(key));
  }
  if (!isValidEd25519PublicKey(key)) throw new CryptoInputError('Ed25519 public key: not a valid 32-byte public key');
  return derSequence(derSequence(derOid(OID.ed25519)), derBitString(key));
}

/**
 * The key inside SubjectPublicKeyInfo DER. Only the two forms above are accepted, in exact DER;
 * the SM2 point must be uncompressed and on the curve, the Ed25519 key a valid point.
 */
export function parseSpki(der: Uint8Array): PublicKeyMaterial {
  const what = 'public key (SubjectPublicKeyInfo)';
  if (!(der instanceof Uint8Array)) throw new CryptoInputError(`${what}: expected bytes`);
  const spki = readDer(der, what);
  const algorithm = spki.sequence('algorithm');
  const oid = algorithm.oid('algorithm');
  if (oid === OID.ecPublicKey) {
    const curve = algorithm.oid('curve');
    algorithm.end('curve');
    if (curve !== OID.sm2p256v1) throw new CryptoInputError(`${what}: an EC key on curve ${curve}, not SM2 (${OID.sm2p256v1})`);
    const point = spki.bitString('subjectPublicKey');
    spki.end('subjectPublicKey');
    if (point.length !== 65 || point[0] !== 0x04) throw new CryptoInputError(`${what}: the SM2 point must be uncompressed (65 bytes starting 04)`);
    if (!isValidSm2PublicKey(point)) throw new CryptoInputError(`${what}: the SM2 point is not on the curve`);
    return exact({ alg: 'SM2-SM3', key: point.slice() }, der, what);
  }
  if (oid === OID.ed25519) {
    algorithm.end('algorithm (Ed25519 has no parameters)');
    const key = spki.bitString('subjectPublicKey');
    spki.end('subjectPublicKey');
    if (key.length !== 32) throw new CryptoInputError(`${what}: an Ed25519 key is 32 bytes, not ${key.length}`);
    if (!isValidEd25519PublicKey(key)) throw new CryptoInputError(`${what}: the Ed25519 key is not a valid point (or is of small order)`);
    return exact({ alg: 'Ed25519', key: key.slice() }, der, what);
  }
  if (oid === OID.sm2p256v1) {
    throw new CryptoInputError(`${what}: the algorithm is the SM2 curve OID itself; SM2 keys must use id-ecPublicKey with the curve OID ${OID.sm2p256v1} (as OpenSSL writes them)`);
  }
  throw new CryptoInputError(`${what}: unsupported algorithm ${oid}; only SM2 and Ed25519 keys are used`);
}

/** The parsed key, after checking that writing it again gives exactly the bytes read (belt and braces for strict DER). */
function exact(material: PublicKeyMaterial, der: Uint8Array, what: string): PublicKeyMaterial {
  if (!bytesEqual(encodeSpki(material), der)) throw new CryptoInputError(`${what}: not in its one canonical DER encoding`);
  return material;
}

/** PKCS#8 PrivateKeyInfo DER as OpenSSL writes it (with the SM2 public point inside the ECPrivateKey). */
export function encodePkcs8({ alg, key }: PrivateKeyMaterial): Uint8Array {
  if (alg === 'SM2-SM3') {
    const publicKey = sm2SigningKey(key).publicKey; // checks 1 ≤ d ≤ n−2
    const ecPrivateKey = derSequence(derInteger(1), derOctetString(key), derExplicit(1, derBitString(publicKey)));
    return derSequence(derInteger(0), derSequence(derOid(OID.ecPublicKey), derOid(OID.sm2p256v1)), derOctetString(ecPrivateKey));
  }
  if (!(key instanceof Uint8Array) || key.length !== 32) throw new CryptoInputError('Ed25519 private key: expected a 32-byte seed');
  return derSequence(derInteger(0), derSequence(derOid(OID.ed25519)), derOctetString(derOctetString(key)));
}

/**
 * The private key inside PKCS#8 PrivateKeyInfo DER (version 0, or 1 with an embedded public key
 * that must match). SM2: id-ecPublicKey + SM2 curve with an ECPrivateKey (version 1, a 32-byte
 * scalar 1 ≤ d ≤ n−2, optional curve parameters that must be SM2, optional public key that must
 * match d); Ed25519: a 32-byte seed. Attributes are refused.
 */
export function parsePkcs8(der: Uint8Array): PrivateKeyMaterial {
  const what = 'private key (PKCS#8)';
  if (!(der instanceof Uint8Array)) throw new CryptoInputError(`${what}: expected bytes`);
  const info = readDer(der, what);
  const version = info.smallInteger('version');
  if (version !== 0 && version !== 1) throw new CryptoInputError(`${what}: version ${version} is not supported (0 or 1)`);
  const algorithm = info.sequence('privateKeyAlgorithm');
  const oid = algorithm.oid('privateKeyAlgorithm');
  const privateKey = info.octetString('privateKey');
  if (info.peekTag() === contextTag(0)) throw new CryptoInputError(`${what}: attributes are not supported`);
  let embeddedPublic: Uint8Array | null = null;
  if (!info.done && info.peekTag() === (0x80 | 1)) {
    if (version !== 1) throw new CryptoInputError(`${what}: a public key is only allowed in version 1`);
    embeddedPublic = info.element(0x81, 'publicKey').content;
  }
  info.end('privateKey');

  if (oid === OID.ecPublicKey) {
    const curve = algorithm.oid('curve');
    algorithm.end('curve');
    if (curve !== OID.sm2p256v1) throw new CryptoInputError(`${what}: an EC key on curve ${curve}, not SM2 (${OID.sm2p256v1})`);
    if (embeddedPublic) throw new CryptoInputError(`${what}: an SM2 key carries its public key inside the ECPrivateKey, not in PKCS#8 version 1`);
    return { alg: 'SM2-SM3', key: parseEcPrivateKey(privateKey, what) };
  }
  if (oid === OID.ed25519) {
    algorithm.end('algorithm (Ed25519 has no parameters)');
    // CurvePrivateKey ::= OCTET STRING (RFC 8410), itself inside the PKCS#8 privateKey OCTET STRING.
    const inner = new DerReader(privateKey, what);
    const seed = inner.octetString('CurvePrivateKey');
    inner.end('CurvePrivateKey');
    if (seed.length !== 32) throw new CryptoInputError(`${what}: an Ed25519 seed is 32 bytes, not ${seed.length}`);
    if (embeddedPublic) {
      if (embeddedPublic.length !== 33 || embeddedPublic[0] !== 0 || !bytesEqual(embeddedPublic.subarray(1), ed25519PublicKey(seed))) {
        throw new CryptoInputError(`${what}: the embedded public key does not belong to the private key`);
      }
    }
    return { alg: 'Ed25519', key: seed.slice() };
  }
  throw new CryptoInputError(`${what}: unsupported algorithm ${oid}; only SM2 and Ed25519 keys are used`);
}

/** RFC 5915 ECPrivateKey for SM2: the 32-byte scalar, checked against the optional parameters and public key. */
function parseEcPrivateKey(bytes: Uint8Array, what: string): Uint8Array {
  const ec = readDer(bytes, what, undefined, 'ECPrivateKey');
  if (ec.smallInteger('ECPrivateKey version') !== 1) throw new CryptoInputError(`${what}: ECPrivateKey version must be 1`);
  const d = ec.octetString('ECPrivateKey privateKey');
  if (d.length !== 32) throw new CryptoInputError(`${what}: the SM2 private scalar must be 32 bytes, not ${d.length}`);
  const scalar = BigInt(`0x${bytesToHex(d)}`);
  if (scalar < 1n || scalar > SM2_N - 2n) throw new CryptoInputError(`${what}: the SM2 private scalar is out of range (1 to n−2)`);
  if (ec.peekTag() === contextTag(0)) {
    const params = ec.explicit(0, 'ECPrivateKey parameters');
    const curve = params.oid('ECPrivateKey parameters');
    params.end('ECPrivateKey parameters');
    if (curve !== OID.sm2p256v1) throw new CryptoInputError(`${what}: ECPrivateKey names curve ${curve}, not SM2`);
  }
  if (ec.peekTag() === contextTag(1)) {
    const wrapper = ec.explicit(1, 'ECPrivateKey publicKey');
    const point = wrapper.bitString('ECPrivateKey publicKey');
    wrapper.end('ECPrivateKey publicKey');
    if (!bytesEqual(point, sm2SigningKey(d).publicKey)) throw new CryptoInputError(`${what}: the embedded public key does not belong to the private key`);
  }
  ec.end('ECPrivateKey');
  return d.slice();
}

