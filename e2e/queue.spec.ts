// The review queue on the demo workspace, in the real renderer build against the browser host:
// every demo candidate is listed, and search, filters, sorting and the keyboard work.
import { test, expect } from './fixtures';
import { OverviewPage } from './pages/overview-page';
import { QueuePage } from './pages/queue-page';

test('the queue lists every demo candidate imported through the import service', async ({ page, host }) => {
  const queue = new QueuePage(page);
  await queue.goto(host.url);
  const listed = await page.evaluate(async () => {
    const result = await window.workstation.candidates.list({});
    return result.ok ? result.value.map((c) => `${c.id}@${c.revision}`) : [];
  });
  expect(listed.length).toBeGreaterThanOrEqual(12);
  await expect(queue.rows).toHaveCount(listed.length);
  expect((await queue.ids()).sort()).toEqual([...listed].sort());
});

test('search, filters and sorting narrow and order the queue', async ({ page, host }) => {
  const queue = new QueuePage(page);
  await queue.goto(host.url);
  const all = await queue.rows.count();

  const summaries = await page.evaluate(async () => {
    const result = await window.workstation.candidates.list({});
    return result.ok ? result.value : [];
  });
  const target = summaries[0]!;

  // Free text matches the id.
  await queue.search.fill(target.id);
  await expect(queue.rows).toHaveCount(summaries.filter((s) => s.id.includes(target.id)).length);
  await expect(queue.row(target.id, target.revision)).toBeVisible();
  await queue.search.fill('no candidate is called this 不存在');
  await expect(queue.rows).toHaveCount(0);
  await expect(page.getByTestId('queue-no-match')).toBeVisible();
  await queue.search.fill('');
  await expect(queue.rows).toHaveCount(all);

  // Kind filter.
  await queue.filter('kind', 'data-report');
  const reports = summaries.filter((s) => s.kind === 'data-report').length;
  expect(reports).toBeGreaterThan(0);
  await expect(queue.rows).toHaveCount(reports);
  await queue.filter('kind', null);

  // Operator filter.
  await queue.filter('operator', target.operatorName);
  await expect(queue.rows).toHaveCount(summaries.filter((s) => s.operatorName === target.operatorName).length);
  await queue.filter('operator', null);

  // Status filter: nothing is in review until a candidate is opened.
  await queue.filter('status', 'in-review');
  await expect(queue.rows).toHaveCount(0);
  await queue.filter('status', 'pending');
  await expect(queue.rows).toHaveCount(all);
  await queue.filter('status', null);

  // Sorting by id, ascending then descending.
  const byId = summaries.map((s) => `${s.id}@${s.revision}`);
  await queue.sortBy('id');
  const ascending = await queue.ids();
  expect(ascending).toEqual([...byId].sort((a, b) => a.localeCompare(b, 'en')));
  await expect(queue.header('id')).toHaveAttribute('aria-sort', 'ascending');
  await queue.sortBy('id');
  expect(await queue.ids()).toEqual([...ascending].reverse());
  await expect(queue.header('id')).toHaveAttribute('aria-sort', 'descending');
});

test('the keyboard moves through the queue and Enter opens a candidate, which then shows as in review', async ({ page, host }) => {
  const queue = new QueuePage(page);
  await queue.goto(host.url);
  await queue.table.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const selected = page.locator('[data-testid="queue-row"][aria-selected="true"]');
  await expect(selected).toHaveCount(1);
  const id = await selected.getAttribute('data-candidate-id');
  const revision = await selected.getAttribute('data-revision');
  expect((await queue.ids()).indexOf(`${id}@${revision}`)).toBe(1);
  await page.keyboard.press('Enter');
  const overview = new OverviewPage(page);
  await expect(overview.root).toBeVisible();
  await expect(overview.root).toHaveAttribute('data-candidate-id', id!);
  await overview.back.click();
  await queue.filter('status', 'in-review');
  await expect(queue.rows).toHaveCount(1);
  await expect(queue.row(id!, Number(revision))).toBeVisible();
});
