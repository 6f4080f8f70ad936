import type { DataStore } from "astro/loaders";
import { afterEach, describe, expect, it, vi } from "vitest";
import { writeThrough } from "../../src/astro/instant-preview";

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
});
