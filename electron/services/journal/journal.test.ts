// The journal keeps every signed record on disk before reporting success, numbers each
// device's records 1, 2, 3… with no gap even under concurrent appends and failed signings,
// cuts off a line torn by a crash, and refuses a journal damaged anywhere else.
import { mkdtemp, open, readFile, readdir, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateKeyPair } from '../../../shared/crypto/signing';
import type { PrivateKeyHandle } from '../../../shared/records/crypto-types';
import type { RecordDraft } from '../../../shared/records/draft';
import { envelopeLine, signRecord } from '../../../shared/records/envelope';
import type { Reveal } from '../../../shared/records/schemas';
import { SAMPLE_PEOPLE, sampleReveal } from '../../../shared/records/testing/samples';
import { createLogger } from '../log';
import { openJournal } from './journal';

let dir: string;
let signer: PrivateKeyHandle;
let logLines: string[];
const log = () => createLogger((line) => logLines.push(line), 'debug');
const at = () => new Date('2026-11-27T02:00:00Z');

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'journal-'));
  signer = generateKeyPair('Ed25519').privateKey;
  logLines = [];
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

const draft = (reason = '核对掩码'): RecordDraft<Reveal> => {
  const { id: _id, device: _device, createdAt: _createdAt, ...rest } = sampleReveal({ reason, signer: { ...SAMPLE_PEOPLE.reviewerA, keyId: signer.keyId } });
  return rest;
};
const open1 = () => openJournal({ dataDir: dir, deviceId: 'ws-01', log: log(), now: at });
const fileLines = async (file: string) => (await readFile(file, 'utf8')).split('\n').filter((l) => l !== '');

describe('journal appends', () => {
  it('allocates id, device seq and createdAt, signs, and writes one JCS line per record', async () => {
    const journal = await open1();
    const a = await journal.appendNew(draft('一'), signer);
    const b = await journal.appendNew(draft('二'), signer);
    expect([a.record.device, b.record.device]).toEqual([{ id: 'ws-01', seq: 1 }, { id: 'ws-01', seq: 2 }]);
    expect(a.record.id).toMatch(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/);
    expect(b.record.id > a.record.id).toBe(true);
    expect(a.record.createdAt).toMatch(/^2026-11-27T\d\d:00:00\.000[+-]\d\d:\d\d$/);
    expect(new Date(a.record.createdAt).getTime()).toBe(at().getTime());
    expect(await fileLines(journal.file)).toEqual([envelopeLine(a), envelopeLine(b)]);
    expect(journal.lastSeq()).toBe(2);
  });

  it('fsyncs the line before the append resolves', async () => {
    const journal = await open1();
    const probe = await open(join(dir, 'probe'), 'w');
    const FileHandle = Object.getPrototypeOf(probe) as { sync: () => Promise<void> };
    await probe.close();
    const events: string[] = [];
    const original = FileHandle.sync;
    vi.spyOn(FileHandle, 'sync').mockImplementation(async function (this: unknown) {
      events.push('sync');
      return original.call(this);
    });
    await journal.appendNew(draft(), signer).then(() => events.push('resolved'));
    expect(events).toEqual(['sync', 'resolved']);
  });

  it('keeps seq gap-free under concurrent appends, even when some signings fail', async () => {
    const journal = await open1();
    const failing: PrivateKeyHandle = {
      ...signer,
      sign: () => {
        throw new Error('key locked');
      },
    };
    const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => journal.appendNew(draft(`第${i}次`), i % 7 === 3 ? failing : signer)));
    const done = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(6);
    expect(done.map((e) => e.record.device.seq)).toEqual(Array.from({ length: 34 }, (_, i) => i + 1));
    expect(new Set(done.map((e) => e.record.id)).size).toBe(34);
    const lines = await fileLines(journal.file);
    expect(lines).toEqual(done.map(envelopeLine));
  });

  it('uses nothing for a draft that fails its schema', async () => {
    const journal = await open1();
    await expect(journal.appendNew({ ...draft(), reason: '' }, signer)).rejects.toThrow(/record.reason: must not be empty/);
    expect((await journal.appendNew(draft(), signer)).record.device.seq).toBe(1);
  });

  it('continues the sequence after reopening', async () => {
    const first = await open1();
    await first.appendNew(draft(), signer);
    await first.appendNew(draft(), signer);
    const second = await open1();
    expect(second.lastSeq()).toBe(2);
    expect((await second.appendNew(draft(), signer)).record.device.seq).toBe(3);
    expect(second.lastSeq('another-device')).toBe(0);
  });

  it('appends an envelope signed elsewhere only as the next of its device, once', async () => {
    const journal = await open1();
    const envelope = (seq: number, device = 'ws-02') =>
      signRecord({ ...draft(), id: `01JD00000000000000000000${String(seq).padStart(2, '0')}`, device: { id: device, seq }, createdAt: '2026-11-27T10:00:00+08:00' }, signer);
    expect(await journal.append(envelope(1))).toMatchObject({ line: 1 });
    await expect(journal.append(envelope(3))).rejects.toMatchObject({ code: 'journal.seq-gap', message: /device ws-02 seq 3 where 2 comes next \(a gap\)/ });
    await expect(journal.append(envelope(1))).rejects.toMatchObject({ code: 'journal.duplicate-seq' });
    const sameId = { ...envelope(2), record: { ...envelope(2).record } };
    sameId.record.id = envelope(1).record.id;
    await expect(journal.append(signRecord(sameId.record, signer))).rejects.toMatchObject({ code: 'journal.duplicate-id' });
    await expect(journal.append({ ...envelope(2), signature: { ...envelope(2).signature, value: 'AA' } })).rejects.toMatchObject({ code: 'journal.invalid-record' });
    expect(await journal.append(envelope(2))).toMatchObject({ line: 2 });
    expect(journal.lastSeq('ws-02')).toBe(2);
    expect(journal.lastSeq()).toBe(0);
    expect(await fileLines(journal.file)).toHaveLength(2);
  });
});

describe('journal reads', () => {
  it('streams every entry back with its line number, after the appends in flight', async () => {
    const journal = await open1();
    const pending = [journal.appendNew(draft('一'), signer), journal.appendNew(draft('二'), signer)];
    const seen = [];
    for await (const entry of journal.read()) seen.push(entry);
    const written = await Promise.all(pending);
    expect(seen).toEqual([
      { line: 1, envelope: written[0] },
      { line: 2, envelope: written[1] },
    ]);
  });

  it('cuts off a torn last line on open, keeps it aside, logs it and reuses its seq', async () => {
    const journal = await open1();
    for (let i = 0; i < 3; i++) await journal.appendNew(draft(), signer);
    const next = signRecord({ ...draft(), id: '01JD0000000000000000000099', device: { id: 'ws-01', seq: 4 }, createdAt: '2026-11-27T10:00:00+08:00' }, signer);
    const torn = envelopeLine(next).slice(0, 57);
    await appendFile(journal.file, torn);

    const reopened = await open1();
    expect(reopened.lastSeq()).toBe(3);
    expect(await readFile(reopened.file, 'utf8')).toMatch(/\}\n$/);
    expect(await fileLines(reopened.file)).toHaveLength(3);
    const kept = (await readdir(join(dir, 'journal'))).filter((n) => n.startsWith('records.jsonl.torn-'));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(dir, 'journal', kept[0]!), 'utf8')).toBe(torn);
    const warning = logLines.map((l) => JSON.parse(l) as { level: string; message: string; detail: { tornBytes: number } }).find((l) => l.level === 'warn');
    expect(warning?.message).toMatch(/incomplete line .* interrupted write/);
    expect(warning?.detail.tornBytes).toBe(Buffer.byteLength(torn));
    expect((await reopened.appendNew(draft(), signer)).record.device.seq).toBe(4);
  });

  it('treats a journal whose only line is torn as empty', async () => {
    const journal = await open1();
    const line = envelopeLine(await journal.appendNew(draft(), signer));
    await writeFile(journal.file, line.slice(0, line.length - 1));
    const reopened = await open1();
    expect(reopened.lastSeq()).toBe(0);
    expect(await readFile(reopened.file, 'utf8')).toBe('');
  });

  it('refuses a journal with a damaged line before the end, naming the line', async () => {
    const journal = await open1();
    for (let i = 0; i < 3; i++) await journal.appendNew(draft(), signer);
    const lines = await fileLines(journal.file);

    await writeFile(journal.file, `${lines[0]}\n{"record":\n${lines[2]}\n`);
    await expect(open1()).rejects.toMatchObject({ code: 'journal.corrupt', message: /damaged at line 2: not valid JSON/ });

    await writeFile(journal.file, `${lines[0]}\n${lines[1]!.replace('"reason":', '"reason":"x","reason":')}\n${lines[2]}\n`);
    await expect(open1()).rejects.toMatchObject({ code: 'journal.corrupt', message: /line 2: .*duplicate key "reason"/ });

    await writeFile(journal.file, Buffer.concat([Buffer.from(`${lines[0]}\n`), Buffer.from([0xc3, 0x28, 0x0a]), Buffer.from(`${lines[2]}\n`)]));
    await expect(open1()).rejects.toMatchObject({ code: 'journal.corrupt', message: /line 2: the envelope is not valid UTF-8/ });

    await writeFile(journal.file, `${lines[0]}\n\n${lines[1]}\n`);
    await expect(open1()).rejects.toMatchObject({ code: 'journal.corrupt', message: /line 2/ });
  });

  it('refuses a journal with a removed or repeated line (a seq gap or repeat)', async () => {
    const journal = await open1();
    for (let i = 0; i < 3; i++) await journal.appendNew(draft(), signer);
    const lines = await fileLines(journal.file);
    await writeFile(journal.file, `${lines[0]}\n${lines[2]}\n`);
    await expect(open1()).rejects.toMatchObject({ code: 'journal.seq-gap', message: /line 2: device ws-01 seq 3 where 2 comes next/ });
    await writeFile(journal.file, `${lines[0]}\n${lines[1]}\n${lines[1]}\n`);
    await expect(open1()).rejects.toMatchObject({ code: 'journal.duplicate-seq', message: /line 3/ });
  });

  it('refuses an unusable device id', async () => {
    await expect(openJournal({ dataDir: dir, deviceId: '../x', log: log() })).rejects.toThrow(/not a usable device id/);
  });
});
