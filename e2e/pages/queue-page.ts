/** Page object for the review queue: rows, search, filters, sorting, keyboard, import dialog. */
import { expect, type Locator, type Page } from '@playwright/test';

export class QueuePage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly search: Locator;
  readonly count: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('queue-table');
    this.rows = page.getByTestId('queue-row');
    this.search = page.getByTestId('queue-search');
    this.count = page.getByTestId('queue-count');
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.table).toBeVisible();
    await expect(this.rows.first()).toBeVisible();
  }

  async ids(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-candidate-id')}@${r.getAttribute('data-revision')}`));
  }

  row(id: string, revision = 1): Locator {
    return this.page.locator(`[data-testid="queue-row"][data-candidate-id="${id}"][data-revision="${revision}"]`);
  }

  /** Sets a filter; `null` shows everything again. */
  async filter(which: 'status' | 'kind' | 'operator', value: string | null): Promise<void> {
    const all = which === 'operator' ? '' : 'all';
    await this.page.getByTestId(`queue-filter-${which}`).selectOption(value ?? all);
  }

  /** The header cell of a column (it carries aria-sort). */
  header(columnId: string): Locator {
    return this.table.locator('th').filter({ has: this.page.getByTestId(`queue-sort-${columnId}`) });
  }

  async sortBy(columnId: string): Promise<void> {
    await this.page.getByTestId(`queue-sort-${columnId}`).click();
  }

  async openImport(): Promise<ImportDialog> {
    await this.page.getByTestId('import-open').click();
    const dialog = new ImportDialog(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }
}

export class ImportDialog {
  readonly root: Locator;
  readonly path: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('import-dialog');
    this.path = page.getByTestId('import-path');
    this.submit = page.getByTestId('import-submit');
    this.error = page.getByTestId('import-error');
  }

  async importPath(path: string): Promise<void> {
    await this.path.fill(path);
    await this.submit.click();
  }
}
