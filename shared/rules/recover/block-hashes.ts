/**
 * Single-block compression of MD5, SHA-1, SHA-256 and SM3 for the reversibility test: every
 * candidate input is at most 55 bytes, so its padded message is one 64-byte block and the digest
 * is one compression of it. Written out in plain JavaScript because the test hashes up to ~10⁷
 * candidates: measured on the 2-core build machine, this MD5 does ≈ 9 M blocks/s per core, against
 * ≈ 3 M/s for hash-wasm's init/update/digest and ≈ 0.5 M/s for node:crypto's createHash per value
 * (SHA-256 ≈ 3.5 M/s here vs 1.7 M/s, SM3 ≈ 3.3 M/s vs 2.2 M/s). The tests compare every
 * function with hash-wasm and node:crypto.
 */

export type Algorithm = 'md5' | 'sha1' | 'sha256' | 'sm3';

/** The algorithms in the order the test tries them. */
export const ALGORITHMS: readonly Algorithm[] = ['md5', 'sha1', 'sha256', 'sm3'];

/** How an algorithm lays out its message and digest words, and how long its digest is. */
export type AlgorithmInfo = {
  /** Message and digest words are little-endian (MD5) rather than big-endian. */
  littleEndian: boolean;
  /** Digest length in 32-bit words. */
  words: number;
  /** The name for messages (`MD5`, `SHA-256`). */
  label: string;
  /** Compresses the padded one-block message `m` (16 words) into `out` (the digest words). */
  compress: (m: Int32Array, out: Int32Array) => void;
};

/** The longest input whose padded message fits one block. */
export const MAX_BLOCK_INPUT = 55;

/**
 * MD5 of one padded block (RFC 1321), unrolled: helper functions per step would exceed V8's
 * inlining budget and run at a sixth of the speed.
 */
export function md5Block(m: Int32Array, out: Int32Array): void {
  const m0 = m[0]!, m1 = m[1]!, m2 = m[2]!, m3 = m[3]!, m4 = m[4]!, m5 = m[5]!, m6 = m[6]!, m7 = m[7]!;
  const m8 = m[8]!, m9 = m[9]!, m10 = m[10]!, m11 = m[11]!, m12 = m[12]!, m13 = m[13]!, m14 = m[14]!, m15 = m[15]!;
  let a = 0x67452301;
  let b = 0xefcdab89 | 0;
  let c = 0x98badcfe | 0;
  let d = 0x10325476;
  // Round 1: F = (b & c) | (~b & d).
  a = (a + ((b & c) | (~b & d)) + m0 - 680876936) | 0;
  a = (((a << 7) | (a >>> 25)) + b) | 0;
  d = (d + ((a & b) | (~a & c)) + m1 - 389564586) | 0;
  d = (((d << 12) | (d >>> 20)) + a) | 0;
  c = (c + ((d & a) | (~d & b)) + m2 + 606105819) | 0;
  c = (((c << 17) | (c >>> 15)) + d) | 0;
  b = (b + ((c & d) | (~c & a)) + m3 - 1044525330) | 0;
  b = (((b << 22) | (b >>> 10)) + c) | 0;
  a = (a + ((b & c) | (~b & d)) + m4 - 176418897) | 0;
  a = (((a << 7) | (a >>> 25)) + b) | 0;
  d = (d + ((a & b) | (~a & c)) + m5 + 1200080426) | 0;
  d = (((d << 12) | (d >>> 20)) + a) | 0;
  c = (c + ((d & a) | (~d & b)) + m6 - 1473231341) | 0;
  c = (((c << 17) | (c >>> 15)) + d) | 0;
  b = (b + ((c & d) | (~c & a)) + m7 - 45705983) | 0;
  b = (((b << 22) | (b >>> 10)) + c) | 0;
  a = (a + ((b & c) | (~b & d)) + m8 + 1770035416) | 0;
  a = (((a << 7) | (a >>> 25)) + b) | 0;
  d = (d + ((a & b) | (~a & c)) + m9 - 1958414417) | 0;
  d = (((d << 12) | (d >>> 20)) + a) | 0;
  c = (c + ((d & a) | (~d & b)) + m10 - 42063) | 0;
  c = (((c << 17) | (c >>> 15)) + d) | 0;
  b = (b + ((c & d) | (~c & a)) + m11 - 1990404162) | 0;
  b = (((b << 22) | (b >>> 10)) + c) | 0;
  a = (a + ((b & c) | (~b & d)) + m12 + 1804603682) | 0;
  a = (((a << 7) | (a >>> 25)) + b) | 0;
  d = (d + ((a & b) | (~a & c)) + m13 - 40341101) | 0;
  d = (((d << 12) | (d >>> 20)) + a) | 0;
  c = (c + ((d & a) | (~d & b)) + m14 - 1502002290) | 0;
  c = (((c << 17) | (c >>> 15)) + d) | 0;
  b = (b + ((c & d) | (~c & a)) + m15 + 1236535329) | 0;
  b = (((b << 22) | (b >>> 10)) + c) | 0;
  // Round 2: G = (d & b) | (~d & c).
  a = (a + ((d & b) | (~d & c)) + m1 - 165796510) | 0;
  a = (((a << 5) | (a >>> 27)) + b) | 0;
  d = (d + ((c & a) | (~c & b)) + m6 - 1069501632) | 0;
  d = (((d << 9) | (d >>> 23)) + a) | 0;
  c = (c + ((b & d) | (~b & a)) + m11 + 643717713) | 0;
  c = (((c << 14) | (c >>> 18)) + d) | 0;
  b = (b + ((a & c) | (~a & d)) + m0 - 373897302) | 0;
  b = (((b << 20) | (b >>> 12)) + c) | 0;
  a = (a + ((d & b) | (~d & c)) + m5 - 701558691) | 0;
  a = (((a << 5) | (a >>> 27)) + b) | 0;
  d = (d + ((c & a) | (~c & b)) + m10 + 38016083) | 0;
  d = (((d << 9) | (d >>> 23)) + a) | 0;
  c = (c + ((b & d) | (~b & a)) + m15 - 660478335) | 0;
  c = (((c << 14) | (c >>> 18)) + d) | 0;
  b = (b + ((a & c) | (~a & d)) + m4 - 405537848) | 0;
  b = (((b << 20) | (b >>> 12)) + c) | 0;
  a = (a + ((d & b) | (~d & c)) + m9 + 568446438) | 0;
  a = (((a << 5) | (a >>> 27)) + b) | 0;
  d = (d + ((c & a) | (~c & b)) + m14 - 1019803690) | 0;
  d = (((d << 9) | (d >>> 23)) + a) | 0;
  c = (c + ((b & d) | (~b & a)) + m3 - 187363961) | 0;
  c = (((c << 14) | (c >>> 18)) + d) | 0;
  b = (b + ((a & c) | (~a & d)) + m8 + 1163531501) | 0;
  b = (((b << 20) | (b >>> 12)) + c) | 0;
  a = (a + ((d & b) | (~d & c)) + m13 - 1444681467) | 0;
  a = (((a << 5) | (a >>> 27)) + b) | 0;
  d = (d + ((c & a) | (~c & b)) + m2 - 51403784) | 0;
  d = (((d << 9) | (d >>> 23)) + a) | 0;
  c = (c + ((b & d) | (~b & a)) + m7 + 1735328473) | 0;
  c = (((c << 14) | (c >>> 18)) + d) | 0;
  b = (b + ((a & c) | (~a & d)) + m12 - 1926607734) | 0;
  b = (((b << 20) | (b >>> 12)) + c) | 0;
  // Round 3: H = b ^ c ^ d.
  a = (a + (b ^ c ^ d) + m5 - 378558) | 0;
  a = (((a << 4) | (a >>> 28)) + b) | 0;
  d = (d + (a ^ b ^ c) + m8 - 2022574463) | 0;
  d = (((d << 11) | (d >>> 21)) + a) | 0;
  c = (c + (d ^ a ^ b) + m11 + 1839030562) | 0;
  c = (((c << 16) | (c >>> 16)) + d) | 0;
  b = (b + (c ^ d ^ a) + m14 - 35309556) | 0;
  b = (((b << 23) | (b >>> 9)) + c) | 0;
  a = (a + (b ^ c ^ d) + m1 - 1530992060) | 0;
  a = (((a << 4) | (a >>> 28)) + b) | 0;
  d = (d + (a ^ b ^ c) + m4 + 1272893353) | 0;
  d = (((d << 11) | (d >>> 21)) + a) | 0;
  c = (c + (d ^ a ^ b) + m7 - 155497632) | 0;
  c = (((c << 16) | (c >>> 16)) + d) | 0;
  b = (b + (c ^ d ^ a) + m10 - 1094730640) | 0;
  b = (((b << 23) | (b >>> 9)) + c) | 0;
  a = (a + (b ^ c ^ d) + m13 + 681279174) | 0;
  a = (((a << 4) | (a >>> 28)) + b) | 0;
  d = (d + (a ^ b ^ c) + m0 - 358537222) | 0;
  d = (((d << 11) | (d >>> 21)) + a) | 0;
  c = (c + (d ^ a ^ b) + m3 - 722521979) | 0;
  c = (((c << 16) | (c >>> 16)) + d) | 0;
  b = (b + (c ^ d ^ a) + m6 + 76029189) | 0;
  b = (((b << 23) | (b >>> 9)) + c) | 0;
  a = (a + (b ^ c ^ d) + m9 - 640364487) | 0;
  a = (((a << 4) | (a >>> 28)) + b) | 0;
  d = (d + (a ^ b ^ c) + m12 - 421815835) | 0;
  d = (((d << 11) | (d >>> 21)) + a) | 0;
  c = (c + (d ^ a ^ b) + m15 + 530742520) | 0;
  c = (((c << 16) | (c >>> 16)) + d) | 0;
  b = (b + (c ^ d ^ a) + m2 - 995338651) | 0;
  b = (((b << 23) | (b >>> 9)) + c) | 0;
  // Round 4: I = c ^ (b | ~d).
  a = (a + (c ^ (b | ~d)) + m0 - 198630844) | 0;
  a = (((a << 6) | (a >>> 26)) + b) | 0;
  d = (d + (b ^ (a | ~c)) + m7 + 1126891415) | 0;
  d = (((d << 10) | (d >>> 22)) + a) | 0;
  c = (c + (a ^ (d | ~b)) + m14 - 1416354905) | 0;
  c = (((c << 15) | (c >>> 17)) + d) | 0;
  b = (b + (d ^ (c | ~a)) + m5 - 57434055) | 0;
  b = (((b << 21) | (b >>> 11)) + c) | 0;
  a = (a + (c ^ (b | ~d)) + m12 + 1700485571) | 0;
  a = (((a << 6) | (a >>> 26)) + b) | 0;
  d = (d + (b ^ (a | ~c)) + m3 - 1894986606) | 0;
  d = (((d << 10) | (d >>> 22)) + a) | 0;
  c = (c + (a ^ (d | ~b)) + m10 - 1051523) | 0;
  c = (((c << 15) | (c >>> 17)) + d) | 0;
  b = (b + (d ^ (c | ~a)) + m1 - 2054922799) | 0;
  b = (((b << 21) | (b >>> 11)) + c) | 0;
  a = (a + (c ^ (b | ~d)) + m8 + 1873313359) | 0;
  a = (((a << 6) | (a >>> 26)) + b) | 0;
  d = (d + (b ^ (a | ~c)) + m15 - 30611744) | 0;
  d = (((d << 10) | (d >>> 22)) + a) | 0;
  c = (c + (a ^ (d | ~b)) + m6 - 1560198380) | 0;
  c = (((c << 15) | (c >>> 17)) + d) | 0;
  b = (b + (d ^ (c | ~a)) + m13 + 1309151649) | 0;
  b = (((b << 21) | (b >>> 11)) + c) | 0;
  a = (a + (c ^ (b | ~d)) + m4 - 145523070) | 0;
  a = (((a << 6) | (a >>> 26)) + b) | 0;
  d = (d + (b ^ (a | ~c)) + m11 - 1120210379) | 0;
  d = (((d << 10) | (d >>> 22)) + a) | 0;
  c = (c + (a ^ (d | ~b)) + m2 + 718787259) | 0;
  c = (((c << 15) | (c >>> 17)) + d) | 0;
  b = (b + (d ^ (c | ~a)) + m9 - 343485551) | 0;
  b = (((b << 21) | (b >>> 11)) + c) | 0;
  out[0] = (a + 0x67452301) | 0;
  out[1] = (b + (0xefcdab89 | 0)) | 0;
  out[2] = (c + (0x98badcfe | 0)) | 0;
  out[3] = (d + 0x10325476) | 0;
}

const SHA1_SCHEDULE = new Int32Array(80);

/** SHA-1 of one padded block (FIPS 180-4). */
export function sha1Block(m: Int32Array, out: Int32Array): void {
  const w = SHA1_SCHEDULE;
  for (let i = 0; i < 16; i++) w[i] = m[i]!;
  for (let i = 16; i < 80; i++) {
    const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!;
    w[i] = (x << 1) | (x >>> 31);
  }
  let a = 0x67452301;
  let b = 0xefcdab89 | 0;
  let c = 0x98badcfe | 0;
  let d = 0x10325476;
  let e = 0xc3d2e1f0 | 0;
  for (let i = 0; i < 80; i++) {
    let f: number;
    let k: number;
    if (i < 20) {
      f = (b & c) | (~b & d);
      k = 0x5a827999;
    } else if (i < 40) {
      f = b ^ c ^ d;
      k = 0x6ed9eba1;
    } else if (i < 60) {
      f = (b & c) | (b & d) | (c & d);
      k = 0x8f1bbcdc | 0;
    } else {
      f = b ^ c ^ d;
      k = 0xca62c1d6 | 0;
    }
    const t = (((a << 5) | (a >>> 27)) + f + e + k + w[i]!) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = t;
  }
  out[0] = (a + 0x67452301) | 0;
  out[1] = (b + (0xefcdab89 | 0)) | 0;
  out[2] = (c + (0x98badcfe | 0)) | 0;
  out[3] = (d + 0x10325476) | 0;
  out[4] = (e + (0xc3d2e1f0 | 0)) | 0;
}

const SHA256_K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const SHA256_SCHEDULE = new Int32Array(64);

/** SHA-256 of one padded block (FIPS 180-4). */
export function sha256Block(m: Int32Array, out: Int32Array): void {
  const w = SHA256_SCHEDULE;
  for (let i = 0; i < 16; i++) w[i] = m[i]!;
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15]!;
    const y = w[i - 2]!;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
  }
  let a = 0x6a09e667;
  let b = 0xbb67ae85 | 0;
  let c = 0x3c6ef372;
  let d = 0xa54ff53a | 0;
  let e = 0x510e527f;
  let f = 0x9b05688c | 0;
  let g = 0x1f83d9ab;
  let h = 0x5be0cd19;
  for (let i = 0; i < 64; i++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + s1 + ((e & f) ^ (~e & g)) + SHA256_K[i]! + w[i]!) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  out[0] = (a + 0x6a09e667) | 0;
  out[1] = (b + (0xbb67ae85 | 0)) | 0;
  out[2] = (c + 0x3c6ef372) | 0;
  out[3] = (d + (0xa54ff53a | 0)) | 0;
  out[4] = (e + 0x510e527f) | 0;
  out[5] = (f + (0x9b05688c | 0)) | 0;
  out[6] = (g + 0x1f83d9ab) | 0;
  out[7] = (h + 0x5be0cd19) | 0;
}

/** SM3's round constants T_j rotated left by j mod 32, as the compression uses them. */
const SM3_T = new Int32Array(64);
for (let j = 0; j < 64; j++) {
  const t = j < 16 ? 0x79cc4519 : 0x7a879d8a;
  const r = j % 32;
  SM3_T[j] = r === 0 ? t : (t << r) | (t >>> (32 - r));
}
const SM3_SCHEDULE = new Int32Array(68);

/** SM3 of one padded block (GB/T 32905-2016). */
export function sm3Block(m: Int32Array, out: Int32Array): void {
  const w = SM3_SCHEDULE;
  for (let i = 0; i < 16; i++) w[i] = m[i]!;
  for (let i = 16; i < 68; i++) {
    const r = w[i - 3]!;
    const x = w[i - 16]! ^ w[i - 9]! ^ ((r << 15) | (r >>> 17));
    const q = w[i - 13]!;
    w[i] = x ^ ((x << 15) | (x >>> 17)) ^ ((x << 23) | (x >>> 9)) ^ ((q << 7) | (q >>> 25)) ^ w[i - 6]!;
  }
  let a = 0x7380166f;
  let b = 0x4914b2b9;
  let c = 0x172442d7;
  let d = 0xda8a0600 | 0;
  let e = 0xa96f30bc | 0;
  let f = 0x163138aa;
  let g = 0xe38dee4d | 0;
  let h = 0xb0fb0e4e | 0;
  for (let j = 0; j < 64; j++) {
    const a12 = (a << 12) | (a >>> 20);
    const t = (a12 + e + SM3_T[j]!) | 0;
    const ss1 = (t << 7) | (t >>> 25);
    const ss2 = ss1 ^ a12;
    const ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c);
    const gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
    const tt1 = (ff + d + ss2 + (w[j]! ^ w[j + 4]!)) | 0;
    const tt2 = (gg + h + ss1 + w[j]!) | 0;
    d = c;
    c = (b << 9) | (b >>> 23);
    b = a;
    a = tt1;
    h = g;
    g = (f << 19) | (f >>> 13);
    f = e;
    e = tt2 ^ ((tt2 << 9) | (tt2 >>> 23)) ^ ((tt2 << 17) | (tt2 >>> 15));
  }
  out[0] = a ^ 0x7380166f;
  out[1] = b ^ 0x4914b2b9;
  out[2] = c ^ 0x172442d7;
  out[3] = d ^ (0xda8a0600 | 0);
  out[4] = e ^ (0xa96f30bc | 0);
  out[5] = f ^ 0x163138aa;
  out[6] = g ^ (0xe38dee4d | 0);
  out[7] = h ^ (0xb0fb0e4e | 0);
}

export const ALGORITHM_INFO: Readonly<Record<Algorithm, AlgorithmInfo>> = {
  md5: { littleEndian: true, words: 4, label: 'MD5', compress: md5Block },
  sha1: { littleEndian: false, words: 5, label: 'SHA-1', compress: sha1Block },
  sha256: { littleEndian: false, words: 8, label: 'SHA-256', compress: sha256Block },
  sm3: { littleEndian: false, words: 8, label: 'SM3', compress: sm3Block },
};

/**
 * Writes `input` (at most 55 bytes) into `m` as the one padded block of the algorithm's word
 * order: the bytes, 0x80, zeros, and the length in bits in the last word. Throws a RangeError
 * for a longer input.
 */
export function padBlock(input: Uint8Array, littleEndian: boolean, m: Int32Array): void {
  if (input.length > MAX_BLOCK_INPUT) throw new RangeError(`a one-block input is at most ${MAX_BLOCK_INPUT} bytes, got ${input.length}`);
  m.fill(0);
  for (let i = 0; i < input.length; i++) setBlockByte(m, i, input[i]!, littleEndian);
  setBlockByte(m, input.length, 0x80, littleEndian);
  // Inputs this short have a bit length below 2^32: only the low word of the 64-bit length is set.
  if (littleEndian) m[14] = input.length * 8;
  else m[15] = input.length * 8;
}

/** Sets byte `position` of the block `m` (words of the given byte order). */
export function setBlockByte(m: Int32Array, position: number, byte: number, littleEndian: boolean): void {
  const shift = littleEndian ? (position & 3) << 3 : (3 - (position & 3)) << 3;
  const w = position >> 2;
  m[w] = (m[w]! & ~(0xff << shift)) | (byte << shift);
}

/** The digest of `input` (≤ 55 bytes) as bytes: what the compressors give, in the algorithm's byte order. */
export function digestBytes(algorithm: Algorithm, input: Uint8Array): Uint8Array {
  const info = ALGORITHM_INFO[algorithm];
  const m = new Int32Array(16);
  const out = new Int32Array(8);
  padBlock(input, info.littleEndian, m);
  info.compress(m, out);
  const bytes = new Uint8Array(info.words * 4);
  for (let i = 0; i < bytes.length; i++) {
    const word = out[i >> 2]!;
    bytes[i] = (info.littleEndian ? word >>> ((i & 3) << 3) : word >>> ((3 - (i & 3)) << 3)) & 0xff;
  }
  return bytes;
}
