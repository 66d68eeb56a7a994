/**
 * The sandboxed preload: exposes `window.workstation`, built by `buildBridge` from the IPC
 * contract, and nothing else. The renderer never sees ipcRenderer, an IPC event object or a
 * method that takes a channel name, so it can reach exactly the channels the contract lists.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildBridge } from '../../shared/ipc/bridge';
import { isEventName } from '../../shared/ipc/contract';
import { fail, type Result } from '../../shared/ipc/result';

const workstation = buildBridge({
  async invoke(channel, request) {
    try {
      return (await ipcRenderer.invoke(channel, request)) as Result<unknown>;
    } catch {
      // Only when main has no handler yet or is shutting down; services never throw across IPC.
      return fail('ipc.unavailable', `The workstation could not reach its main process for ${channel}. Try again; restart the app if it persists.`, { channel });
    }
  },
  subscribe(event, listener) {
    if (!isEventName(event)) throw new TypeError('Unknown event');
    // Pass the payload only: the IpcRendererEvent carries `sender`, which is ipcRenderer itself.
    const forward = (_event: IpcRendererEvent, payload: unknown) => {
      listener(payload);
    };
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
});

contextBridge.exposeInMainWorld('workstation', workstation);
