// The Preview tab against the browser host: opening a candidate scans it in the background,
// the grid shows rows masked in main (never a clear identifier), jumps to a row, shows a
// column profile, and reveals selected cells for this view only; the scan can be cancelled;
// text files show their masked identifiers and an OpenAPI spec its operations.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { PreviewPage } from './pages/preview-page';
import { QueuePage } from './pages/queue-page';

const MASKED_MOBILE = /^1\d{2}\*{4}\d{4}$/;
const CLEAR_MOBILE = /1[3-9]\d{9}/;
const CLEAR_RESIDENT_ID = /\d{17}[\dX]/;

/** Every string the page keeps in IndexedDB, localStorage and sessionStorage, as one text. */
async function storedText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    for (const storage of [localStorage, sessionStorage]) {
      for (let i = 0; i < storage.length; i++) parts.push(storage.getItem(storage.key(i) ?? '') ?? '');
    }
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(new Error(String(request.error)));
      });
      for (const store of [...db.objectStoreNames]) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store, 'readonly').objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(new Error(String(request.error)));
        });
        parts.push(JSON.stringify(rows));
      }
      db.close();
    }
    return parts.join('\n');
  });
}

/** Opens the legal representatives table of EC-2026-001002 in the Preview tab, once scanned. */
async function openLegalRepresentatives(page: Page, url: string): Promise<PreviewPage> {
  const queue = new QueuePage(page);
  await queue.goto(url);
  await queue.row('EC-2026-001002', 1).click();
  const preview = new PreviewPage(page);
  await preview.open();
  await preview.waitForScan();
  await preview.file('data/legal_representatives.csv').click();
  return preview;
}

test('the grid shows masked rows, jumps, profiles a column and reveals cells for this view only', async ({ page, host }) => {
  const preview = await openLegalRepresentatives(page, host.url);
  await expect(preview.grid).toBeVisible();
  await expect(preview.watermark.first()).toBeVisible();
  await expect(preview.watermark.first()).toHaveAttribute('data-reviewer', /.+/);

  // Phones are masked in main for display: the candidate carries them in clear.
  const phones = preview.cells('legal_rep_phone');
  await expect(phones.first()).toHaveAttribute('data-state', 'masked-for-display');
  const shown = await phones.evaluateAll((cells) => cells.map((c) => ({ text: c.textContent, state: c.getAttribute('data-state') })));
  expect(shown.length).toBeGreaterThan(5);
  for (const cell of shown) {
    expect(cell.text).toMatch(MASKED_MOBILE);
    expect(cell.state).toBe('masked-for-display');
  }
  await expect(preview.cells('legal_rep_id').first()).toHaveAttribute('data-state', 'masked-for-display');
  for (const text of await preview.cellTexts()) {
    expect(text).not.toMatch(CLEAR_MOBILE);
    expect(text).not.toMatch(CLEAR_RESIDENT_ID);
  }

  // Columns resize by their header's handle; the cells follow.
  const before = await preview.headerWidth('district');
  await preview.resize('district', 60);
  await expect.poll(() => preview.headerWidth('district')).toBeGreaterThan(before + 40);
  const cellBox = await preview.cells('district').first().boundingBox();
  expect(Math.abs((cellBox?.width ?? 0) - (await preview.headerWidth('district')))).toBeLessThan(2);

  // Jump to row 100 (or the last row of a shorter table).
  const rows = await preview.rowCount();
  expect(rows).toBeGreaterThan(20);
  const target = Math.min(100, rows);
  await expect(preview.row(target)).toHaveCount(0);
  await preview.jumpTo(target);
  await expect(preview.row(target)).toBeInViewport();
  await expect(preview.cell(target, 'legal_rep_phone')).toHaveText(MASKED_MOBILE);

  // The column profile.
  await preview.header('legal_rep_phone').click();
  await expect(preview.profile).toBeVisible();
  await expect(preview.profile).toHaveAttribute('data-column', 'legal_rep_phone');
  await expect(preview.profile.locator('[data-testid="profile-detector"][data-detector="cn-mobile"]')).toBeVisible();

  // Select two phone cells and reveal them with a reason.
  const first = preview.cell(target - 1, 'legal_rep_phone');
  const second = preview.cell(target - 2, 'legal_rep_phone');
  await preview.select([first, second]);
  await expect(preview.selection).toHaveAttribute('data-count', '2');
  await preview.reveal('核对法定代表人手机号');
  await expect(preview.revealed).toHaveCount(2);
  for (const cell of [first, second]) {
    await expect(cell).toHaveAttribute('data-revealed', 'true');
    await expect(cell).toHaveText(/^1[3-9]\d{9}$/);
  }
  await expect(page.locator('[data-testid="notice"][data-tone="success"]')).toBeVisible();
  const values = await Promise.all([first.textContent(), second.textContent()]);
  // The reveal is in the audit log: who, which cells, why — and not the values themselves.
  const audit = await page.evaluate(async () => {
    const result = await window.workstation.audit.recent({ limit: 5 });
    return result.ok ? result.value : null;
  });
  expect(audit?.chainValid).toBe(true);
  const event = audit!.events.at(-1)!;
  expect(event.action).toBe('reveal');
  expect(event.target).toBe('EC-2026-001002@1');
  expect(event.detail).toMatchObject({ reason: '核对法定代表人手机号' });
  expect((event.detail as { cells: unknown[] }).cells).toHaveLength(2);
  for (const value of values) expect(JSON.stringify(audit)).not.toContain(value!);
  // The values live in the view only: nothing the page stores holds them.
  const stored = await storedText(page);
  for (const value of values) expect(stored).not.toContain(value!);

  // Leaving the file and coming back shows masked values again.
  await preview.overviewTab.click();
  await expect(preview.grid).toHaveCount(0);
  await preview.open();
  await expect(preview.grid).toBeVisible();
  await expect(preview.revealed).toHaveCount(0);
  await preview.jumpTo(target);
  await expect(preview.cell(target - 1, 'legal_rep_phone')).toHaveText(MASKED_MOBILE);
  await expect(preview.cell(target - 2, 'legal_rep_phone')).toHaveText(MASKED_MOBILE);
  await expect(preview.cell(target - 1, 'legal_rep_phone')).not.toHaveAttribute('data-revealed', 'true');
});

test('a running scan can be cancelled and started again', async ({ page, host }) => {
  const queue = new QueuePage(page);
  await queue.goto(host.url);
  // Record, at every change of the page, the scan state shown and whether Cancel was there.
  await page.evaluate(() => {
    const seen: { state: string | null; cancel: boolean }[] = [];
    (window as unknown as { scanSeen: typeof seen }).scanSeen = seen;
    new MutationObserver(() => {
      const state = document.querySelector('[data-testid="scan-progress"]')?.getAttribute('data-state') ?? null;
      seen.push({ state, cancel: document.querySelector('[data-testid="scan-cancel"]') !== null });
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await queue.row('EC-2026-001001', 1).click();
  const preview = new PreviewPage(page);
  await preview.open();
  await expect(preview.scan).toHaveAttribute('data-state', /^(running|done)$/);
  if (await preview.scanCancel.isVisible()) await preview.scanCancel.click({ timeout: 2000 }).catch(() => undefined);
  // A small demo candidate may be scanned before the click lands.
  await expect(preview.scan).toHaveAttribute('data-state', /^(cancelled|done)$/);

  if ((await preview.scan.getAttribute('data-state')) === 'done') {
    // Scan again through the bridge and cancel at once, until a cancel lands mid-scan.
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const ref = { id: 'EC-2026-001001', revision: 1 };
            await window.workstation.scan.start(ref);
            await window.workstation.scan.cancel(ref);
            // A cancel that lands after the last worker finished still ends "done": wait for the end.
            for (;;) {
              const status = await window.workstation.scan.status(ref);
              if (!status.ok) return 'error';
              if (status.value.state !== 'running') return status.value.state;
              await new Promise((resolve) => setTimeout(resolve, 50));
            }
          }),
        { timeout: 20_000 },
      )
      .toBe('cancelled');
  }
  await expect(preview.scan).toHaveAttribute('data-state', 'cancelled');
  await expect(preview.scanCancel).toHaveCount(0);
  await expect(preview.scanStart).toBeVisible();

  const seen = await page.evaluate(() => (window as unknown as { scanSeen: { state: string | null; cancel: boolean }[] }).scanSeen);
  expect(seen.length).toBeGreaterThan(0);
  for (const { state, cancel } of seen) expect(cancel, `state ${state}`).toBe(state === 'running');

  await preview.scanStart.click();
  await preview.waitForScan();
  await expect(preview.scanCancel).toHaveCount(0);
  await expect(preview.files.first()).toBeVisible();
});

test('text files show masked identifiers, and an OpenAPI spec its operations', async ({ page, host }) => {
  const queue = new QueuePage(page);
  await queue.goto(host.url);
  await queue.row('EC-2026-001012', 1).click();
  const preview = new PreviewPage(page);
  await preview.open();
  await preview.waitForScan();
  await preview.file('api/openapi.json').click();
  await expect(preview.text).toBeVisible();
  await expect(preview.textHits.first()).toBeVisible();
  expect(await preview.textHits.count()).toBeGreaterThan(0);
  await expect(preview.watermark.first()).toBeVisible();
  await expect(preview.openApi).toBeVisible();
  const operation = preview.openApi.locator('[data-testid="openapi-operation"][data-method="get"]');
  await expect(operation).toHaveAttribute('data-path', '/enterprises/{credit_code}/score');
  await expect(operation.locator('[data-testid="openapi-property"][data-name="legal_rep_phone"]')).toBeVisible();
  const texts = await preview.text.locator('[data-testid="text-line"]').evaluateAll((lines) => lines.map((l) => l.textContent));
  for (const text of texts) expect(text).not.toMatch(CLEAR_MOBILE);
});

test('every frame of a scroll shows the rows of its own position, and scrolling keeps the row elements', async ({ page, host }) => {
  const preview = await openLegalRepresentatives(page, host.url);
  await expect(preview.cells('legal_rep_phone').first()).toHaveAttribute('data-state', 'masked-for-display');
  await preview.grid.evaluate((grid) => (grid.scrollTop = 28 * 10));
  await expect(preview.row(12)).toBeVisible();

  // Scroll as a wheel and a dragged scrollbar do — between frames — and look at the rows in the
  // animation frame that follows, before it is painted: the rows on screen must be there.
  const result = await preview.grid.evaluate(
    (grid, { rowHeight, headerHeight }) =>
      new Promise<{ missing: string[]; framesMissing: number; removed: number; created: number; frames: number }>((resolve) => {
        const rowCount = Number(grid.getAttribute('data-rows'));
        const before = [...grid.querySelectorAll('.grid-row')];
        const max = grid.scrollHeight - grid.clientHeight;
        // Down by a few rows at a time, then jumps of a screen and more, then back up.
        const positions = [...[1, 2, 3, 4, 5, 6].map((i) => 280 + i * 90), 1400, 2600, max, 900, 300, 0].map((y) => Math.min(max, y));
        const missing: string[] = [];
        let framesMissing = 0;
        let step = 0;
        const check = () => {
          const first = Math.floor(grid.scrollTop / rowHeight) + 1;
          const last = Math.min(rowCount, Math.ceil((grid.scrollTop + grid.clientHeight - headerHeight) / rowHeight));
          const shown = new Set([...grid.querySelectorAll<HTMLElement>('[data-testid="grid-row"]')].map((row) => Number(row.dataset.row)));
          const missingBefore = missing.length;
          for (let row = first; row <= last; row++) if (!shown.has(row)) missing.push(`row ${row} at scrollTop ${grid.scrollTop}`);
          if (missing.length > missingBefore) framesMissing++;
          if (step === positions.length) {
            const after = new Set(grid.querySelectorAll('.grid-row'));
            resolve({ missing, framesMissing, removed: before.filter((row) => !after.has(row)).length, created: [...after].filter((row) => !before.includes(row)).length, frames: step });
            return;
          }
          const to = positions[step++]!;
          setTimeout(() => {
            grid.scrollTop = to;
            requestAnimationFrame(check);
          }, 0);
        };
        requestAnimationFrame(check);
      }),
    { rowHeight: 28, headerHeight: 32 },
  );
  expect(result.frames).toBe(12);
  // Rendered in the scroll event, every frame has its rows; rendered a frame late, every frame
  // misses some (12 of 12, 73 rows). A loaded CI machine has once delayed a scroll event past its
  // frame in 2 of 12 frames (a couple of rows at the bottom edge), so that much is tolerated
  // here; the bench counts such frames over thousands (`npm run bench`).
  expect(result.framesMissing, result.missing.join('; ')).toBeLessThanOrEqual(2);
  // Rows scrolled in took the elements of rows scrolled out: none was removed, and at most a
  // couple were added (the window grows by the rows kept beyond its top edge once off the top).
  expect(result.removed).toBe(0);
  expect(result.created).toBeLessThanOrEqual(3);
  await expect(preview.rows.first()).toBeVisible();
});
