// The candidate service on a fresh workspace: the demo is imported through the real import
// path (once), listed newest first, and each candidate's overview carries its verified files.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRODUCT_KINDS } from '../../../shared/formats/candidate';
import { createLogger } from '../log';
import type { Platform } from '../ports';
import { createCandidateService, type CandidateService } from './candidate-service';

/** The workspace key the service encrypts stored payloads with. */
const KEY = randomBytes(32);

let work: string;
let service: CandidateService;
const emitted: string[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'candidate-service-'));
  const platform: Platform = {
    host: 'browser',
    appVersion: 'test',
    platform: 'linux',
    dataDir: work,
    dialogs: null,
    secrets: null,
    openUrl: null,
    contentProtectionSupported: false,
    scanWorkerScript: '/nonexistent/scan-worker.cjs',
    emit: (name) => emitted.push(name),
    log: createLogger(() => undefined),
  };
  service = await createCandidateService(platform, { key: () => KEY });
});
afterAll(async () => rm(work, { recursive: true, force: true }));

describe('candidate service', () => {
  it('imports the demo workspace on a fresh profile, and only then', async () => {
    const imported = await service.seedDemo();
    expect(imported).toBeGreaterThanOrEqual(12);
    expect(emitted).toContain('candidates:import-progress');
    expect(emitted.at(-1)).toBe('candidates:changed');
    expect(await service.seedDemo()).toBe(0);
  });

  it('lists every candidate newest first, covering every product kind', async () => {
    const list = await service.list();
    expect(list.length).toBeGreaterThanOrEqual(12);
    expect(new Set(list.map((c) => c.kind))).toEqual(new Set(PRODUCT_KINDS));
    const times = list.map((c) => Date.parse(c.submittedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('returns an overview whose integrity covers every listed file', async () => {
    const [first] = await service.list();
    const detail = await service.get(first!.id, first!.revision);
    expect(detail.manifest.files.map((f) => f.path)).toEqual(detail.integrity.map((f) => f.path));
    expect(detail.integrity.map((f) => [f.sha256, f.sm3])).toEqual(detail.integrity.map(() => ['verified', 'verified']));
  });

  it('says clearly when a candidate is not there', async () => {
    await expect(service.get('EC-NOPE', 1)).rejects.toMatchObject({ code: 'candidates.not-found' });
  });
});
