/**
 * Builds the typed `window.workstation` object from the contract: one method per channel,
 * grouped by domain (`candidates:choose-package` → `workstation.candidates.choosePackage`),
 * and one `on<Event>` per event returning an unsubscribe function. No method takes a channel
 * name, so the renderer can reach only what the contract lists. Used by the preload (over
 * ipcRenderer) and by the browser host (over loopback HTTP).
 */
import { channelNames, eventNames, type ChannelName, type EventName, type EventPayloadOf, type RequestOf, type ResponseOf } from './contract';
import type { Result } from './result';

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;
type DomainOf<N extends string> = N extends `${infer D}:${string}` ? D : never;
type VerbOf<N extends string> = N extends `${string}:${infer V}` ? CamelCase<V> : never;

type Domains = DomainOf<ChannelName> | DomainOf<EventName>;

export type Workstation = {
  readonly [D in Domains]: {
    readonly [C in ChannelName as C extends `${D}:${string}` ? VerbOf<C> : never]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
  } & {
    readonly [E in EventName as E extends `${D}:${string}` ? `on${Capitalize<VerbOf<E>>}` : never]: (
      listener: (payload: EventPayloadOf<E>) => void,
    ) => () => void;
  };
};

export type Transport = {
  invoke(channel: ChannelName, request: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
};

/** `candidates:choose-package` → `["candidates", "choosePackage"]`. */
export function bridgeKey(name: string): [domain: string, member: string] {
  const [domain = '', verb = ''] = name.split(':');
  return [domain, verb.replace(/-([a-z])/g, (_m: string, c: string) => c.toUpperCase())];
}

/** `candidates:import-progress` → `["candidates", "onImportProgress"]`. */
export function eventKey(name: string): [domain: string, member: string] {
  const [domain, verb] = bridgeKey(name);
  return [domain, `on${verb.charAt(0).toUpperCase()}${verb.slice(1)}`];
}

export function buildBridge(transport: Transport): Workstation {
  const api: Record<string, Record<string, unknown>> = {};
  const domain = (name: string) => (api[name] ??= {});
  for (const channel of channelNames) {
    const [d, member] = bridgeKey(channel);
    domain(d)[member] = (request: unknown) => transport.invoke(channel, request ?? {});
  }
  for (const event of eventNames) {
    const [d, member] = eventKey(event);
    domain(d)[member] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError(`${member} needs a listener function`);
      return transport.subscribe(event, listener);
    };
  }
  for (const value of Object.values(api)) Object.freeze(value);
  return Object.freeze(api) as unknown as Workstation;
}
