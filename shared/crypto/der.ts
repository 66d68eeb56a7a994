/**
 * A small, strict DER reader and writer for the few ASN.1 shapes the keys and signatures need
 * (SEQUENCE, INTEGER, OBJECT IDENTIFIER, OCTET STRING, BIT STRING, NULL, [n] tags). The reader
 * accepts only the one distinguished encoding (X.690 §10): definite minimal lengths, minimal
 * non-negative INTEGERs, no trailing bytes, so a key or signature cannot be re-encoded into a
 * different byte string that still parses.
 */
import { CryptoInputError } from './errors';

export const TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  SEQUENCE: 0x30,
} as const;

/** The tag byte of a context-specific constructed `[n]` (EXPLICIT) element. */
export const contextTag = (n: number): number => 0xa0 | n;

/** The largest element this reader accepts: keys and signatures are a few hundred bytes. */
const MAX_LENGTH = 1 << 20;

/**
 * Reads DER elements one after another from `bytes`. Every error names `what` (the structure,
 * e.g. "SM2 signature") and the field being read, e.g. "SM2 signature: r is not minimal".
 */
export class DerReader {
  private offset = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly what: string,
  ) {}

  /** True when every byte has been read. */
  get done(): boolean {
    return this.offset >= this.bytes.length;
  }

  /** The tag of the next element, or undefined at the end. */
  peekTag(): number | undefined {
    return this.bytes[this.offset];
  }

  /** Fails unless every byte has been read (nothing may follow the last field). */
  end(field: string): void {
    if (!this.done) this.fail(`${this.bytes.length - this.offset} unexpected bytes after ${field}`);
  }

  fail(problem: string): never {
    throw new CryptoInputError(`${this.what}: ${problem}`);
  }

  /** The next element with tag `tag`: its content and its whole encoding (tag, length and content). */
  element(tag: number, field: string): { content: Uint8Array; encoded: Uint8Array } {
    const start = this.offset;
    const actual = this.bytes[start];
    if (actual === undefined) this.fail(`${field} is missing (the data ends early)`);
    if (actual !== tag) this.fail(`${field}: expected ${tagName(tag)}, found ${tagName(actual)}`);
    let at = start + 1;
    const first = this.bytes[at++];
    if (first === undefined) this.fail(`${field}: the length is missing`);
    let length: number;
    if (first < 0x80) {
      length = first;
    } else if (first === 0x80) {
      this.fail(`${field}: indefinite length is not allowed in DER`);
    } else {
      const count = first & 0x7f;
      if (count > 3) this.fail(`${field}: a ${count}-byte length is far too large`);
      length = 0;
      for (let i = 0; i < count; i++) {
        const b = this.bytes[at++];
        if (b === undefined) this.fail(`${field}: the length is cut short`);
        if (i === 0 && b === 0) this.fail(`${field}: the length has a leading zero byte (not minimal)`);
        length = length * 256 + b;
      }
      if (length < 0x80) this.fail(`${field}: long-form length ${length} where the short form is required (not DER)`);
    }
    if (length > MAX_LENGTH) this.fail(`${field}: length ${length} is far too large`);
    const endAt = at + length;
    if (endAt > this.bytes.length) this.fail(`${field}: declares ${length} bytes but only ${this.bytes.length - at} remain`);
    this.offset = endAt;
    return { content: this.bytes.subarray(at, endAt), encoded: this.bytes.subarray(start, endAt) };
  }

  /** A SEQUENCE: a reader over its content. */
  sequence(field: string): DerReader {
    return new DerReader(this.element(TAG.SEQUENCE, field).content, this.what);
  }

  /** An EXPLICIT context tag `[n]`: a reader over its content. */
  explicit(n: number, field: string): DerReader {
    return new DerReader(this.element(contextTag(n), field).content, this.what);
  }

  /** A non-negative INTEGER in its minimal encoding. */
  integer(field: string): bigint {
    const { content } = this.element(TAG.INTEGER, field);
    if (content.length === 0) this.fail(`${field}: an INTEGER with no content`);
    const first = content[0]!;
    if (first & 0x80) this.fail(`${field} is negative`);
    if (first === 0 && content.length > 1 && (content[1]! & 0x80) === 0) {
      this.fail(`${field} has a leading zero byte that is not needed (not minimal DER)`);
    }
    let value = 0n;
    for (const b of content) value = (value << 8n) | BigInt(b);
    return value;
  }

  /** A small non-negative INTEGER (a version, a count). */
  smallInteger(field: string): number {
    const value = this.integer(field);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) this.fail(`${field} is too large`);
    return Number(value);
  }

  /** An OBJECT IDENTIFIER in dotted form. */
  oid(field: string): string {
    const { content } = this.element(TAG.OID, field);
    return decodeOid(content, () => this.fail(`${field}: not a valid OBJECT IDENTIFIER encoding`));
  }

  octetString(field: string): Uint8Array {
    return this.element(TAG.OCTET_STRING, field).content;
  }

  /** A BIT STRING of whole bytes (no unused bits), as its bytes. */
  bitString(field: string): Uint8Array {
    const { content } = this.element(TAG.BIT_STRING, field);
    if (content.length === 0) this.fail(`${field}: a BIT STRING with no content`);
    if (content[0] !== 0) this.fail(`${field}: a BIT STRING with ${content[0]} unused bits (whole bytes expected)`);
    return content.subarray(1);
  }

  null(field: string): void {
    const { content } = this.element(TAG.NULL, field);
    if (content.length !== 0) this.fail(`${field}: NULL with content`);
  }
}

/** Reads `bytes` as exactly one element of `tag` and nothing after it; returns a reader over its content. */
export function readDer(bytes: Uint8Array, what: string, tag: number = TAG.SEQUENCE, field = 'the outer structure'): DerReader {
  const outer = new DerReader(bytes, what);
  const { content } = outer.element(tag, field);
  outer.end(field);
  return new DerReader(content, what);
}

function tagName(tag: number): string {
  switch (tag) {
    case TAG.INTEGER:
      return 'INTEGER';
    case TAG.BIT_STRING:
      return 'BIT STRING';
    case TAG.OCTET_STRING:
      return 'OCTET STRING';
    case TAG.NULL:
      return 'NULL';
    case TAG.OID:
      return 'OBJECT IDENTIFIER';
    case TAG.SEQUENCE:
      return 'SEQUENCE';
    default:
      return (tag & 0xe0) === 0xa0 ? `[${tag & 0x1f}]` : `tag 0x${tag.toString(16).padStart(2, '0')}`;
  }
}

function decodeOid(content: Uint8Array, fail: () => never): string {
  if (content.length === 0) fail();
  const arcs: bigint[] = [];
  let value = 0n;
  let fresh = true;
  for (const b of content) {
    if (fresh && b === 0x80) fail(); // a leading 0x80 pads a sub-identifier (not minimal)
    value = (value << 7n) | BigInt(b & 0x7f);
    fresh = (b & 0x80) === 0;
    if (fresh) {
      arcs.push(value);
      value = 0n;
    }
  }
  if (!fresh) fail(); // the last sub-identifier is cut short
  const first = arcs[0]!;
  const head = first < 40n ? [0n, first] : first < 80n ? [1n, first - 40n] : [2n, first - 80n];
  return [...head, ...arcs.slice(1)].join('.');
}

// ——— writing ———

function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/** One element: tag, minimal length, content. */
export function derElement(tag: number, ...content: Uint8Array[]): Uint8Array {
  const body = concatBytes(...content);
  return concatBytes(Uint8Array.of(tag), encodeLength(body.length), body);
}

export const derSequence = (...items: Uint8Array[]): Uint8Array => derElement(TAG.SEQUENCE, ...items);
export const derExplicit = (n: number, ...items: Uint8Array[]): Uint8Array => derElement(contextTag(n), ...items);
export const derOctetString = (bytes: Uint8Array): Uint8Array => derElement(TAG.OCTET_STRING, bytes);
export const derBitString = (bytes: Uint8Array): Uint8Array => derElement(TAG.BIT_STRING, Uint8Array.of(0), bytes);
export const derNull = (): Uint8Array => Uint8Array.of(TAG.NULL, 0);

/** A non-negative INTEGER, minimally encoded (a 0x00 byte only where the high bit would read as a sign). */
export function derInteger(value: bigint | number): Uint8Array {
  let n = BigInt(value);
  if (n < 0n) throw new RangeError('derInteger: negative values are not used here');
  const bytes: number[] = [];
  do {
    bytes.unshift(Number(n & 0xffn));
    n >>= 8n;
  } while (n > 0n);
  if (bytes[0]! & 0x80) bytes.unshift(0);
  return derElement(TAG.INTEGER, Uint8Array.from(bytes));
}

/** An OBJECT IDENTIFIER from its dotted form. */
export function derOid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map((arc) => BigInt(arc));
  if (arcs.length < 2) throw new RangeError(`derOid: "${dotted}" has fewer than two arcs`);
  const [a, b, ...rest] = arcs as [bigint, bigint, ...bigint[]];
  const out: number[] = [];
  for (const arc of [a * 40n + b, ...rest]) {
    const chunk: number[] = [Number(arc & 0x7fn)];
    for (let n = arc >> 7n; n > 0n; n >>= 7n) chunk.unshift(Number(n & 0x7fn) | 0x80);
    out.push(...chunk);
  }
  return derElement(TAG.OID, Uint8Array.from(out));
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Constant-time equality of two byte strings (length is not secret). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
