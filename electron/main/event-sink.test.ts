/** Tests of the event sink: only contract-conforming payloads reach the window. */
import { describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../shared/ipc/contract';
import { createLogger } from '../services/log';
import type { EventSink } from '../services/ports';
import { createEventSink } from './event-sink';

function setup(send = vi.fn((_e: EventName, _p: unknown) => true)) {
  const lines: string[] = [];
  const sink = createEventSink(send, createLogger((l) => lines.push(l), 'debug'));
  return { sink, send, lines };
}

/** Calls the sink with payloads the type system would reject, as a buggy service might. */
const emitUnchecked = (sink: EventSink, event: string, payload: unknown) => {
  (sink as (e: string, p: unknown) => void)(event, payload);
};

describe('createEventSink', () => {
  it('sends a payload that matches the contract', () => {
    const { sink, send } = setup();
    sink('settings:changed', { language: 'en', contentProtection: true, signingIdleMinutes: 10 });
    expect(send).toHaveBeenCalledWith('settings:changed', { language: 'en', contentProtection: true, signingIdleMinutes: 10 });
  });

  it('drops and logs a payload that does not match', () => {
    const { sink, send, lines } = setup();
    emitUnchecked(sink, 'settings:changed', { language: 'fr', contentProtection: true, signingIdleMinutes: 10 });
    emitUnchecked(sink, 'candidates:changed', { reason: 'import', raw: 'secret' });
    expect(send).not.toHaveBeenCalled();
    expect(lines.join('')).toContain('does not match the IPC contract');
    expect(lines.join('')).not.toContain('secret');
  });

  it('drops an event that is not in the contract', () => {
    const { sink, send, lines } = setup();
    emitUnchecked(sink, 'ipc:anything', {});
    expect(send).not.toHaveBeenCalled();
    expect(lines.join('')).toContain('not in the IPC contract');
  });

  it('never throws when the window is gone', () => {
    const { sink } = setup(
      vi.fn(() => {
        throw new Error('Object has been destroyed');
      }),
    );
    expect(() => {
      sink('candidates:changed', { reason: 'demo' });
    }).not.toThrow();
  });
});
