/**
 * Page object for signing: who signs (the header's user switcher, the demo first run), the
 * Decision tab of a candidate (state, signed decisions, the form), its seal panel and the
 * seal-use ledger.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class SigningPage {
  readonly identity: Locator;
  readonly firstRun: Locator;
  readonly switchDialog: Locator;
  readonly decisionTab: Locator;
  readonly decisionPanel: Locator;
  readonly state: Locator;
  readonly items: Locator;
  readonly form: Locator;
  readonly sign: Locator;
  readonly signReason: Locator;
  readonly signed: Locator;
  readonly comment: Locator;
  readonly seal: Locator;
  readonly sealRequests: Locator;
  readonly ledger: Locator;
  readonly ledgerRows: Locator;

  constructor(readonly page: Page) {
    this.identity = page.getByTestId('identity');
    this.firstRun = page.getByTestId('first-run-dialog');
    this.switchDialog = page.getByTestId('switch-user-dialog');
    this.decisionTab = page.getByTestId('candidate-tab-decision');
    this.decisionPanel = page.getByTestId('decision-panel');
    this.state = page.getByTestId('decision-state');
    this.items = page.getByTestId('decision-item');
    this.form = page.getByTestId('decision-form');
    this.sign = page.getByTestId('decision-sign');
    this.signReason = page.getByTestId('decision-sign-reason');
    this.signed = page.getByTestId('decision-signed');
    this.comment = page.getByTestId('decision-comment');
    this.seal = page.getByTestId('seal-panel');
    this.sealRequests = page.getByTestId('seal-request');
    this.ledger = page.getByTestId('ledger-view');
    this.ledgerRows = page.getByTestId('ledger-row');
  }

  /** Completes the demo first run in its open dialog. */
  async setUpDemo(passphrase: string): Promise<void> {
    await expect(this.firstRun).toBeVisible();
    await this.page.getByTestId('first-run-passphrase').fill(passphrase);
    await this.page.getByTestId('first-run-confirm').fill(passphrase);
    await this.page.getByTestId('first-run-submit').click();
    // Seven keys, each encrypted with scrypt (2^17), and seven signed records: give a loaded machine time.
    await expect(this.firstRun).toHaveCount(0, { timeout: 90_000 });
  }

  /** Opens the user menu and the passphrase dialog for `userId`. */
  async chooseUser(userId: string): Promise<void> {
    await this.page.getByTestId('identity-menu-button').click();
    await this.page.locator(`[data-testid="identity-user"][data-user-id="${userId}"]`).click();
    await expect(this.switchDialog).toBeVisible();
  }

  /** Switches to `userId` with their passphrase and waits until the header shows them unlocked. */
  async switchTo(userId: string, passphrase: string): Promise<void> {
    await this.chooseUser(userId);
    await this.page.getByTestId('switch-passphrase').fill(passphrase);
    await this.page.getByTestId('switch-submit').click();
    await expect(this.switchDialog).toHaveCount(0, { timeout: 30_000 });
    await expect(this.identity).toHaveAttribute('data-user-id', userId);
    await expect(this.identity).toHaveAttribute('data-state', 'unlocked');
  }

  outcome(outcome: string): Locator {
    return this.page.locator(`[data-testid="decision-outcome-option"][data-outcome="${outcome}"]`);
  }

  /** Chooses an outcome, writes the comment and signs; waits for main's answer. */
  async decide(outcome: string, comment: string): Promise<void> {
    await this.outcome(outcome).click();
    await this.comment.fill(comment);
    await this.sign.click();
    await expect(this.signed).toBeVisible({ timeout: 30_000 });
  }

  request(index = 0): Locator {
    return this.sealRequests.nth(index);
  }
}
