/**
 * The renderer's one way to talk to main: calls a channel of `window.workstation`, checks
 * the `{ok, value} | {ok:false, error}` envelope, parses the value with the contract's
 * response schema (everything crossing the boundary is `unknown` until parsed), and throws an
 * ApiError for a failed result. Event payloads are parsed the same way.
 */
import { z } from 'zod';
import { describeIssues } from '../../../shared/formats/issues';
import { bridgeKey, eventKey } from '../../../shared/ipc/bridge';
import { channels, events, type ChannelName, type EventName, type EventPayloadOf, type RequestOf, type ResponseOf } from '../../../shared/ipc/contract';
import type { ErrorParams } from '../../../shared/ipc/result';
import { describeThrown, log } from './log';

/** A failed call: the code the UI translates, main's English message and its parameters. */
export class ApiError extends Error {
  readonly code: string;
  readonly params: ErrorParams;
  readonly channel: string;

  constructor(code: string, message: string, params: ErrorParams = {}, channel = '') {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.params = params;
    this.channel = channel;
  }
}

const Params = z.record(z.string(), z.union([z.string(), z.number()]));

const Envelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string().min(1), message: z.string(), params: Params.optional() }) }),
]);

export type Api = {
  invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  /** Subscribes to a contract event; payloads that do not match the schema are dropped and logged. */
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void;
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null;
}

function noBridge(channel: string): ApiError {
  return new ApiError(
    'client.no-bridge',
    'The workstation bridge (window.workstation) is missing: the page was opened outside the workstation app or its host.',
    { channel },
    channel,
  );
}

function member(bridge: unknown, domain: string, name: string): unknown {
  if (!isRecord(bridge)) return undefined;
  const group = bridge[domain];
  return isRecord(group) ? group[name] : undefined;
}

/** Builds the client over whatever `getBridge` returns at call time (tests pass a fake). */
export function createApi(getBridge: () => unknown): Api {
  return {
    async invoke(channel, request) {
      const [domain, name] = bridgeKey(channel);
      const fn = member(getBridge(), domain, name);
      if (typeof fn !== 'function') throw noBridge(channel);
      let raw: unknown;
      try {
        raw = await (fn as (request: unknown) => Promise<unknown>)(request);
      } catch (error) {
        log.error('bridge call threw', { channel, error: describeThrown(error) });
        throw new ApiError('client.call-failed', `The call to ${channel} did not reach the workstation. Try again.`, { channel }, channel);
      }
      const envelope = Envelope.safeParse(raw);
      if (!envelope.success) {
        log.error('malformed result envelope', { channel });
        throw new ApiError('client.bad-response', `The answer to ${channel} is not a result envelope.`, { channel, field: '(root)', problem: 'expected {ok, value} or {ok:false, error}' }, channel);
      }
      if (!envelope.data.ok) {
        const { code, message, params } = envelope.data.error;
        throw new ApiError(code, message, params ?? {}, channel);
      }
      const schema: z.ZodType = channels[channel].response;
      const parsed = schema.safeParse(envelope.data.value);
      if (!parsed.success) {
        const first = describeIssues(parsed.error)[0] ?? { field: '(root)', problem: 'invalid' };
        log.error('response does not match the contract', { channel, field: first.field, problem: first.problem });
        throw new ApiError('client.bad-response', `The answer to ${channel} does not match the contract at ${first.field}: ${first.problem}.`, { channel, ...first }, channel);
      }
      return parsed.data as ResponseOf<typeof channel>;
    },

    subscribe(event, listener) {
      const [domain, name] = eventKey(event);
      const fn = member(getBridge(), domain, name);
      if (typeof fn !== 'function') throw noBridge(event);
      const schema: z.ZodType = events[event];
      const unsubscribe: unknown = (fn as (cb: (payload: unknown) => void) => unknown)((payload: unknown) => {
        const parsed = schema.safeParse(payload);
        if (!parsed.success) {
          const first = describeIssues(parsed.error)[0];
          log.warn('dropped an event payload that does not match the contract', { event, field: first?.field, problem: first?.problem });
          return;
        }
        listener(parsed.data as EventPayloadOf<typeof event>);
      });
      return typeof unsubscribe === 'function' ? (unsubscribe as () => void) : () => undefined;
    },
  };
}

/**
 * The client over the injected `window.workstation` (typed in global.d.ts, but read as
 * `unknown` here: what crosses the boundary is checked, not trusted).
 */
export const api: Api = createApi(() => (globalThis as { workstation?: unknown }).workstation);
