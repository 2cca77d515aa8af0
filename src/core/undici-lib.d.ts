// undici ships no types for its lib/ files; these are the shapes src/core/undici.ts takes from them.
declare module "undici/lib/api/index.js" {
  const api: Record<string, unknown>;
  export default api;
}
declare module "undici/lib/dispatcher/agent.js" {
  const Agent: typeof import("undici").Agent;
  export default Agent;
}
declare module "undici/lib/dispatcher/dispatcher.js" {
  const Dispatcher: typeof import("undici").Dispatcher;
  export default Dispatcher;
}
declare module "undici/lib/global.js" {
  const global: { getGlobalDispatcher(): import("undici").Dispatcher };
  export default global;
}
declare module "undici/lib/web/websocket/websocket.js" {
  const websocket: { WebSocket: typeof import("undici").WebSocket };
  export default websocket;
}
