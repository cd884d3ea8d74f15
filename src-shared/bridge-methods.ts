// How both bridges build their API object (the Electron preloads in
// src-main/preload and the browser-mode web bridge in src-renderer/src/bridge):
// one function per method name, each sending exactly its one payload (or null)
// and nothing else, so an extra argument, an event object or a callback can
// never travel to main. Plain TypeScript with no imports: it runs in the
// sandboxed preload and in the page.

export type CallMethod = (method: string, payload: unknown) => Promise<unknown>;

/** An object with one function per name in `methods`; `Api` is the contract interface the caller promises it satisfies. */
export function bridgeMethods<Api>(methods: readonly string[], call: CallMethod): Api {
  const api: Record<string, (payload?: unknown) => Promise<unknown>> = {};
  for (const method of methods) api[method] = (payload?: unknown) => call(method, payload ?? null);
  return Object.freeze(api) as Api;
}
