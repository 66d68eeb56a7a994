/** The bridge the e2e specs call inside the page (`page.evaluate`), typed from the contract. */
import type { Workstation } from '../shared/ipc/bridge';

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmenting the DOM's Window requires an interface
  interface Window {
    readonly workstation: Workstation;
  }
}
