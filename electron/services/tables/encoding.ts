/**
 * The text encoding of a table payload: detection in the order the design fixes (BOM → strict
 * UTF-8 → strict GB18030 → refuse), strict decoders for each result, and the full-width
 * normalisation that detectors apply to what they match (never to what is stored).
 */
import { isUtf8 } from 'node:buffer';
import { basename } from 'node:path';
import { ServiceError } from '../../../shared/ipc/result';
import type { ByteSource } from '../at-rest/byte-source';
import { openPlain, type OpenBytes } from './open-bytes';

export type TableEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16be-bom' | 'gb18030';

export const TABLE_ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16be-bom', 'gb18030'] as const satisfies readonly TableEncoding[];

/** `guessed` is true when there was no BOM and the bytes are not UTF-8 (→ `intake.encoding-guessed`). */
export type DetectedEncoding = { encoding: TableEncoding; guessed: boolean };

type DecoderLabel = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

const LABELS: Record<TableEncoding, DecoderLabel> = {
  'utf-8': 'utf-8',
  'utf-8-bom': 'utf-8',
  'utf-16le-bom': 'utf-16le',
  'utf-16be-bom': 'utf-16be',
  gb18030: 'gb18030',
};

const NAMES: Record<TableEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8',
  'utf-16le-bom': 'UTF-16LE',
  'utf-16be-bom': 'UTF-16BE',
  gb18030: 'GB18030',
};

/** How many bytes the byte-order mark of `encoding` takes at the start of the file. */
export function bomLength(encoding: TableEncoding): number {
  switch (encoding) {
    case 'utf-8-bom':
      return 3;
    case 'utf-16le-bom':
    case 'utf-16be-bom':
      return 2;
    case 'utf-8':
    case 'gb18030':
      return 0;
  }
}

/** Bytes per code unit: 2 for UTF-16, else 1 (ASCII structure bytes are single bytes). */
export function codeUnitBytes(encoding: TableEncoding): 1 | 2 {
  return encoding === 'utf-16le-bom' || encoding === 'utf-16be-bom' ? 2 : 1;
}

export function encodingName(encoding: TableEncoding): string {
  return NAMES[encoding];
}

/**
 * A strict (fatal) decoder. `atFileStart` says whether the bytes fed to it begin at byte 0 of
 * the file, where the BOM (if the encoding has one) is removed; anywhere else a U+FEFF is data.
 */
export function createDecoder(encoding: TableEncoding, atFileStart: boolean): TextDecoder {
  return new TextDecoder(LABELS[encoding], { fatal: true, ignoreBOM: !atFileStart || bomLength(encoding) === 0 });
}

/** The error for bytes that do not decode: names the file, where, and what to do. */
export function undecodable(file: string, encoding: TableEncoding, nearByte: number, guessed: boolean): ServiceError {
  const how = guessed ? ' (the encoding was guessed because the file is not UTF-8)' : '';
  return new ServiceError(
    'intake.encoding-unknown',
    `"${file}" is not valid ${NAMES[encoding]}${how}: the bytes near offset ${nearByte} do not decode. Ask the operator to save the file as UTF-8 and resubmit it.`,
    { file, encoding: NAMES[encoding], offset: nearByte },
  );
}

/**
 * The offset of the first byte at which strict decoding of `bytes` as `label` fails (a prefix
 * that ends inside a multi-byte sequence is not a failure), or -1 when it never does. Only used
 * to word an error, so the binary search over prefixes may cost a few decodes.
 */
export function firstInvalidOffset(bytes: Uint8Array, label: DecoderLabel, complete: boolean): number {
  const fails = (end: number, stream: boolean) => {
    try {
      new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, end), { stream });
      return false;
    } catch {
      return true;
    }
  };
  if (!fails(bytes.length, !complete)) return -1;
  if (!fails(bytes.length, true)) return Math.max(0, bytes.length - 3); // only the cut-short end fails
  let lo = 0;
  let hi = bytes.length; // fails(hi) is true, fails(lo) is false
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (fails(mid, true)) hi = mid;
    else lo = mid;
  }
  return hi - 1;
}

/** Where in `bytes` (a chunk from the middle of a file) decoding as `encoding` first fails; 0 if it does not. */
export function invalidOffsetIn(bytes: Uint8Array, encoding: TableEncoding): number {
  return Math.max(0, firstInvalidOffset(bytes, LABELS[encoding], false));
}

function tryDecode(bytes: Uint8Array, label: DecoderLabel, complete: boolean): boolean {
  try {
    new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * Detects the encoding of `sample`, the first bytes of a file (`complete` when it is the whole
 * file, so a sequence cut at its end is an error rather than the start of the next chunk).
 * Order: BOM → strict UTF-8 → strict GB18030 → refuse with `intake.encoding-unknown`.
 */
export function detectEncoding(sample: Uint8Array, options: { complete: boolean; file?: string }): DetectedEncoding {
  const file = options.file ?? 'the file';
  const { complete } = options;
  const refuse = (why: string, offset: number) =>
    new ServiceError('intake.encoding-unknown', `"${file}" ${why} Ask the operator to save the file as UTF-8 and resubmit it.`, { file, offset });

  if (startsWith(sample, [0xff, 0xfe, 0x00, 0x00]) || startsWith(sample, [0x00, 0x00, 0xfe, 0xff])) {
    throw refuse('is UTF-32, which the workstation does not read.', 0);
  }
  const boms: [readonly number[], TableEncoding][] = [
    [[0xef, 0xbb, 0xbf], 'utf-8-bom'],
    [[0xff, 0xfe], 'utf-16le-bom'],
    [[0xfe, 0xff], 'utf-16be-bom'],
  ];
  for (const [bom, encoding] of boms) {
    if (!startsWith(sample, bom)) continue;
    const body = sample.subarray(bom.length);
    const label = LABELS[encoding];
    if (!tryDecode(body, label, complete)) {
      const at = bom.length + firstInvalidOffset(body, label, complete);
      throw refuse(`starts with a ${NAMES[encoding]} byte-order mark but is not valid ${NAMES[encoding]} (invalid bytes near offset ${at}).`, at);
    }
    return { encoding, guessed: false };
  }

  // Tables never contain NUL; NULs mean a binary file or UTF-16 without a byte-order mark,
  // either of which would otherwise "decode" as UTF-8 into garbage.
  const nul = sample.indexOf(0);
  if (nul >= 0) throw refuse(`contains NUL bytes (first at offset ${nul}): it is binary, or UTF-16 without a byte-order mark.`, nul);

  if (tryDecode(sample, 'utf-8', complete)) return { encoding: 'utf-8', guessed: false };
  if (tryDecode(sample, 'gb18030', complete)) return { encoding: 'gb18030', guessed: true };
  const at = firstInvalidOffset(sample, 'utf-8', complete);
  throw refuse(`is neither UTF-8 nor GB18030 (the first byte that is not UTF-8 is at offset ${at}).`, at);
}

/**
 * Where a trailing, possibly incomplete UTF-8 sequence starts in `bytes` (so a chunked check
 * can carry it into the next chunk), or `bytes.length` when the chunk ends on a boundary.
 */
function utf8TailStart(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let k = 1; k <= Math.min(3, n); k++) {
    const b = bytes[n - k]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    if (b < 0xc0) return n; // ASCII: the chunk ends on a boundary
    return sequenceLength(b) > k ? n - k : n;
  }
  return n;
}

export const DEFAULT_SAMPLE_BYTES = 64 * 1024;

/**
 * The encoding the first `sampleBytes` of a file show, without reading the rest: `final` when
 * nothing later can change it (a BOM, a file no longer than the sample, or a sample that is not
 * UTF-8, so GB18030 is guessed and checked by the decoding scan). A UTF-8 sample of a longer
 * file is not final: a scan that decodes it strictly as UTF-8 and fails must fall back to
 * `detectFileEncoding` (see scanInPool), which is what lets the scan start without a first pass
 * over the whole file.
 */
export async function sampleFileEncoding(
  path: string,
  options: { file?: string; sampleBytes?: number; open?: OpenBytes } = {},
): Promise<{ detected: DetectedEncoding; final: boolean }> {
  const file = options.file ?? basename(path);
  const sampleBytes = options.sampleBytes ?? DEFAULT_SAMPLE_BYTES;
  let source: ByteSource | null = null;
  let sample: Buffer;
  let size: number;
  try {
    source = await (options.open ?? openPlain)(path, file);
    size = source.size;
    sample = await source.read(0, sampleBytes);
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    throw new ServiceError('tables.read-failed', `"${file}" could not be read: ${(error as Error).message}.`, { file });
  } finally {
    await source?.close();
  }
  const complete = sample.length < sampleBytes || size <= sampleBytes;
  const detected = detectEncoding(sample, { complete, file });
  return { detected, final: complete || detected.encoding !== 'utf-8' };
}

/**
 * Detects a file's encoding. The BOM, NUL and refusal checks run on the first
 * `sampleBytes`; a file that looks like UTF-8 there is then validated as UTF-8 to its end
 * (a fast native check), because a file that is ASCII at the top and GB18030 further down is
 * common. A GB18030 guess is validated to the end by the decoding scan that follows, which
 * refuses the file with `intake.encoding-unknown` if it does not hold.
 */
export async function detectFileEncoding(
  path: string,
  options: { file?: string; signal?: AbortSignal; sampleBytes?: number; open?: OpenBytes } = {},
): Promise<DetectedEncoding> {
  const file = options.file ?? basename(path);
  const sampleBytes = options.sampleBytes ?? DEFAULT_SAMPLE_BYTES;
  const sampleParts: Buffer[] = [];
  let sampled = 0;
  let carry: Buffer = Buffer.alloc(0);
  let decided: DetectedEncoding | null = null;
  const notUtf8: DetectedEncoding = { encoding: 'gb18030', guessed: true };
  let source: ByteSource | null = null;
  try {
    const opened = await (options.open ?? openPlain)(path, file);
    source = opened;
    for await (const chunk of opened.chunks(0, undefined, 1024 * 1024, options.signal)) {
      let parts = [chunk];
      if (decided === null) {
        sampleParts.push(chunk);
        sampled += chunk.length;
        if (sampled < sampleBytes) continue;
        decided = detectEncoding(Buffer.concat(sampleParts), { complete: false, file });
        // A BOM decides the encoding; a GB18030 guess is checked by the decoding scan.
        if (decided.encoding !== 'utf-8') return decided;
        parts = sampleParts.splice(0);
      }
      for (const part of parts) {
        const checked = checkUtf8Chunk(carry, part);
        if (!checked.utf8) return notUtf8;
        carry = checked.carry;
      }
    }
  } catch (error) {
    if (error instanceof ServiceError || (error as Error).name === 'AbortError') throw error;
    throw new ServiceError('tables.read-failed', `"${file}" could not be read: ${(error as Error).message}.`, { file });
  } finally {
    await source?.close();
  }
  if (decided === null) return detectEncoding(Buffer.concat(sampleParts), { complete: true, file });
  // A carried tail at the very end is a UTF-8 sequence the file cuts short: not UTF-8.
  return carry.length > 0 ? notUtf8 : decided;
}

const sequenceLength = (lead: number) => (lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2);

/**
 * Validates one chunk of a file as UTF-8, given the incomplete sequence (`carry`, starting with
 * its lead byte) that ended the previous chunk; returns the new chunk's own incomplete tail.
 */
function checkUtf8Chunk(carry: Buffer, chunk: Buffer): { carry: Buffer; utf8: boolean } {
  let rest = chunk;
  if (carry.length > 0) {
    const need = sequenceLength(carry[0]!);
    const joined = Buffer.concat([carry, chunk.subarray(0, need - carry.length)]);
    if (joined.length < need) return { carry: joined, utf8: true };
    if (!isUtf8(joined)) return { carry: Buffer.alloc(0), utf8: false };
    rest = chunk.subarray(need - carry.length);
  }
  const cut = utf8TailStart(rest);
  return { carry: Buffer.from(rest.subarray(cut)), utf8: isUtf8(rest.subarray(0, cut)) };
}

/**
 * Full-width digits, letters and separators (`１３８`, `，`, `：`, U+3000) folded to their ASCII
 * forms by NFKC, for detectors to match against. Never apply it to stored or displayed values;
 * the result may differ in length from the input, so offsets into it do not map back.
 */
export function normaliseForDetection(text: string): string {
  // eslint-disable-next-line no-control-regex -- the test is "is there anything beyond ASCII".
  return /[^\u0000-\u007f]/.test(text) ? text.normalize('NFKC') : text;
}
