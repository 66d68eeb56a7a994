/**
 * The main → renderer event sink: every payload is checked against the contract's event
 * schema before it is sent, so the renderer only ever receives what `events` in
 * shared/ipc/contract.ts promises. A bad payload or a closed window is logged, never thrown.
 */
import { events, isEventName, type EventName } from '../../shared/ipc/contract';
import type { Logger } from '../services/log';
import type { EventSink } from '../services/ports';

/** Sends one validated event; returns false when there is no window to send to. */
export type EventSender = (event: EventName, payload: unknown) => boolean;

export function createEventSink(send: EventSender, log: Logger): EventSink {
  return (event, payload) => {
    if (!isEventName(event)) {
      log.error('event not in the IPC contract was dropped', { event: String(event) });
      return;
    }
    const checked = events[event].safeParse(payload);
    if (!checked.success) {
      log.error('event payload does not match the IPC contract and was dropped', { event, path: checked.error.issues[0]?.path.join('.') ?? '' });
      return;
    }
    try {
      if (!send(event, checked.data)) log.debug('event dropped: no window', { event });
    } catch (error) {
      log.warn('event could not be sent to the window', { event, error });
    }
  };
}
