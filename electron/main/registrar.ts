/**
 * The main-process side of the IPC contract: one `ipcMain.handle` per contract channel, each
 * checking the sender frame (top frame of `app://workstation` only) before the shared
 * dispatcher parses the request and runs the service. Errors cross as `{ok:false}` results,
 * never as exceptions. The core is pure, so it is tested with fake events.
 */
import { channelNames } from '../../shared/ipc/contract';
import type { Dispatch } from '../../shared/ipc/dispatch';
import { fail, type Result } from '../../shared/ipc/result';
import type { FrameLike } from './app-origin';

/** The part of Electron's IpcMainInvokeEvent the registrar reads. */
export type InvokeEventLike = { readonly senderFrame: FrameLike | null };

/** The part of Electron's `ipcMain` the registrar uses. */
export type IpcMainLike = {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
};

export type IpcHandler = (channel: string, event: InvokeEventLike, payload: unknown) => Promise<Result<unknown>>;

/**
 * Checks the sender, then dispatches. A wrong sender gets `ipc.forbidden-sender` and the
 * request is not even parsed.
 */
export function createIpcHandler(dispatch: Dispatch, isTrusted: (frame: FrameLike | null) => boolean): IpcHandler {
  return async (channel, event, payload) => {
    let frame: FrameLike | null;
    try {
      // Reading senderFrame of a navigated-away or destroyed frame can throw.
      frame = event.senderFrame;
    } catch {
      frame = null;
    }
    if (!isTrusted(frame)) {
      return fail('ipc.forbidden-sender', `The request to ${channel} came from a frame that is not the workstation window; it was refused.`, { channel });
    }
    return dispatch(channel, payload);
  };
}

/** Registers every channel of the contract on `ipcMain`. The renderer sends exactly one payload. */
export function registerIpc(ipcMain: IpcMainLike, handler: IpcHandler): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, payload) => handler(channel, event, payload));
  }
}
