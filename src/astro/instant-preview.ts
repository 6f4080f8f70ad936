/**
 * Dev server only: Astro saves the content store to disk 500 ms after an edit, and pages read the store from disk, so
 * an editor waited over half a second for each change. The loaders' store writes through at once instead, through
 * the integration API's refreshContent (a sync of no loader, which ends by saving the store and reloading pages).
 */
import { stat } from "node:fs/promises";
import type { AstroIntegration } from "astro";
import type { DataStore } from "astro/loaders";
import { devStoreFile, internalsChanged, storeFlush } from "./internals.ts";

/** Lets loaders save the content store at once while `astro dev` runs; does nothing in builds. */
export function instantPreview(): AstroIntegration {
  let root: URL | undefined;
  return {
    name: "instant-preview",
    hooks: {
      "astro:config:done": ({ config }) => {
        root = config.root;
      },
      "astro:server:setup": ({ refreshContent, logger }) => {
        if (!refreshContent || !root) {
          logger.warn(internalsChanged("astro:server:setup no longer offers refreshContent; previews wait 500 ms"));
          return;
        }
        const storeFile = new URL(devStoreFile, root);
        let warned = false;
        storeFlush.set(async () => {
          const since = Date.now();
          // refreshContent does nothing while Astro reloads the content config, which each content edit sets off:
          // try again until the store file is rewritten (Astro's own delayed save would do it after 500 ms anyway).
          for (let attempt = 0; attempt < 50; attempt++) {
            // A loader name no collection has: no collection reloads, the pending save happens now.
            await refreshContent({ loaders: ["instant-preview-flush"] });
            const written = await stat(storeFile).then(
              (s) => s.mtimeMs,
              () => 0,
            );
            if (written >= since) return;
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
          if (!warned) logger.warn(internalsChanged(`refreshContent did not save ${devStoreFile}`));
          warned = true;
        });
      },
    },
  };
}

/** A loader's store that, once `loaded()` says the first load is over, saves each change without Astro's delay. */
export function writeThrough(store: DataStore, loaded: () => boolean): DataStore {
  let scheduled = false;
  const flush = () => {
    const save = storeFlush.get();
    if (!save || !loaded() || scheduled) return;
    scheduled = true;
    // After the current task, so a loader that changes several entries at once saves them together.
    setTimeout(() => {
      scheduled = false;
      void save();
    }, 0);
  };
  return {
    ...store,
    set: (entry) => {
      const changed = store.set(entry);
      if (changed) flush();
      return changed;
    },
    delete: (key) => {
      store.delete(key);
      flush();
    },
  };
}
