// The Diff tab (features/diff) against the browser host and the demo workspace: the scope diff
// shows the unauthorized field of EC-2026-001007 and filters to problems; the conformance diff
// of EC-2026-001002 shows its clear phones as non-conforming with markers where they differ,
// filters and jumps to a row; declarations vs detections flag clear values and a column
// declared public that holds personal data; the revision diff shows r1 → r2 of EC-2026-001001;
// a finding opens the view it belongs to. No view ever shows a clear mobile number.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { CLEAR_MOBILE, DiffPage } from './pages/diff-page';
import { QueuePage } from './pages/queue-page';

const MASKED_MOBILE = /^1\d{2}\*{4}\d{4}$/;

async function openDiff(page: Page, url: string, id: string, revision = 1): Promise<DiffPage> {
  const queue = new QueuePage(page);
  await queue.goto(url);
  await queue.row(id, revision).click();
  const diff = new DiffPage(page);
  await diff.open();
  return diff;
}

async function expectNoClearMobile(diff: DiffPage): Promise<void> {
  expect(await diff.pageText()).not.toMatch(CLEAR_MOBILE);
}

test('the scope diff shows the unauthorized field beside the authorized ones and filters to problems', async ({ page, host }) => {
  const diff = await openDiff(page, host.url, 'EC-2026-001007');
  await expect(diff.panel).toHaveAttribute('data-view', 'scope');
  await expect(diff.viewButton('scope')).toHaveAttribute('aria-selected', 'true');

  const unauthorized = diff.scopeRow('reg_address');
  await expect(unauthorized).toHaveAttribute('data-status', 'unauthorized');
  await expect(unauthorized).toContainText('未授权');
  await expect(unauthorized).toContainText('策略未授权此字段');
  await expect(diff.scopeRow('credit_code', 'ZJ-SCJG-0012')).toHaveAttribute('data-status', 'ok');
  await expect(diff.scopeCount('unauthorized')).toHaveAttribute('data-count', '1');
  // Fields the policy authorizes but the candidate does not use are listed too.
  await expect(diff.page.locator('[data-testid="scope-row"][data-status="unused"]').first()).toBeVisible();
  const all = await diff.scopeRows.count();

  await diff.problemsOnly.check();
  await expect(diff.scopeRows).toHaveCount(1);
  await expect(diff.scopeRows.first()).toHaveAttribute('data-field', 'reg_address');
  await diff.problemsOnly.uncheck();
  await expect(diff.scopeRows).toHaveCount(all);

  // Its finding marks the field's row.
  await expect(diff.scopeRow('reg_address')).not.toHaveAttribute('data-target', 'true');
  await page.locator('[data-testid="finding"][data-rule="scope.unauthorized-field"] [data-testid="finding-open"]').click({ timeout: 40_000 });
  await expect(diff.scopeRow('reg_address')).toHaveAttribute('data-target', 'true');
  await expect(diff.scopeRow('reg_address')).toBeInViewport();

  // The switch is a tab list: arrows move between the views.
  await diff.viewButton('scope').focus();
  await page.keyboard.press('ArrowRight');
  await expect(diff.panel).toHaveAttribute('data-view', 'conformance');
  await expect(diff.viewButton('conformance')).toBeFocused();
  await expectNoClearMobile(diff);
});

test('the conformance diff marks clear phones, filters, jumps to a row; declarations vs detections flag them', async ({ page, host }) => {
  const diff = await openDiff(page, host.url, 'EC-2026-001002');
  await diff.show('conformance');
  // The scan runs in the background; the view waits for it, then shows the table.
  await expect(diff.summaryRows.first()).toBeVisible({ timeout: 30_000 });
  await diff.pickTable('data/legal_representatives.csv');
  await expect(diff.summaryRow('legal_rep_phone')).toHaveAttribute('data-nonconforming', '80');
  await expect(diff.summaryRow('credit_code')).toHaveAttribute('data-nonconforming', '0');

  await diff.pickColumn('legal_rep_phone');
  await expect(diff.conformanceRow(1)).toBeVisible();
  await expect(diff.conformanceRow(1)).toHaveAttribute('data-conforming', 'false');
  await expect(diff.conformanceRow(1)).toContainText('不一致');
  const candidate = await diff.sideTexts('candidate');
  const required = await diff.sideTexts('required');
  expect(candidate.length).toBeGreaterThan(5);
  for (const text of candidate) {
    expect(text).toContain('●');
    expect(text).not.toMatch(CLEAR_MOBILE);
  }
  for (const text of required) expect(text).toMatch(MASKED_MOBILE);
  // The highlight is in words too, for screen readers.
  await expect(diff.conformanceRow(1).locator('mark.seg-differs .visually-hidden').first()).toHaveText(/不一致/);

  // Resident IDs: the candidate side shows no character the required form does not show at that place.
  await diff.pickColumn('legal_rep_id');
  await expect(diff.conformanceRow(1)).toBeVisible();
  const ids = await diff.sideTexts('candidate');
  const idForms = await diff.sideTexts('required');
  expect(ids.length).toBeGreaterThan(5);
  ids.forEach((text, i) => {
    const form = Array.from(idForms[i] ?? '');
    Array.from(text).forEach((ch, j) => {
      if (ch !== '●') expect(form[j], `row ${i + 1} position ${j + 1}`).toBe(ch);
    });
  });
  await diff.pickColumn('legal_rep_phone');

  // Start at row 40: it is the first row, marked as the target.
  await diff.jumpTo(40);
  await expect(diff.page.getByTestId('conformance-rows')).toHaveAttribute('data-start', '40');
  await expect(diff.conformanceRow(40)).toHaveAttribute('data-target', 'true');
  await expect(diff.conformanceRow(40)).toBeInViewport();
  await expect(diff.conformanceRow(39)).toHaveCount(0);
  await diff.page.getByTestId('conformance-from-start').click();
  await expect(diff.conformanceRow(1)).toBeVisible();

  // Only non-conforming rows: every phone; a public column has none.
  await diff.onlyNonconforming.check();
  await expect(diff.conformanceRow(1)).toBeVisible();
  expect(await diff.conformanceRows.evaluateAll((rows) => rows.every((r) => r.getAttribute('data-conforming') === 'false'))).toBe(true);
  await diff.pickColumn('credit_code');
  await expect(diff.page.getByTestId('conformance-none')).toBeVisible();
  await expectNoClearMobile(diff);

  // Declarations vs detections of the same table.
  await diff.show('declarations');
  await expect(diff.tablePicker).toHaveValue('data/legal_representatives.csv');
  await expect(diff.declarationRow('legal_rep_phone')).toHaveAttribute('data-mismatches', /clear-values/);
  await expect(diff.declarationRow('legal_rep_phone').getByTestId('declaration-detected').first()).toHaveAttribute('data-detector', 'cn-mobile');
  await expect(diff.declarationRow('legal_rep_phone').getByTestId('declaration-method')).toContainText('不可逆');
  await expect(diff.declarationRow('credit_code')).toHaveAttribute('data-mismatches', '');
  const columns = await diff.declarationRows.count();
  await diff.mismatchesOnly.check();
  await expect(diff.declarationRows).not.toHaveCount(columns);
  expect(await diff.declarationRows.evaluateAll((rows) => rows.every((r) => (r.getAttribute('data-mismatches') ?? '') !== ''))).toBe(true);
  await expectNoClearMobile(diff);
});

test('clicking a finding opens the diff view it belongs to, on its table and column', async ({ page, host }) => {
  const diff = await openDiff(page, host.url, 'EC-2026-001002');
  await expect(diff.panel).toHaveAttribute('data-view', 'scope');
  // The findings pane beside the diff lists them once the scan has run.
  const finding = page.locator('[data-testid="finding"][data-rule="pii.unmasked"]').filter({ hasText: 'legal_rep_phone' });
  await finding.getByTestId('finding-open').click({ timeout: 40_000 });
  await expect(diff.panel).toHaveAttribute('data-view', 'conformance');
  await expect(diff.tablePicker).toHaveValue('data/legal_representatives.csv');
  await expect(diff.page.getByTestId('conformance-rows')).toHaveAttribute('data-column', 'legal_rep_phone');
  await expect(diff.summaryRow('legal_rep_phone')).toHaveAttribute('aria-selected', 'true');
  await expect(diff.conformanceRow(1)).toBeVisible();
  await expectNoClearMobile(diff);
});

test('declarations vs detections flag credit codes declared public that are a sole trader’s', async ({ page, host }) => {
  const diff = await openDiff(page, host.url, 'EC-2026-001016');
  await diff.show('declarations');
  const row = diff.declarationRow('credit_code');
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row).toHaveAttribute('data-mismatches', /personal-detected/);
  await expect(row.getByTestId('declaration-mismatch').first()).toContainText('公开数据');
  await expect(row.locator('[data-testid="declaration-detected"][data-detector="uscc-sole-trader"]')).toBeVisible();
});

test('the revision diff shows revision 1 → 2 field by field and file by file, and says when there is no previous revision', async ({ page, host }) => {
  const diff = await openDiff(page, host.url, 'EC-2026-001001', 2);
  await diff.show('revision');
  await expect(diff.revisionNotice).toHaveAttribute('data-notice', 'chain-intact');
  await expect(diff.manifestRows.first()).toBeVisible();
  await expect(diff.page.locator('[data-testid="revision-manifest-row"][data-field="revision"]')).toContainText('2');

  const table = diff.revisionFile('data/enterprise_scores.csv');
  await expect(table).toHaveAttribute('data-status', 'changed');
  await expect(table.locator('[data-testid="revision-row"][data-kind="changed"]')).toHaveCount(8);
  await expect(table.locator('[data-testid="revision-row"][data-kind="added"]')).toHaveCount(6);
  await expect(table.getByTestId('revision-cell-changed').first()).toHaveAttribute('data-column', 'employees_band');
  // Added rows are marked + in text, not by colour alone.
  await expect(table.locator('[data-testid="revision-row"][data-kind="added"] .diff-marker').first()).toContainText('+');

  const report = diff.revisionFile('report/说明.md');
  await expect(report).toHaveAttribute('data-status', 'changed');
  await expect(report.locator('[data-testid="revision-line"][data-kind="added"]').first()).toBeVisible();
  await expect(report.locator('[data-testid="revision-line"][data-kind="removed"]').first()).toBeVisible();
  await expect(report.locator('ins').first()).toBeVisible();
  await expectNoClearMobile(diff);

  // A revision.changed finding brings its file into view.
  await page.locator('[data-testid="finding"][data-rule="revision.changed"]').filter({ hasText: 'report/说明.md' }).getByTestId('finding-open').click({ timeout: 40_000 });
  await expect(report).toHaveAttribute('data-target', 'true');
  await expect(report).toBeInViewport();

  await page.keyboard.press('Escape');
  await new QueuePage(page).row('EC-2026-001001', 1).click();
  await diff.open();
  await diff.show('revision');
  await expect(diff.revisionNotice).toHaveAttribute('data-notice', 'no-previous');
  await expect(diff.revisionNotice).toContainText('第 1 版');
});

test('a broken revision chain is an alert, a failed view says why and retries, an empty filter says so', async ({ page, host }) => {
  // Main's answers replaced on the way (the renderer's handling is under test, not main's).
  await page.route('**/__host/ipc/review%3Arevision-diff', (route) =>
    route.fulfill({
      json: {
        ok: true,
        value: { id: 'EC-2026-001001', before: 1, after: 2, chainIntact: false, manifest: [{ field: 'previousRevisionDigest', before: null, after: 'sm3:00' }], files: [] },
      },
    }),
  );
  let failures = 1;
  await page.route('**/__host/ipc/review%3Ascope', async (route) => {
    if (failures-- > 0) await route.fulfill({ json: { ok: false, error: { code: 'ipc.internal', message: 'boom', params: { channel: 'review:scope' } } } });
    else await route.fallback();
  });
  const diff = await openDiff(page, host.url, 'EC-2026-001001', 2);
  await expect(diff.error).toBeVisible();
  await expect(diff.error).toContainText('review:scope');
  await diff.page.getByTestId('diff-retry').click();
  await expect(diff.scopeRows.first()).toBeVisible();
  // A clean candidate has no field with a problem: the filter says so instead of an empty table.
  await diff.problemsOnly.check();
  await expect(diff.page.getByTestId('scope-no-problems')).toBeVisible();
  await expect(diff.scopeRows).toHaveCount(0);

  await diff.show('revision');
  await expect(diff.revisionNotice).toHaveAttribute('data-notice', 'chain-broken');
  await expect(diff.revisionNotice).toHaveAttribute('role', 'alert');
  await expect(diff.page.getByTestId('revision-files')).toContainText('没有文件发生变化');
});
