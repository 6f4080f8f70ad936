/**
 * The only code that leans on Astro behaviour outside its public API. Each reliance is named here, checked where it
 * is used (a broken one stops the build, or warns in `astro dev`, naming this file) and tested against the installed
 * Astro by tests/unit/astro-internals.test.ts, so an upgrade that changes one fails loudly instead of quietly.
 */
import type { ContentEntryType } from "astro";
import type { DataStore, LoaderContext } from "astro/loaders";

/** What to say when an Astro upgrade broke a reliance of this adapter. */
export function internalsChanged(what: string): string {
  return `Astro no longer behaves as src/astro/internals.ts relies on: ${what}. Update the adapter (CONTRIBUTING.md, "Upgrading Astro").`;
}

/** Content entry types by extension, as Astro hands them to its glob loader (not in LoaderContext's public type). */
export type EntryTypes = Map<string, ContentEntryType>;
export type GlobContext = LoaderContext & { entryTypes?: EntryTypes };

/** 1. The glob loader's context carries the entry types of .md and .mdx, which read and render each file. */
export function entryTypesOf(context: GlobContext): EntryTypes {
  const { entryTypes } = context;
  const complete = [".md", ".mdx"].every((ext) => entryTypes?.get(ext)?.getEntryInfo);
  if (!(entryTypes instanceof Map) || !complete || !entryTypes.get(".md")?.getRenderFunction)
    throw new Error(internalsChanged("the glob loader's context has no entryTypes for .md and .mdx"));
  return entryTypes;
}

/** 2. An entry stored unrendered with deferredRender: true is compiled by its entry type (MDX) when a page renders it. */
export function deferRender<E extends Parameters<DataStore["set"]>[0]>(entry: E): E {
  return { ...entry, deferredRender: true };
}

/** 3. Under `astro dev`, pages read the content store from this file, which Astro saves 500 ms after a change. */
export const devStoreFile = ".astro/data-store.json";

/**
 * 6. Pages render a deferred MDX entry through the list of modules in this file, which Vite reads again only once its
 * watcher notices the file changed: after a store save that reloads pages, so an entry back from a mistake is missing.
 */
export const devModulesFile = ".astro/content-modules.mjs";

/** 6. The error Astro's render throws for a deferred entry that list does not hold. */
export function deferredEntryMissing(error: unknown): boolean {
  return error instanceof Error && error.name === "UnknownContentCollectionError";
}

// 4. The integration (loaded with astro.config.mjs) and the loaders (loaded with the content config) are separate
// module instances in one process: they meet on a global symbol.
const flushKey = Symbol.for("interpol-ct-strategy.flush-content-store");
type Flush = () => Promise<void>;
const registry = globalThis as { [flushKey]?: Flush };

/** The dev server's way to save the content store now, once the integration has registered it. */
export const storeFlush = {
  get: (): Flush | undefined => registry[flushKey],
  set: (flush: Flush | undefined) => {
    if (flush) registry[flushKey] = flush;
    else delete registry[flushKey];
  },
};

/**
 * 5. Only `astro dev` gives loaders a file watcher; and the glob loader passes what an entry type's getEntryInfo
 * returns to parseData, and what parseData returns to store.set, so a mark our reader sets reaches our store.
 */
export function isPreviewing(context: LoaderContext): boolean {
  return context.watcher !== undefined;
}
