/**
 * The core of every registrar: given a channel name and an `unknown` payload, parse the
 * request with the contract's schema, run the handler, check the response against the
 * contract, and return a Result. Never throws. Electron's registrar adds the sender check in
 * front of it; the browser host adds its own origin and token check.
 */
import { describeIssues, formatPath } from '../formats/issues';
import { channels, isChannelName, type ChannelName, type ParsedRequestOf, type ResponseOf } from './contract';
import { ServiceError, fail, type Result } from './result';

export type Handlers = { [C in ChannelName]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C> };

export type Dispatch = (channel: string, payload: unknown) => Promise<Result<unknown>>;

/** Receives the unexpected errors (programming errors) that become `ipc.internal`. */
export type InternalErrorSink = (channel: string, error: unknown) => void;

export function createDispatcher(handlers: Handlers, onInternalError: InternalErrorSink): Dispatch {
  return async (channel, payload) => {
    if (!isChannelName(channel)) {
      return fail('ipc.unknown-channel', `There is no channel named "${truncate(channel)}".`, { channel: truncate(channel) });
    }
    const def = channels[channel];
    const parsed = def.request.safeParse(payload);
    if (!parsed.success) {
      const problems = describeIssues(parsed.error);
      const first = problems[0]!;
      return fail('ipc.invalid-request', `The request to ${channel} is invalid: ${problems.map((p) => `${p.field}: ${p.problem}`).join('; ')}.`, {
        channel,
        field: first.field,
        problem: first.problem,
      });
    }
    let value: unknown;
    try {
      const handler = handlers[channel] as (request: unknown) => unknown;
      value = await handler(parsed.data);
    } catch (error) {
      if (error instanceof ServiceError) return { ok: false, error: error.toIpcError() };
      onInternalError(channel, error);
      return fail('ipc.internal', `The workstation could not complete ${channel} because of an internal error. It has been logged; try again, and report it if it persists.`, { channel });
    }
    const checked = def.response.safeParse(value);
    if (!checked.success) {
      onInternalError(channel, new Error(`response does not match the contract at ${formatPath(checked.error.issues[0]?.path ?? [])}`));
      return fail('ipc.internal', `The workstation produced an invalid answer for ${channel}. It has been logged; report it.`, { channel });
    }
    return { ok: true, value: checked.data };
  };
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
