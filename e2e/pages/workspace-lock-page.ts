/** Page object for the workspace lock screen: set a workspace passphrase, or unlock with it. */
import { expect, type Locator, type Page } from '@playwright/test';

export class WorkspaceLockPage {
  readonly root: Locator;
  readonly heading: Locator;
  readonly passphrase: Locator;
  readonly confirm: Locator;
  readonly show: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly wait: Locator;
  readonly strength: Locator;
  readonly unrecoverable: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('workspace-lock');
    this.heading = this.root.getByRole('heading', { level: 1 });
    this.passphrase = page.getByTestId('lock-passphrase');
    this.confirm = page.getByTestId('lock-confirm');
    this.show = page.getByTestId('lock-show');
    this.submit = page.getByTestId('lock-submit');
    this.error = page.getByTestId('lock-error');
    this.wait = page.getByTestId('lock-wait');
    this.strength = page.getByTestId('lock-strength');
    this.unrecoverable = page.getByTestId('lock-unrecoverable');
  }

  /** Opens the page and waits for the lock screen in the given mode. */
  async goto(url: string, mode: 'set' | 'unlock'): Promise<void> {
    await this.page.goto(url);
    await this.expectMode(mode);
  }

  async expectMode(mode: 'set' | 'unlock'): Promise<void> {
    await expect(this.root).toBeVisible();
    await expect(this.root).toHaveAttribute('data-mode', mode);
  }

  /** Types the passphrase twice (or `repeat` the second time) and submits with the keyboard. */
  async setPassphrase(passphrase: string, repeat = passphrase): Promise<void> {
    await this.passphrase.fill(passphrase);
    await this.confirm.fill(repeat);
    await this.confirm.press('Enter');
  }

  async unlock(passphrase: string): Promise<void> {
    await this.passphrase.fill(passphrase);
    await this.passphrase.press('Enter');
  }
}
