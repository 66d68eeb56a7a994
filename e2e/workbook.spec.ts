// An Excel workbook in the Preview tab against the browser host: the workbook is one file with
// a sheet switcher; the declared sheet opens first, with its hidden row and column marked; the
// hidden sheet is labelled hidden, reachable by keyboard, and its clear phone numbers are masked
// for display; a reveal on it names the sheet in the audit log.
import { test, expect } from './fixtures';
import { PreviewPage } from './pages/preview-page';
import { QueuePage } from './pages/queue-page';

const WORKBOOK = 'data/企业名录.xlsx';
const MASKED_MOBILE = /^1\d{2}\*{4}\d{4}$/;
const CLEAR_MOBILE = /1[3-9]\d{9}/;

test('a workbook is previewed sheet by sheet, its hidden sheet labelled and masked', async ({ page, host }) => {
  const queue = new QueuePage(page);
  await queue.goto(host.url);
  await queue.row('EC-2026-001018', 1).click();

  const preview = new PreviewPage(page);
  await preview.open();
  await preview.waitForScan();
  await preview.file(WORKBOOK).click();
  await expect(preview.file(WORKBOOK)).toHaveAttribute('data-kind', 'workbook');
  await expect(preview.file(WORKBOOK).getByTestId('preview-file-hidden-sheets')).toBeVisible();

  // Every sheet has a tab, in workbook order; the declared sheet is open first.
  await expect(preview.sheets).toHaveCount(3);
  expect(await preview.sheets.evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-sheet')))).toEqual(['企业名录', '联系人', '填表说明']);
  await expect(preview.sheet('企业名录')).toHaveAttribute('aria-selected', 'true');
  await expect(preview.sheet('企业名录')).toHaveAttribute('data-declared', 'true');
  await expect(preview.table).toHaveAttribute('data-sheet', '企业名录');
  await expect(preview.grid).toBeVisible();

  // What Excel hides on the declared sheet is marked: the phone column and row 7.
  await expect(preview.sheetNotice).toBeVisible();
  await expect(page.locator('[data-testid="grid-header"][data-column="legal_rep_phone"]')).toHaveAttribute('data-hidden-in-excel', 'true');
  await expect(preview.row(7)).toHaveAttribute('data-hidden-in-excel', 'true');
  await expect(preview.cells('legal_rep_phone').first()).toHaveAttribute('data-state', 'masked-by-candidate');

  // The hidden sheet is labelled hidden and reached from the keyboard (arrow to the next tab).
  await expect(preview.sheet('联系人')).toHaveAttribute('data-state', 'hidden');
  await expect(preview.sheet('联系人').getByTestId('preview-sheet-hidden')).toBeVisible();
  await preview.sheet('企业名录').focus();
  await page.keyboard.press('ArrowRight');
  await expect(preview.sheet('联系人')).toBeFocused();
  await expect(preview.sheet('联系人')).toHaveAttribute('aria-selected', 'true');
  await expect(preview.table).toHaveAttribute('data-sheet', '联系人');
  await expect(preview.sheetNotice).toHaveAttribute('data-state', 'hidden');

  // Its clear phone numbers are masked in main for display; no clear number reaches the page.
  const phones = preview.cells('contact_phone');
  await expect(phones.first()).toHaveAttribute('data-state', 'masked-for-display');
  const shown = await phones.evaluateAll((cells) => cells.map((c) => c.textContent));
  expect(shown.length).toBeGreaterThan(5);
  for (const text of shown) expect(text).toMatch(MASKED_MOBILE);
  for (const text of await preview.cellTexts()) expect(text).not.toMatch(CLEAR_MOBILE);

  // A reveal on the hidden sheet is audited with the sheet named.
  await preview.select([preview.cell(1, 'contact_phone')]);
  await preview.reveal('核对隐藏工作表中的联系电话');
  await expect(preview.cell(1, 'contact_phone')).toHaveText(/^1[3-9]\d{9}$/);
  const audit = await page.evaluate(async () => {
    const result = await window.workstation.audit.recent({ limit: 1 });
    return result.ok ? result.value.events.at(-1) : null;
  });
  expect(audit?.detail).toMatchObject({ file: WORKBOOK, sheet: '联系人', reason: '核对隐藏工作表中的联系电话' });

  // Home goes back to the first sheet; the reveal does not survive leaving the sheet.
  await preview.sheet('联系人').focus();
  await page.keyboard.press('Home');
  await expect(preview.table).toHaveAttribute('data-sheet', '企业名录');
  await preview.openSheet('联系人');
  await expect(preview.cell(1, 'contact_phone')).toHaveText(MASKED_MOBILE);
});
