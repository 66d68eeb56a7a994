/** Page object for the Preview tab of a candidate: scan progress, files, workbook sheets, grid, profile, reveal, text and OpenAPI. */
import { expect, type Locator, type Page } from '@playwright/test';

export class PreviewPage {
  readonly tab: Locator;
  readonly overviewTab: Locator;
  readonly panel: Locator;
  readonly scan: Locator;
  readonly scanCancel: Locator;
  readonly scanStart: Locator;
  readonly files: Locator;
  readonly sheetSwitcher: Locator;
  readonly sheets: Locator;
  readonly sheetNotice: Locator;
  readonly table: Locator;
  readonly grid: Locator;
  readonly rows: Locator;
  readonly jump: Locator;
  readonly detectorFilter: Locator;
  readonly selection: Locator;
  readonly profile: Locator;
  readonly revealOpen: Locator;
  readonly revealDialog: Locator;
  readonly revealReason: Locator;
  readonly revealSubmit: Locator;
  readonly revealed: Locator;
  readonly text: Locator;
  readonly textHits: Locator;
  readonly openApi: Locator;
  readonly watermark: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByTestId('candidate-tab-preview');
    this.overviewTab = page.getByTestId('candidate-tab-overview');
    this.panel = page.getByTestId('preview-panel');
    this.scan = page.getByTestId('scan-progress');
    this.scanCancel = page.getByTestId('scan-cancel');
    this.scanStart = page.getByTestId('scan-start');
    this.files = page.getByTestId('preview-file');
    this.sheetSwitcher = page.getByTestId('sheet-switcher');
    this.sheets = page.getByTestId('preview-sheet');
    this.sheetNotice = page.getByTestId('sheet-notice');
    this.table = page.getByTestId('table-preview');
    this.grid = page.getByTestId('preview-grid');
    this.rows = page.getByTestId('grid-row');
    this.jump = page.getByTestId('grid-jump');
    this.detectorFilter = page.getByTestId('grid-detector-filter');
    this.selection = page.getByTestId('grid-selection');
    this.profile = page.getByTestId('profile-panel');
    this.revealOpen = page.getByTestId('reveal-open');
    this.revealDialog = page.getByTestId('reveal-dialog');
    this.revealReason = page.getByTestId('reveal-reason');
    this.revealSubmit = page.getByTestId('reveal-submit');
    this.revealed = page.locator('[data-testid="grid-cell"][data-revealed="true"]');
    this.text = page.getByTestId('text-preview');
    this.textHits = page.getByTestId('text-hit');
    this.openApi = page.getByTestId('openapi-preview');
    this.watermark = page.getByTestId('watermark');
  }

  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.panel).toBeVisible();
  }

  /** Waits until the scan has finished (the files are listed then). */
  async waitForScan(): Promise<void> {
    await expect(this.scan).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  }

  file(path: string): Locator {
    return this.page.locator(`[data-testid="preview-file"][data-file="${path}"]`);
  }

  /** The tab of a workbook's sheet in the sheet switcher. */
  sheet(name: string): Locator {
    return this.sheetSwitcher.locator(`[data-testid="preview-sheet"][data-sheet="${name}"]`);
  }

  /** Opens a sheet of the open workbook and waits for its grid. */
  async openSheet(name: string): Promise<void> {
    await this.sheet(name).click();
    await expect(this.sheet(name)).toHaveAttribute('aria-selected', 'true');
    await expect(this.table).toHaveAttribute('data-sheet', name);
  }

  row(row: number): Locator {
    return this.page.locator(`[data-testid="grid-row"][data-row="${row}"]`);
  }

  /** The rendered cells of a column (only rows near the viewport exist). */
  cells(column: string): Locator {
    return this.grid.locator(`[data-testid="grid-cell"][data-column="${column}"]`);
  }

  cell(row: number, column: string): Locator {
    return this.row(row).locator(`[data-testid="grid-cell"][data-column="${column}"]`);
  }

  header(column: string): Locator {
    return this.page.locator(`[data-testid="grid-header"][data-column="${column}"]`).getByTestId('grid-header-button');
  }

  /** Drags the resize handle of a column header by `dx` pixels. */
  async resize(column: string, dx: number): Promise<void> {
    const handle = this.page.locator(`[data-testid="grid-header"][data-column="${column}"]`).getByTestId('grid-resizer');
    const box = await handle.boundingBox();
    if (!box) throw new Error(`no resize handle for ${column}`);
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2, { steps: 5 });
    await this.page.mouse.up();
  }

  async headerWidth(column: string): Promise<number> {
    const box = await this.page.locator(`[data-testid="grid-header"][data-column="${column}"]`).boundingBox();
    return box?.width ?? 0;
  }

  async jumpTo(row: number): Promise<void> {
    await this.jump.fill(String(row));
    await this.jump.press('Enter');
  }

  async rowCount(): Promise<number> {
    return Number(await this.grid.getAttribute('data-rows'));
  }

  /** Texts of every rendered cell. */
  async cellTexts(): Promise<string[]> {
    return this.grid.locator('[data-testid="grid-cell"]').evaluateAll((cells) => cells.map((c) => c.textContent));
  }

  /** Selects cells: a plain click on the first, Ctrl-click on the others. */
  async select(cells: Locator[]): Promise<void> {
    for (const [i, cell] of cells.entries()) await cell.click(i === 0 ? {} : { modifiers: ['ControlOrMeta'] });
  }

  async reveal(reason: string): Promise<void> {
    await this.revealOpen.click();
    await expect(this.revealDialog).toBeVisible();
    await this.revealReason.fill(reason);
    await this.revealSubmit.click();
    await expect(this.revealDialog).toBeHidden();
  }
}
