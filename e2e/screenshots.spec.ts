// Regenerates docs/screenshots (npm run screenshots): the queue, a candidate overview, the
// masked preview and a workbook's hidden sheet in Chinese and English at 1280×800, and the
// queue at 1920×1080; the findings panel with a clause's text, the acknowledge dialog and the
// shortcuts dialog.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, startHost } from './fixtures';
import { FindingsPage } from './pages/findings-page';
import { DiffPage } from './pages/diff-page';
import { OverviewPage } from './pages/overview-page';
import { PreviewPage } from './pages/preview-page';
import { QueuePage } from './pages/queue-page';
import { WorkspaceLockPage } from './pages/workspace-lock-page';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

for (const language of ['zh-CN', 'en'] as const) {
  test(`queue and overview in ${language}`, async ({ page, host }) => {
    const queue = new QueuePage(page);
    await queue.goto(host.url);
    await page.getByTestId(`language-${language}`).click();
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await queue.rows.nth(2).click();
    await page.keyboard.press('Escape');
    await queue.table.focus();
    await page.keyboard.press('ArrowDown');
    await page.screenshot({ path: `${OUT}queue-${language}.png` });

    const summaries = await page.evaluate(async () => {
      const result = await window.workstation.candidates.list({});
      return result.ok ? result.value : [];
    });
    const target = summaries.find((s) => s.backflowSources > 0) ?? summaries[0]!;
    await queue.row(target.id, target.revision).click();
    await expect(new OverviewPage(page).root).toBeVisible();
    await page.screenshot({ path: `${OUT}overview-${language}.png`, fullPage: true });

    // The desensitized preview of a candidate with clear phones and IDs, one column profile open.
    await page.keyboard.press('Escape');
    await queue.row('EC-2026-001002', 1).click();
    const preview = new PreviewPage(page);
    await preview.open();
    await preview.waitForScan();
    await expect(preview.rows.first()).toBeVisible();
    await page.locator('[data-testid="grid-header-button"]').nth(5).click();
    await expect(preview.profile).toBeVisible();
    await page.screenshot({ path: `${OUT}preview-${language}.png` });

    // A workbook: the sheet switcher with its hidden sheet open, phones masked for display.
    await page.keyboard.press('Escape');
    await expect(queue.table).toBeVisible();
    await queue.row('EC-2026-001018', 1).click();
    await preview.open();
    await preview.waitForScan();
    await preview.file('data/企业名录.xlsx').click();
    await preview.openSheet('联系人');
    await expect(preview.rows.first()).toBeVisible();
    await page.screenshot({ path: `${OUT}preview-workbook-${language}.png` });

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.keyboard.press('Escape');
    await expect(queue.table).toBeVisible();
    await page.screenshot({ path: `${OUT}queue-${language}-1920.png` });
  });
}

// The findings of the demo workbook beside its preview: a block selected (why it cannot be
// acknowledged) with its clause's text open; a warning's acknowledge dialog refusing a too-short
// justification; the shortcuts dialog.
for (const language of ['zh-CN', 'en'] as const) {
  test(`findings in ${language}`, async ({ page, host }) => {
    const queue = new QueuePage(page);
    await queue.goto(host.url);
    await page.getByTestId(`language-${language}`).click();
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await queue.row('EC-2026-001018', 1).click();
    const findings = new FindingsPage(page);
    await findings.waitForFindings();
    await findings.review.click();
    const preview = new PreviewPage(page);
    await expect(preview.rows.first()).toBeVisible();
    const rule = findings.selected.locator('xpath=ancestor::section[@data-testid="finding-rule"]');
    await rule.getByTestId('finding-clause').hover();
    await expect(findings.clauseCard).toBeVisible();
    await page.screenshot({ path: `${OUT}findings-${language}.png` });

    await page.mouse.move(0, 0);
    const warning = findings.finding('intake.hidden-content').first();
    await findings.open(warning);
    await findings.acknowledge(warning, language === 'en' ? 'checked' : '已检查');
    await expect(findings.validation).toBeVisible();
    await page.screenshot({ path: `${OUT}findings-acknowledge-${language}.png` });

    await page.keyboard.press('Escape');
    await expect(findings.dialog).toHaveCount(0);
    await findings.tabs.diff.click();
    await page.keyboard.press('?');
    await expect(findings.shortcuts).toBeVisible();
    await page.screenshot({ path: `${OUT}findings-shortcuts-${language}.png` });
  });
}

// The workspace lock screens, on a host started without a passphrase: choosing one (strength
// hint showing), then unlocking after a restart, with the error for a wrong one.
for (const language of ['zh-CN', 'en'] as const) {
  test(`workspace lock screens in ${language}`, async ({ page }) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'workstation-lock-shots-'));
    let host = await startHost(dataDir, { unlocked: false });
    try {
      const lock = new WorkspaceLockPage(page);
      await lock.goto(host.url, 'set');
      if (language === 'en') await page.getByTestId('language-en').click();
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await lock.passphrase.fill('export review 2026');
      await expect(lock.strength).toHaveAttribute('data-strength', 'strong');
      await lock.confirm.focus();
      await page.screenshot({ path: `${OUT}lock-set-${language}.png` });

      await lock.setPassphrase('export review 2026');
      await expect(new QueuePage(page).table).toBeVisible();
      await host.stop();
      host = await startHost(dataDir, { unlocked: false });
      await lock.goto(host.url, 'unlock');
      await lock.unlock('a wrong passphrase');
      await expect(lock.error).toHaveAttribute('data-error-code', 'store.wrong-passphrase');
      await page.screenshot({ path: `${OUT}lock-unlock-${language}.png` });
    } finally {
      await host.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
}

// The Diff tab's four views in Chinese and English: the scope diff of the candidate with an
// unauthorized field, the conformance diff of clear phones (started at row 12, the focused row
// marked), declarations vs detections of the same table, and revision 1 → 2 (its table rows and
// its report's word-level changes).
for (const language of ['zh-CN', 'en'] as const) {
  test(`diff views in ${language}`, async ({ page, host }) => {
    test.setTimeout(120_000);
    const queue = new QueuePage(page);
    await queue.goto(host.url);
    await page.getByTestId(`language-${language}`).click();
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    const diff = new DiffPage(page);

    await queue.row('EC-2026-001007', 1).click();
    await diff.open();
    await expect(diff.scopeRow('reg_address')).toBeVisible();
    await page.screenshot({ path: `${OUT}diff-scope-${language}.png` });

    await page.keyboard.press('Escape');
    await queue.row('EC-2026-001002', 1).click();
    await diff.open();
    await diff.show('conformance');
    await expect(diff.summaryRows.first()).toBeVisible({ timeout: 30_000 });
    await diff.pickTable('data/legal_representatives.csv');
    await diff.pickColumn('legal_rep_phone');
    await diff.jumpTo(12);
    await expect(diff.conformanceRow(12)).toHaveAttribute('data-target', 'true');
    await page.screenshot({ path: `${OUT}diff-conformance-${language}.png` });

    await diff.show('declarations');
    await expect(diff.declarationRow('legal_rep_phone')).toBeVisible();
    await page.screenshot({ path: `${OUT}diff-declarations-${language}.png` });

    await page.keyboard.press('Escape');
    await queue.row('EC-2026-001001', 2).click();
    await diff.open();
    await diff.show('revision');
    const table = diff.revisionFile('data/enterprise_scores.csv');
    await expect(table).toBeVisible();
    await page.screenshot({ path: `${OUT}diff-revision-${language}.png` });
    await table.scrollIntoViewIfNeeded();
    await diff.revisionFile('report/说明.md').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${OUT}diff-revision-files-${language}.png` });
  });
}
