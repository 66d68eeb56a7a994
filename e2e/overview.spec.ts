// Opening a candidate shows its overview: product, operator, authorization, scenario,
// recipient, sources with their flags, and files with sizes and verified digests.
import { test, expect } from './fixtures';
import { OverviewPage } from './pages/overview-page';
import { QueuePage } from './pages/queue-page';

test('opening a candidate shows its overview with sources and verified files', async ({ page, host }) => {
  const queue = new QueuePage(page);
  await queue.goto(host.url);
  const summaries = await page.evaluate(async () => {
    const result = await window.workstation.candidates.list({});
    return result.ok ? result.value : [];
  });
  // Pick a candidate with a backflow source so the flag is exercised.
  const target = summaries.find((s) => s.backflowSources > 0) ?? summaries[0]!;
  await queue.row(target.id, target.revision).click();

  const overview = new OverviewPage(page);
  await expect(overview.root).toBeVisible();
  await expect(overview.productName).toHaveText(target.productName);
  await expect(overview.root).toContainText(target.operatorName);
  await expect(overview.root).toContainText(target.recipientName);
  await expect(overview.root).toContainText(target.scenarioId);
  await expect(overview.root).toContainText(target.digest);
  await expect(overview.files.locator('tbody tr')).toHaveCount(target.fileCount);
  await expect(overview.files.locator('[data-testid="digest-status"][data-status="verified"]')).toHaveCount(target.fileCount * 2);
  const sources = overview.sources.locator('tbody tr');
  expect(await sources.count()).toBeGreaterThan(0);
  if (target.backflowSources > 0) {
    await expect(overview.sources.locator('[data-testid="source-backflow"][data-value="true"]')).toHaveCount(target.backflowSources);
  }

  await page.keyboard.press('Escape');
  await expect(queue.table).toBeVisible();
});
