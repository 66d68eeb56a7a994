/** Page object for the findings of a candidate: the risk summary with the approval gate, the findings panel, the acknowledge and shortcuts dialogs. */
import { expect, type Locator, type Page } from '@playwright/test';

export class FindingsPage {
  readonly summary: Locator;
  readonly approve: Locator;
  readonly approveReason: Locator;
  readonly acknowledgedCount: Locator;
  readonly review: Locator;
  readonly pane: Locator;
  readonly paneToggle: Locator;
  readonly findings: Locator;
  readonly selected: Locator;
  readonly position: Locator;
  readonly next: Locator;
  readonly previous: Locator;
  readonly clauseCard: Locator;
  readonly dialog: Locator;
  readonly justification: Locator;
  readonly validation: Locator;
  readonly submit: Locator;
  readonly shortcuts: Locator;
  readonly tabs: { overview: Locator; preview: Locator; diff: Locator };

  constructor(readonly page: Page) {
    this.summary = page.getByTestId('risk-summary');
    this.approve = page.getByTestId('approve');
    this.approveReason = page.getByTestId('approve-reason');
    this.acknowledgedCount = page.getByTestId('risk-acknowledged');
    this.review = page.getByTestId('risk-review');
    this.pane = page.getByTestId('findings-pane');
    this.paneToggle = page.getByTestId('findings-pane-toggle');
    this.findings = page.getByTestId('finding');
    this.selected = page.locator('[data-testid="finding"]:has(> [data-testid="finding-open"][aria-current="true"])');
    this.position = page.getByTestId('finding-position');
    this.next = page.getByTestId('finding-next');
    this.previous = page.getByTestId('finding-previous');
    this.clauseCard = page.getByTestId('clause-card');
    this.dialog = page.getByTestId('acknowledge-dialog');
    this.justification = page.getByTestId('acknowledge-justification');
    this.validation = page.getByTestId('acknowledge-validation');
    this.submit = page.getByTestId('acknowledge-submit');
    this.shortcuts = page.getByTestId('shortcuts-dialog');
    this.tabs = {
      overview: page.getByTestId('candidate-tab-overview'),
      preview: page.getByTestId('candidate-tab-preview'),
      diff: page.getByTestId('candidate-tab-diff'),
    };
  }

  /** Waits until the checks have run (the scan starts when the candidate opens). */
  async waitForFindings(): Promise<void> {
    await expect(this.summary).not.toHaveAttribute('data-gate', /^(loading|not-scanned)$/, { timeout: 60_000 });
  }

  count(severity: 'block' | 'warn' | 'info'): Locator {
    return this.page.getByTestId(`risk-count-${severity}`);
  }

  /** The findings of a rule, optionally narrowed to one whose location mentions `text` (a column, a sheet). */
  finding(rule: string, text?: string): Locator {
    const all = this.page.locator(`[data-testid="finding"][data-rule="${rule}"]`);
    return text === undefined ? all : all.filter({ has: this.page.getByTestId('finding-location').filter({ hasText: text }) });
  }

  /** Clicks a finding (selects it and shows its location). */
  async open(finding: Locator): Promise<void> {
    await finding.getByTestId('finding-open').click();
    await expect(finding.getByTestId('finding-open')).toHaveAttribute('aria-current', 'true');
  }

  /** Acknowledges the (selected) finding with a justification through the dialog. */
  async acknowledge(finding: Locator, justification: string): Promise<void> {
    await finding.getByTestId('finding-acknowledge').click();
    await expect(this.dialog).toBeVisible();
    await this.justification.fill(justification);
    await this.submit.click();
  }
}
