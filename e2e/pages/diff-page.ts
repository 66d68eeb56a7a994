/** Page object for the Diff tab of a candidate (features/diff): the view switch and the four views. */
import { expect, type Locator, type Page } from '@playwright/test';

export type DiffViewName = 'scope' | 'conformance' | 'declarations' | 'revision';

/** A mainland mobile number in clear: 11 digits starting 13–19, not inside a longer number. */
export const CLEAR_MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

export class DiffPage {
  readonly tab: Locator;
  readonly panel: Locator;
  readonly loading: Locator;
  readonly error: Locator;
  readonly tablePicker: Locator;
  // Scope
  readonly scope: Locator;
  readonly scopeRows: Locator;
  readonly problemsOnly: Locator;
  // Conformance
  readonly conformance: Locator;
  readonly summaryRows: Locator;
  readonly conformanceRows: Locator;
  readonly conformanceList: Locator;
  readonly onlyNonconforming: Locator;
  readonly jump: Locator;
  // Declarations
  readonly declarations: Locator;
  readonly declarationRows: Locator;
  readonly mismatchesOnly: Locator;
  // Revision
  readonly revision: Locator;
  readonly revisionNotice: Locator;
  readonly manifestRows: Locator;
  readonly revisionFiles: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByTestId('candidate-tab-diff');
    this.panel = page.getByTestId('diff-panel');
    this.loading = page.getByTestId('diff-loading');
    this.error = page.getByTestId('diff-error');
    this.tablePicker = page.getByTestId('diff-table-picker');
    this.scope = page.getByTestId('scope-view');
    this.scopeRows = page.getByTestId('scope-row');
    this.problemsOnly = page.getByTestId('scope-problems-only');
    this.conformance = page.getByTestId('conformance-view');
    this.summaryRows = page.getByTestId('conformance-summary-row');
    this.conformanceRows = page.getByTestId('conformance-row');
    this.conformanceList = page.getByTestId('conformance-list');
    this.onlyNonconforming = page.getByTestId('conformance-only-nonconforming');
    this.jump = page.getByTestId('conformance-jump');
    this.declarations = page.getByTestId('declarations-view');
    this.declarationRows = page.getByTestId('declaration-row');
    this.mismatchesOnly = page.getByTestId('declarations-mismatches-only');
    this.revision = page.getByTestId('revision-view');
    this.revisionNotice = page.getByTestId('revision-notice');
    this.manifestRows = page.getByTestId('revision-manifest-row');
    this.revisionFiles = page.getByTestId('revision-file');
  }

  /** Opens the Diff tab of the open candidate. */
  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.panel).toBeVisible();
  }

  viewButton(view: DiffViewName): Locator {
    return this.page.getByTestId(`diff-view-${view}`);
  }

  async show(view: DiffViewName): Promise<void> {
    await this.viewButton(view).click();
    await expect(this.panel).toHaveAttribute('data-view', view);
  }

  /** Picks a table by file (a plain table's option value is its path). */
  async pickTable(file: string): Promise<void> {
    await this.tablePicker.selectOption(file);
  }

  /** A field's row; a field name can be in several datasets (pass one to tell them apart). */
  scopeRow(field: string, dataset?: string): Locator {
    return this.page.locator(`[data-testid="scope-row"][data-field="${field}"]${dataset === undefined ? '' : `[data-dataset="${dataset}"]`}`);
  }

  scopeCount(status: string): Locator {
    return this.page.locator(`[data-testid="scope-count"][data-status="${status}"]`);
  }

  summaryRow(column: string): Locator {
    return this.page.locator(`[data-testid="conformance-summary-row"][data-column="${column}"]`);
  }

  async pickColumn(column: string): Promise<void> {
    await this.summaryRow(column).getByRole('button').click();
    await expect(this.page.getByTestId('conformance-rows')).toHaveAttribute('data-column', column);
  }

  conformanceRow(row: number): Locator {
    return this.page.locator(`[data-testid="conformance-row"][data-row="${row}"]`);
  }

  /** The drawn text of one side of the rendered conformance rows (markers and required forms; the spoken labels left out). */
  async sideTexts(side: 'candidate' | 'required'): Promise<string[]> {
    return this.page.getByTestId(`conformance-${side}`).evaluateAll((cells) =>
      cells.map((cell) => [...cell.childNodes].map((node) => (node instanceof HTMLElement && node.tagName === 'MARK' ? (node.querySelector('[aria-hidden="true"]')?.textContent ?? '') : (node.textContent ?? ''))).join('')),
    );
  }

  async jumpTo(row: number): Promise<void> {
    await this.jump.fill(String(row));
    await this.jump.press('Enter');
  }

  declarationRow(column: string): Locator {
    return this.page.locator(`[data-testid="declaration-row"][data-column="${column}"]`);
  }

  revisionFile(path: string): Locator {
    return this.page.locator(`[data-testid="revision-file"][data-file="${path}"]`);
  }

  /** The text a person can read on the page (what a screenshot or screen reader would give away). */
  async pageText(): Promise<string> {
    return this.page.evaluate(() => document.body.innerText);
  }
}
