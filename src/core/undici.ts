/**
 * undici's request API and Agent without undici's index. The index loads all of undici at start (fetch, WebSocket,
 * caches, mocks, SQLite): about 40 ms of every action's start-up. These are the same modules it uses, with the same
 * global dispatcher; undici's own Node-API types describe them.
 */
import type * as Undici from "undici";
import api from "undici/lib/api/index.js";
import AgentModule from "undici/lib/dispatcher/agent.js";
import DispatcherModule from "undici/lib/dispatcher/dispatcher.js";
import globalDispatcher from "undici/lib/global.js";

// What undici's index does as it loads: every dispatcher answers request(), stream(), pipeline() …
Object.assign(DispatcherModule.prototype, api);

export type { Dispatcher } from "undici";
export type Agent = Undici.Agent;
export const Agent: typeof Undici.Agent = AgentModule;

type RequestOptions = NonNullable<Parameters<typeof Undici.request>[1]>;

/** undici's `request(url, options)`: the URL split into origin and path, on `dispatcher` or the global one. */
export function request(
  url: string | URL,
  options: RequestOptions = {},
): Promise<Undici.Dispatcher.ResponseData> {
  const { dispatcher = globalDispatcher.getGlobalDispatcher(), ...rest } = options;
  const { origin, pathname, search } = new URL(url);
  return dispatcher.request({
    ...rest,
    origin,
    path: `${pathname}${search}`,
    method: rest.method ?? (rest.body ? "PUT" : "GET"),
  } as Undici.Dispatcher.RequestOptions) as Promise<Undici.Dispatcher.ResponseData>;
}
