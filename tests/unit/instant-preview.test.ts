import type { DataStore } from "astro/loaders";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadedScript, reloadReliably, writeThrough } from "../../src/astro/instant-preview";

const flushKey = Symbol.for("interpol-ct-strategy.flush-content-store");
const registry = globalThis as { [flushKey]?: () => Promise<void> };

function fakeStore() {
  const entries = new Map<string, unknown>();
  return {
    set: (entry: { id: string }) => (entries.set(entry.id, entry), true),
    delete: (id: string) => void entries.delete(id),
  } as unknown as DataStore;
}

afterEach(() => {
  delete registry[flushKey];
  vi.useRealTimers();
});

describe("instant preview", () => {
  it("saves the store once per batch of changes, only after the first load and only under astro dev", () => {
    vi.useFakeTimers();
    let loaded = false;
    const store = writeThrough(fakeStore(), () => loaded);
    store.set({ id: "fr/2-3", data: {} });
    vi.runAllTimers();

    const flush = vi.fn(() => Promise.resolve());
    registry[flushKey] = flush;
    store.set({ id: "fr/2-3", data: {} });
    vi.runAllTimers();
    expect(flush).not.toHaveBeenCalled();

    loaded = true;
    store.set({ id: "fr/2-3", data: {} });
    store.set({ id: "en/2-3", data: {} });
    store.delete("fr/2-4");
    vi.runAllTimers();
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it("makes the dev server read the MDX module list again before it reloads pages, and reload a page that missed it", () => {
    const file = "/site/.astro/content-modules.mjs";
    const log: string[] = [];
    const graph = (name: string) => ({
      getModulesByFile: (f: string) => (f === file ? new Set([{ name }]) : undefined),
      invalidateModule: (module: { name: string }) => log.push(`graph ${module.name}`),
    });
    const runner = {
      evaluatedModules: {
        getModulesByFile: (f: string) => (f === file ? new Set([{ name: "ssr" }]) : undefined),
        invalidateModule: (module: { name: string }) => log.push(`runner ${module.name}`),
      },
    };
    const listeners = new Map<string, (data: unknown, client: { send: (payload: unknown) => void }) => void>();
    const hot = {
      send: (payload: { type: string }) => log.push(`send ${payload.type}`),
      on: (event: string, listener: (data: unknown, client: { send: (payload: unknown) => void }) => void) =>
        listeners.set(event, listener),
    };
    const server = {
      environments: { client: { hot, moduleGraph: graph("client") }, ssr: { moduleGraph: graph("ssr"), runner } },
    };
    reloadReliably(server as unknown as Parameters<typeof reloadReliably>[0], file);
    const pageLoaded = (since: number) => {
      const sent: unknown[] = [];
      const [event, listener] = [...listeners][0]!;
      expect(loadedScript).toContain(JSON.stringify(event));
      listener({ since }, { send: (payload) => sent.push(payload) });
      return sent;
    };

    expect(pageLoaded(Date.now() - 1000), "no reload yet: nothing to catch up on").toEqual([]);
    hot.send({ type: "update" });
    expect(log).toEqual(["send update"]);
    log.length = 0;
    const before = Date.now() - 1;
    hot.send({ type: "full-reload" });
    expect(log).toEqual(["graph client", "graph ssr", "runner ssr", "send full-reload"]);
    expect(pageLoaded(before), "a page that started loading before the reload").toEqual([
      { type: "full-reload", path: "*" },
    ]);
    expect(pageLoaded(Date.now() + 1), "a page loaded after it").toEqual([]);
  });
});
