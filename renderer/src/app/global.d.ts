/**
 * The global the Electron preload (or the browser host) injects before the app loads: the
 * typed bridge generated from the IPC contract. Optional because the renderer must say so
 * clearly when it runs without a host.
 */
import type { Workstation } from '../../../shared/ipc/bridge';

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- merging into the DOM's Window needs an interface.
  interface Window {
    readonly workstation?: Workstation;
  }
}

export {};
