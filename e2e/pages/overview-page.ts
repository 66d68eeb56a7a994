/** Page object for one candidate's overview. */
import type { Locator, Page } from '@playwright/test';

export class OverviewPage {
  readonly root: Locator;
  readonly productName: Locator;
  readonly files: Locator;
  readonly sources: Locator;
  readonly back: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('candidate-overview');
    this.productName = page.getByTestId('overview-product-name');
    this.files = page.getByTestId('overview-files');
    this.sources = page.getByTestId('overview-sources');
    this.back = page.getByTestId('overview-back');
  }
}
