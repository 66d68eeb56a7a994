/** Lines as readline counts them (without a BOM), from plain and encrypted files alike. */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptToFile, openEncryptedFile } from '../at-rest/encrypted-file';
import { openPlain } from './table-io';
import { readTextLines } from './text-lines';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'text-lines-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function viaReadline(path: string): Promise<string[]> {
  const out: string[] = [];
  for await (const line of createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity })) out.push(line);
  return out;
}

async function collect(lines: AsyncIterable<{ text: string }>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of lines) out.push(line.text);
  return out;
}

describe('readTextLines', () => {
  const cases = ['', 'one', 'one\n', 'a\nb\r\nc\rd', '\ufeff# 标题\n\n正文 13812345678\r\n', 'x\r', 'x\r\n\r\n', '中'.repeat(40_000) + '\n末行'];
  for (const [i, text] of cases.entries()) {
    it(`splits like readline (case ${i})`, async () => {
      const path = join(dir, `p${i}.md`);
      await writeFile(path, text);
      // The same lines, except that a leading BOM is not part of the first one.
      const expected = (await viaReadline(path)).map((line, n) => (n === 0 ? line.replace(/^\ufeff/, '') : line));
      expect(await collect(readTextLines(openPlain, path, 'p.md'))).toEqual(expected);
    });
  }

  it('reads a stored file through the decrypting opener', async () => {
    const key = randomBytes(32);
    const path = join(dir, 'enc.md');
    await encryptToFile([Buffer.from('第一行\r\n联系人 13812345678\n')], path, key);
    expect(await collect(readTextLines((p) => openEncryptedFile(p, key), path, 'report/说明.md'))).toEqual(['第一行', '联系人 13812345678']);
  });

  it('names the file when it cannot be read', async () => {
    await expect(collect(readTextLines(openPlain, join(dir, 'missing.md'), 'report/missing.md'))).rejects.toMatchObject({ code: 'tables.read-failed' });
  });
});
