/**
 * Dev server only: Astro saves the content store to disk 500 ms after an edit, and pages read the store from disk, so
 * an editor waited over half a second for each change. The loaders' store writes through at once instead, through
 * the integration API's refreshContent (a sync of no loader, which ends by saving the store and reloading pages).
 */
import { stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import type { DataStore } from "astro/loaders";
import { devModulesFile, devStoreFile, internalsChanged, storeFlush } from "./internals.ts";

type DevServer = Parameters<NonNullable<AstroIntegration["hooks"]["astro:server:setup"]>>[0]["server"];

interface ModuleRunner {
  evaluatedModules: { getModulesByFile(file: string): Set<object> | undefined; invalidateModule(module: object): void };
}

/** What each page of the preview tells the dev server once loaded: when its browser started loading it. */
const loadedEvent = "instant-preview:loaded";

/** Runs in each preview page (never in builds): the page asks to be reloaded if content changed while it loaded. */
export const loadedScript = `import.meta.hot?.send(${JSON.stringify(loadedEvent)}, { since: performance.timeOrigin });`;

/**
 * Pages reload whenever the content store is saved; two saves in quick succession (a file replaced is removed, then
 * added) send the second reload while the pages are still loading from the first, and no page hears it. So the time
 * of the last reload is kept, and a page that started loading before it is reloaded once it says it has loaded.
 * Before each reload the dev server also forgets `modulesFile` (reliance 6), so the next render reads it again.
 */
export function reloadReliably(server: DevServer, modulesFile: string) {
  const hot = server.environments.client.hot;
  const send = hot.send.bind(hot) as (...args: unknown[]) => void;
  let lastReload = 0;
  hot.send = ((...args: unknown[]) => {
    if ((args[0] as { type?: string } | undefined)?.type === "full-reload") {
      lastReload = Date.now();
      for (const environment of Object.values(server.environments)) {
        for (const module of environment.moduleGraph.getModulesByFile(modulesFile) ?? [])
          environment.moduleGraph.invalidateModule(module, undefined, lastReload, true);
        // A runnable environment (SSR) also caches what its module runner evaluated.
        const { runner } = environment as { runner?: ModuleRunner };
        for (const module of runner?.evaluatedModules.getModulesByFile(modulesFile) ?? [])
          runner?.evaluatedModules.invalidateModule(module);
      }
    }
    send(...args);
  }) as typeof hot.send;
  hot.on(loadedEvent, (data: { since?: unknown }, client) => {
    if (typeof data?.since === "number" && data.since < lastReload) client.send({ type: "full-reload", path: "*" });
  });
}

/** Lets loaders save the content store at once while `astro dev` runs; does nothing in builds. */
export function instantPreview(): AstroIntegration {
  let root: URL | undefined;
  return {
    name: "instant-preview",
    hooks: {
      "astro:config:setup": ({ command, injectScript }) => {
        if (command === "dev") injectScript("page", loadedScript);
      },
      "astro:config:done": ({ config }) => {
        root = config.root;
      },
      "astro:server:setup": ({ server, refreshContent, logger }) => {
        if (root) reloadReliably(server, fileURLToPath(new URL(devModulesFile, root)));
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
