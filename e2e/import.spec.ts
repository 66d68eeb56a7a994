// Importing from the queue: a malformed package is refused with a clear error that names the
// file and field, and adds nothing; a good one appears in the queue.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { QueuePage } from './pages/queue-page';
import { writePackage } from '../electron/services/testing/make-package';

let work: string;
test.beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'workstation-e2e-pkg-'));
});
test.afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

test('a package with a tampered file is refused, names the file and field, and adds nothing', async ({ page, host }) => {
  const dir = await writePackage(join(work, 'tampered'));
  await writeFile(join(dir, 'data', 'scores.csv'), 'credit_code,district,score_band\n91330106MA2H3XK19J,西湖区,B\n91330102MA27YKFL3K,上城区,B\n');
  const queue = new QueuePage(page);
  await queue.goto(host.url);
  const before = await queue.ids();

  const dialog = await queue.openImport();
  await dialog.importPath(dir);
  await expect(dialog.error).toBeVisible();
  await expect(dialog.error).toHaveAttribute('data-error-code', 'import.digest-mismatch');
  await expect(dialog.error).toContainText('data/scores.csv');
  await expect(dialog.error).toContainText('sha256');

  await page.keyboard.press('Escape');
  await expect(dialog.root).toBeHidden();
  expect((await queue.ids()).sort()).toEqual([...before].sort());
});

test('a manifest with an invalid field is refused with the field path, in both languages', async ({ page, host }) => {
  const dir = await writePackage(join(work, 'bad-field'), {
    manifest: { authorization: { agreementId: 'ZJ-1', level: 'province', region: '330000', validFrom: '2025-01-01', validTo: '2025-13-01' } },
  });
  const queue = new QueuePage(page);
  await queue.goto(host.url);
  const messages: string[] = [];
  for (const language of ['zh-CN', 'en'] as const) {
    await page.getByTestId(`language-${language}`).click();
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    const dialog = await queue.openImport();
    await dialog.importPath(dir);
    await expect(dialog.error).toHaveAttribute('data-error-code', 'import.manifest-invalid');
    await expect(dialog.error).toContainText('authorization.validTo');
    await expect(dialog.error).toContainText('candidate.json');
    messages.push(await dialog.error.innerText());
    await page.keyboard.press('Escape');
    await expect(dialog.root).toBeHidden();
  }
  expect(messages[0]).toMatch(/[\u4e00-\u9fff]/);
  expect(messages[1]).not.toMatch(/[\u4e00-\u9fff]/);
});

test('a valid package is imported and appears in the queue', async ({ page, host }) => {
  const dir = await writePackage(join(work, 'good'), { manifest: { id: 'EC-E2E-000001' } });
  const queue = new QueuePage(page);
  await queue.goto(host.url);
  const before = await queue.rows.count();
  const dialog = await queue.openImport();
  await dialog.importPath(dir);
  await expect(dialog.root).toBeHidden();
  await expect(queue.rows).toHaveCount(before + 1);
  await expect(queue.row('EC-E2E-000001', 1)).toBeVisible();
});
