/**
 * Encoding detection as intake relies on it: BOMs win, strict UTF-8 next, GB18030 only as a
 * flagged guess, and bytes that are neither are refused with an error naming the file. A
 * sample cut inside a character must not be mistaken for bad bytes.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../shared/ipc/result';
import { encodeGb18030 } from '../demo/gb18030';
import { detectEncoding, detectFileEncoding, normaliseForDetection } from './encoding';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (number[] | Uint8Array)[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));

function refusal(run: () => unknown): ServiceError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceError);
    return error as ServiceError;
  }
  throw new Error('expected a refusal');
}

describe('detectEncoding', () => {
  it('takes the byte-order mark first', () => {
    expect(detectEncoding(bytes([0xef, 0xbb, 0xbf], utf8('a,b\n中文\n')), { complete: true })).toEqual({ encoding: 'utf-8-bom', guessed: false });
    expect(detectEncoding(bytes([0xff, 0xfe, 0x61, 0x00, 0x2d, 0x4e]), { complete: true })).toEqual({ encoding: 'utf-16le-bom', guessed: false });
    expect(detectEncoding(bytes([0xfe, 0xff, 0x00, 0x61, 0x4e, 0x2d]), { complete: true })).toEqual({ encoding: 'utf-16be-bom', guessed: false });
  });

  it('reads BOM-less UTF-8 (and plain ASCII) as UTF-8, not guessed', () => {
    expect(detectEncoding(utf8('姓名,电话\n张三,138\n'), { complete: true })).toEqual({ encoding: 'utf-8', guessed: false });
    expect(detectEncoding(utf8('a,b\n1,2\n'), { complete: true })).toEqual({ encoding: 'utf-8', guessed: false });
    expect(detectEncoding(new Uint8Array(0), { complete: true })).toEqual({ encoding: 'utf-8', guessed: false });
  });

  it('falls back to GB18030 as a guess for bytes that are not UTF-8', () => {
    // 中 = D6 D0, 文 = CE C4 in GB18030/GBK.
    expect(detectEncoding(bytes(utf8('name\n'), [0xd6, 0xd0, 0xce, 0xc4, 0x0a]), { complete: true })).toEqual({ encoding: 'gb18030', guessed: true });
    expect(detectEncoding(encodeGb18030('区县,行业\n杭州市西湖区,批发和零售业\n'), { complete: true })).toEqual({ encoding: 'gb18030', guessed: true });
  });

  it('refuses bytes that are neither UTF-8 nor GB18030, naming the file and what to do', () => {
    const error = refusal(() => detectEncoding(bytes(utf8('a,b\n'), [0xd6, 0xd0, 0xff, 0x0a]), { complete: true, file: 'data/x.csv' }));
    expect(error.code).toBe('intake.encoding-unknown');
    expect(error.message).toContain('"data/x.csv"');
    expect(error.message).toMatch(/neither UTF-8 nor GB18030/);
    expect(error.message).toMatch(/save the file as UTF-8/);
    expect(error.params).toMatchObject({ file: 'data/x.csv', offset: 5 }); // where D0 shows D6 was no UTF-8 lead
  });

  it('refuses a BOM whose body does not decode', () => {
    const error = refusal(() => detectEncoding(bytes([0xef, 0xbb, 0xbf], utf8('ok'), [0xd6, 0xd0]), { complete: true, file: 'a.csv' }));
    expect(error.code).toBe('intake.encoding-unknown');
    expect(error.message).toMatch(/UTF-8 byte-order mark but is not valid UTF-8/);
    expect(error.params).toMatchObject({ offset: 6 });
  });

  it('refuses NUL bytes (binary, or UTF-16 without a BOM) and UTF-32', () => {
    expect(refusal(() => detectEncoding(bytes([0x61, 0x00, 0x62, 0x00]), { complete: true })).message).toMatch(/NUL bytes/);
    expect(refusal(() => detectEncoding(bytes([0xff, 0xfe, 0x00, 0x00, 0x61, 0, 0, 0]), { complete: true })).message).toMatch(/UTF-32/);
  });

  it('does not refuse or mis-guess a sample cut in the middle of a character', () => {
    const whole = utf8('编号,名称\n1,中文\n'); // 中 is E4 B8 AD
    const cut = whole.subarray(0, whole.length - 4); // ends after E4 B8
    expect(detectEncoding(cut, { complete: false })).toEqual({ encoding: 'utf-8', guessed: false });
    const gb = encodeGb18030('编号,名称\n1,中文');
    expect(detectEncoding(gb.subarray(0, gb.length - 1), { complete: false })).toEqual({ encoding: 'gb18030', guessed: true });
    const le = bytes([0xff, 0xfe], [0x61, 0x00, 0x2d]);
    expect(detectEncoding(le, { complete: false })).toEqual({ encoding: 'utf-16le-bom', guessed: false });
  });
});

describe('detectFileEncoding', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tables-encoding-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('checks UTF-8 to the end of the file, not just the sample', async () => {
    const path = join(dir, 'late-gb.csv');
    await writeFile(path, Buffer.concat([Buffer.from(`id,name\n${'1,ascii\n'.repeat(20_000)}`), Buffer.from(encodeGb18030('2,中文\n'))]));
    expect(await detectFileEncoding(path)).toEqual({ encoding: 'gb18030', guessed: true });
  });

  it('accepts UTF-8 whose characters straddle read chunks', async () => {
    const path = join(dir, 'straddle.csv');
    const head = 'x'.repeat(1024 * 1024 - 1); // 中 (3 bytes) starts one byte before the 1 MiB chunk boundary
    await writeFile(path, `${head}中文\n${'a,中\n'.repeat(1000)}`);
    expect(await detectFileEncoding(path)).toEqual({ encoding: 'utf-8', guessed: false });
  });

  it('notices a broken UTF-8 sequence that straddles read chunks', async () => {
    const path = join(dir, 'broken-straddle.csv');
    // A three-byte lead as the last byte of the first 1 MiB chunk, then no continuation bytes.
    await writeFile(path, Buffer.concat([Buffer.from('x'.repeat(1024 * 1024 - 1)), Buffer.from([0xe4]), Buffer.from('abc\n')]));
    expect(await detectFileEncoding(path)).toEqual({ encoding: 'gb18030', guessed: true });
  });

  it('calls a file cut short inside a UTF-8 character not UTF-8', async () => {
    const path = join(dir, 'cut.csv');
    await writeFile(path, Buffer.concat([Buffer.from('a'.repeat(70_000)), Buffer.from([0xe4, 0xb8])]));
    expect(await detectFileEncoding(path)).toEqual({ encoding: 'gb18030', guessed: true });
  });

  it('decides small files from all of their bytes, and refuses what cannot be read', async () => {
    const ok = join(dir, 'small.csv');
    await writeFile(ok, Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x0a]));
    expect(await detectFileEncoding(ok)).toEqual({ encoding: 'utf-8-bom', guessed: false });
    const bad = join(dir, 'bad.csv');
    await writeFile(bad, Buffer.from([0x61, 0x2c, 0xff, 0xfe, 0x0a]));
    await expect(detectFileEncoding(bad, { file: 'data/bad.csv' })).rejects.toMatchObject({ code: 'intake.encoding-unknown', params: { file: 'data/bad.csv' } });
    await expect(detectFileEncoding(join(dir, 'missing.csv'))).rejects.toMatchObject({ code: 'tables.read-failed' });
  });
});

describe('normaliseForDetection', () => {
  it('folds full-width digits and separators to ASCII', () => {
    expect(normaliseForDetection('１３８１２３４５６７８')).toBe('13812345678');
    expect(normaliseForDetection('电话：１３８－１２３４，备注')).toBe('电话:138-1234,备注');
    expect(normaliseForDetection('a\u3000b')).toBe('a b');
  });

  it('leaves ASCII and ordinary Chinese text as they are', () => {
    const ascii = 'plain,text 123';
    expect(normaliseForDetection(ascii)).toBe(ascii);
    expect(normaliseForDetection('浙江省杭州市')).toBe('浙江省杭州市');
  });
});
