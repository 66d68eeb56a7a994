// The audit log is a hash chain on disk: appends are ordered and durable, any edit, removal or
// insertion is detected, and a broken log refuses to grow.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, verifyChain } from '../../../shared/audit/chain';
import { openAuditLog } from './audit-log';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'audit-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const at = () => new Date('2026-11-27T02:00:00Z');

describe('audit log', () => {
  it('chains events from genesis, in order, even when appended concurrently', async () => {
    const log = await openAuditLog(dir, at);
    const events = await Promise.all(
      Array.from({ length: 20 }, (_, i) => log.append({ actor: 'reviewer-1', action: 'open', target: `EC-${i}@1`, detail: { i } })),
    );
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(events[0]!.prev).toBe(GENESIS_HASH);
    for (let i = 1; i < events.length; i++) expect(events[i]!.prev).toBe(events[i - 1]!.hash);
    const check = await verifyChain(await readFile(log.file, 'utf8'));
    expect(check).toEqual({ ok: true, events: 20, head: events[19]!.hash });
  });

  it('continues the chain after reopening', async () => {
    const first = await openAuditLog(dir, at);
    const a = await first.append({ actor: 'r', action: 'import', target: 'EC-1@1' });
    const second = await openAuditLog(dir, at);
    const b = await second.append({ actor: 'r', action: 'open', target: 'EC-1@1' });
    expect(b.seq).toBe(2);
    expect(b.prev).toBe(a.hash);
  });

  it('detects a changed, removed or inserted event and refuses to append to a broken log', async () => {
    const log = await openAuditLog(dir, at);
    for (let i = 0; i < 3; i++) await log.append({ actor: 'r', action: 'reveal', target: 'EC-1@1', detail: { cells: i } });
    const text = await readFile(log.file, 'utf8');
    const lines = text.trimEnd().split('\n');

    const changed = lines.map((l, i) => (i === 1 ? l.replace('"cells":1', '"cells":9') : l)).join('\n');
    expect(await verifyChain(changed)).toMatchObject({ ok: false, line: 2 });
    const removed = [lines[0], lines[2]].join('\n');
    expect(await verifyChain(removed)).toMatchObject({ ok: false, line: 2 });
    const duplicated = [lines[0], lines[1], lines[1], lines[2]].join('\n');
    expect(await verifyChain(duplicated)).toMatchObject({ ok: false, line: 3 });
    const dupKey = lines[0]!.replace('"actor":"r"', '"actor":"r","actor":"x"');
    expect(await verifyChain(dupKey)).toMatchObject({ ok: false, line: 1 });

    await writeFile(log.file, `${changed}\n`);
    await expect(openAuditLog(dir, at)).rejects.toMatchObject({ code: 'audit.chain-broken' });
  });
});
