// The review of stored demo candidates through the services the app uses: findings evaluated
// from the saved scan (the same code as `review check`), stable keys, acknowledgements (audited,
// refused for blocking findings, kept across restarts), the scope diff and the conformance diff,
// which never lets a raw value out.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceZhProblems } from '../../../shared/formats/testing';
import { FindingsView } from '../../../shared/ipc/schemas/review';
import { createServices, type Services } from '../index';
import { buildScanWorker, testPlatform } from '../testing/test-platform';
import type { Platform } from '../ports';

let work: string;
let platform: Platform;
let services: Services;
const events: { name: string; payload: unknown }[] = [];
const PASSPHRASE = 'review service test passphrase';

const UNMASKED = 'EC-2026-001002';
const WORKBOOK = 'EC-2026-001018';
const UNAUTHORIZED = 'EC-2026-001007';
/** Microdata without declared quasi-identifiers: disclosure control notes what it could not check. */
const NO_QUASI_IDENTIFIERS = 'EC-2026-001017';

async function scanned(id: string) {
  await services.scans.start(id, 1);
  await services.scans.settled(id, 1);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'review-service-'));
  platform = testPlatform(work, { scanWorkerScript: buildScanWorker(work), emit: (name, payload) => events.push({ name, payload }) });
  services = await createServices(platform);
  await services.workspaceKey.create(PASSPHRASE);
  await services.candidates.seedDemo();
}, 120_000);

afterAll(async () => {
  await services.close();
  await rm(work, { recursive: true, force: true });
});

describe('findings', () => {
  it('are not available before the scan', async () => {
    const view = await services.review.findings(UNMASKED, 1);
    expect(view).toMatchObject({ state: 'not-scanned', document: null, items: [], approvable: false });
  });

  it('are evaluated from the saved scan with the policy: clear identifiers block, evidence is masked, approval is impossible', async () => {
    await scanned(UNMASKED);
    expect(events).toContainEqual({ name: 'findings:changed', payload: { id: UNMASKED, revision: 1 } });
    const view = FindingsView.parse(await services.review.findings(UNMASKED, 1));
    expect(view.state).toBe('ready');
    expect(view.document!.policy).not.toBeNull();
    expect(view.document!.candidate.id).toBe(UNMASKED);
    const unmasked = view.items.filter((i) => i.finding.rule === 'pii.unmasked');
    expect(unmasked.length).toBeGreaterThan(0);
    expect(unmasked[0]!.finding.evidence.length).toBeGreaterThan(0);
    // Every evidence line has its Chinese (masked values are the same in both).
    for (const item of view.items) expect(evidenceZhProblems(item.finding)).toEqual([]);
    expect(unmasked[0]!.finding.evidenceZh).toEqual(unmasked[0]!.finding.evidence);
    expect(view.notes).toEqual([]);
    expect(view.approvable).toBe(false);
    expect(view.stale).toBe(false);
    const text = JSON.stringify(view);
    expect(text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    expect(text).not.toMatch(/(?<!\d)\d{17}[\dXx](?!\d)/);
    // Keys are stable: the same findings give the same keys.
    const again = await services.review.findings(UNMASKED, 1);
    expect(again.items.map((i) => i.key)).toEqual(view.items.map((i) => i.key));
    expect(new Set(view.items.map((i) => i.key)).size).toBe(view.items.length);
  });

  it('refuses to acknowledge a blocking finding, and changes nothing', async () => {
    const view = await services.review.findings(UNMASKED, 1);
    const block = view.items.find((i) => i.finding.severity === 'block')!;
    const before = (await services.audit.read()).length;
    await expect(services.review.acknowledge(UNMASKED, 1, block.key, 'The operator promised to fix it.')).rejects.toMatchObject({ code: 'findings.blocking' });
    expect((await services.audit.read()).length).toBe(before);
    expect((await services.review.findings(UNMASKED, 1)).items.every((i) => i.acknowledgement === null)).toBe(true);
  });

  it('acknowledges a warning with its justification, audited first, and keeps it across a restart', async () => {
    await scanned(WORKBOOK);
    const view = await services.review.findings(WORKBOOK, 1);
    // Disclosure control (k-anonymity) and the workbook's properties write Chinese evidence too.
    expect(view.items.find((i) => i.finding.rule === 'sdc.k-anonymity')!.finding.evidenceZh![0]).toMatch(/^\d+ 行的等价类：第 [\d、]+ 行(等)?$/);
    for (const item of view.items) expect(evidenceZhProblems(item.finding)).toEqual([]);
    const warn = view.items.find((i) => i.finding.severity === 'warn')!;
    expect(warn).toBeDefined();
    const after = await services.review.acknowledge(WORKBOOK, 1, warn.key, '隐藏工作表仅含计算辅助列，已与运营单位核实。');
    const acknowledged = after.items.find((i) => i.key === warn.key)!;
    expect(acknowledged.acknowledgement).toMatchObject({ rule: warn.finding.rule, justification: '隐藏工作表仅含计算辅助列，已与运营单位核实。', by: 'local-reviewer' });
    const audit = await services.audit.read();
    expect(audit.at(-1)).toMatchObject({ action: 'acknowledge', target: `${WORKBOOK}@1`, detail: { key: warn.key, rule: warn.finding.rule } });
    expect(events).toContainEqual({ name: 'findings:changed', payload: { id: WORKBOOK, revision: 1 } });
    // Acknowledging twice changes nothing.
    await services.review.acknowledge(WORKBOOK, 1, warn.key, 'a second justification');
    expect((await services.audit.read()).length).toBe(audit.length);

    await services.close();
    services = await createServices(platform);
    await services.workspaceKey.unlock(PASSPHRASE);
    const reopened = await services.review.findings(WORKBOOK, 1);
    expect(reopened.items.find((i) => i.key === warn.key)!.acknowledgement!.justification).toBe('隐藏工作表仅含计算辅助列，已与运营单位核实。');
  });

  it('tell the reviewer what disclosure control could not check, in English and Chinese', async () => {
    await scanned(NO_QUASI_IDENTIFIERS);
    const view = FindingsView.parse(await services.review.findings(NO_QUASI_IDENTIFIERS, 1));
    expect(view.state).toBe('ready');
    expect(view.notes).toEqual([
      {
        file: 'data/tax_credit.ndjson',
        message: '"data/tax_credit.ndjson": no quasi-identifiers are declared; k-anonymity and l-diversity were not checked.',
        messageZh: '“data/tax_credit.ndjson”：未声明准标识符，未检查 k-匿名和 l-多样性。',
      },
    ]);
  });

  it('refuses an unknown finding key with a message saying what to do', async () => {
    await expect(services.review.acknowledge(WORKBOOK, 1, '0'.repeat(24), 'justification text')).rejects.toMatchObject({ code: 'findings.no-such-finding' });
  });
});

describe('scope diff', () => {
  it('lists the unauthorized field beside the authorized ones, and the authorized fields the candidate does not use', async () => {
    const scope = await services.review.scope(UNAUTHORIZED, 1);
    expect(scope.policy).not.toBeNull();
    const reg = scope.rows.find((r) => r.name === 'reg_address')!;
    expect(reg).toMatchObject({ status: 'unauthorized', authorized: null });
    expect(scope.rows.filter((r) => r.status === 'ok').length).toBeGreaterThan(0);
  });
});

describe('conformance diff', () => {
  it('counts conforming cells per column and shows clear identifiers only as markers', async () => {
    const overview = await services.preview.overview(UNMASKED, 1);
    const table = overview.tables[0]!;
    const ref = { id: UNMASKED, revision: 1, file: table.file };
    const summary = await services.review.conformanceSummary(ref);
    expect(summary.columns.map((c) => c.column)).toEqual(table.columns.map((c) => c.name));
    const phoneColumn = table.columns.find((c) => c.declared?.transform === 'mask:3,4')!;
    const phone = summary.columns.find((c) => c.column === phoneColumn.name)!;
    expect(phone.nonconforming).toBeGreaterThan(0);
    expect(phone.conforming + phone.nonconforming + phone.empty).toBe(table.rows);

    const page = await services.review.conformance(ref, phoneColumn.name, 1, 20, true);
    expect(page.column).toEqual(phone);
    expect(page.rows.length).toBeGreaterThan(0);
    for (const row of page.rows) {
      expect(row.conforming).toBe(false);
      expect(row.candidate.some((s) => s.kind === 'differs' && /^●+$/.test(s.text))).toBe(true);
    }
    const text = JSON.stringify(page);
    expect(text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    expect(text).not.toMatch(/(?<!\d)\d{17}[\dXx](?!\d)/);

    const all = await services.review.conformance(ref, phoneColumn.name, 1, 5, false);
    expect(all.rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5]);
    expect(all.next).toBe(6);
  });

  it('names a column the table does not have', async () => {
    const overview = await services.preview.overview(UNMASKED, 1);
    await expect(services.review.conformance({ id: UNMASKED, revision: 1, file: overview.tables[0]!.file }, 'no_such_column', 1, 5, false)).rejects.toMatchObject({
      code: 'preview.no-such-column',
    });
  });
});
