/**
 * What src/astro/internals.ts relies on, checked against the installed Astro: an upgrade that changes one of these
 * fails here, by name, rather than making previews slow or big builds crawl without a word.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { AstroIntegration, ContentEntryType } from "astro";
import type { DataStore } from "astro/loaders";
import { afterAll, describe, expect, it } from "vitest";
import { localizedGlob } from "../../src/astro/localized-glob";
import { deferredEntryMissing, devModulesFile, devStoreFile, type GlobContext } from "../../src/astro/internals";
import { parseContentFile } from "../../src/lib/content-file";

const root = path.resolve(`tmp/astro-internals-${process.pid}`);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Reliance 4 is on a type: if Astro drops refreshContent from astro:server:setup, type checking fails on this line. */
type ServerSetup = Parameters<NonNullable<AstroIntegration["hooks"]["astro:server:setup"]>>[0];
const refreshContentOption: keyof ServerSetup = "refreshContent";

const astroFile = (file: string) => readFileSync(path.resolve("node_modules/astro/dist", file), "utf8");

/** Entry types standing in for Astro's own: they record what the glob loader asks of them. */
function fakeEntryTypes(calls: string[]): Map<string, ContentEntryType> {
  const entryType = (ext: string): ContentEntryType => ({
    extensions: [ext],
    getEntryInfo: async ({ fileUrl }) => {
      calls.push(`astro reader ${ext} ${path.basename(fileUrl.pathname)}`);
      return { data: {}, body: "", slug: "", rawData: "" };
    },
    getRenderFunction: async () => async (entry) => {
      calls.push(`render ${path.basename(entry.filePath ?? "")}`);
      return { html: `<p>${entry.body}</p>` };
    },
  });
  return new Map([
    [".md", entryType(".md")],
    [".mdx", entryType(".mdx")],
  ]);
}

function fakeContext(base: string, entryTypes: Map<string, ContentEntryType> | undefined, watcher?: object) {
  const stored = new Map<string, Parameters<DataStore["set"]>[0]>();
  const store = {
    keys: () => stored.keys(),
    get: (id: string) => stored.get(id),
    set: (entry: Parameters<DataStore["set"]>[0]) => (stored.set(entry.id, entry), true),
    delete: (id: string) => void stored.delete(id),
    clear: () => stored.clear(),
    has: (id: string) => stored.has(id),
    addModuleImport: () => {},
    addAssetImports: () => {},
  } as unknown as DataStore;
  const meta = new Map<string, string>();
  const context = {
    collection: "results",
    config: { root: pathToFileURL(`${root}/`), srcDir: pathToFileURL(`${root}/src/`) },
    logger: { warn: () => {}, error: () => {}, info: () => {}, debug: () => {} },
    parseData: async ({ data }: { data: unknown }) => data,
    generateDigest: (text: string) => String(text.length),
    store,
    meta,
    entryTypes,
    watcher,
  } as unknown as GlobContext;
  return { context, stored, base };
}

describe("the Astro internals the site's adapter relies on", () => {
  const base = path.join(root, "content/results");
  mkdirSync(path.join(base, "fr"), { recursive: true });
  const plain = "---\nobjective: 2\norder: 1\n---\n\nDu texte **simple**.\n";
  writeFileSync(path.join(base, "fr/2-1.mdx"), plain);
  writeFileSync(
    path.join(base, "fr/2-2.mdx"),
    '---\nobjective: 2\norder: 2\n---\n\n<Callout title="À noter">Texte</Callout>\n',
  );

  it("1. the glob loader reads and renders each file through the entry types its context holds (ours read it)", async () => {
    const calls: string[] = [];
    const { context, stored } = fakeContext(base, fakeEntryTypes(calls));
    await localizedGlob({ base, references: ["objective"] }).load(context);
    expect(
      calls.some((c) => c.startsWith("astro reader")),
      "our reader replaces Astro's",
    ).toBe(false);
    expect(calls).toContain("render 2-1.mdx");
    const parsed = parseContentFile(plain, "fr/2-1.mdx");
    expect(stored.get("fr/2-1")?.data).toEqual({ ...parsed.data, objective: "fr/2" });
    expect(stored.get("fr/2-1")?.body).toBe(parsed.body.trim());
  });

  it("1. stops the build naming the adapter when the loader's context has no entry types", async () => {
    const { context } = fakeContext(base, undefined);
    await expect(localizedGlob({ base }).load(context)).rejects.toThrow(
      /Astro no longer behaves as src\/astro\/internals\.ts relies on: the glob loader's context has no entryTypes/,
    );
  });

  it("2. an .mdx entry left unrendered is stored with deferredRender, which Astro's runtime compiles when rendering", async () => {
    const { context, stored } = fakeContext(base, fakeEntryTypes([]));
    await localizedGlob({ base }).load(context);
    expect(stored.get("fr/2-2")).toMatchObject({ deferredRender: true });
    expect(stored.get("fr/2-1")).not.toHaveProperty("deferredRender");
    expect(astroFile("content/runtime.js"), "Astro's renderEntry must still honour entry.deferredRender").toMatch(
      /if \(entry\.deferredRender\)/,
    );
  });

  it("3. the dev server keeps its content store in the file the preview waits for", () => {
    const file = /DATA_STORE_FILE = "([^"]+)"/.exec(astroFile("content/consts.js"))?.[1];
    expect(`.astro/${file}`).toBe(devStoreFile);
    expect(astroFile("content/paths.js"), "in dev, the store must live in .astro/ (dotAstroDir)").toMatch(
      /isDev \? settings\.dotAstroDir/,
    );
  });

  it("4. astro:server:setup hands integrations refreshContent", () => {
    expect(refreshContentOption).toBe("refreshContent");
    expect(astroFile("integrations/hooks.js")).toMatch(/refreshContent/);
  });

  it("5. under astro dev (a watcher), an unreadable file is left out of the store instead of stopping the load", async () => {
    writeFileSync(path.join(base, "fr/2-4.mdx"), "---\nobjective: 2\norder:\u00a04\n---\n\nTexte.\n");
    try {
      // A watcher that watches nothing: the glob loader adds the folder and listens for changes.
      const previewing = fakeContext(base, fakeEntryTypes([]), { add: () => {}, on: () => {} });
      await localizedGlob({ base }).load(previewing.context);
      expect([...previewing.stored.keys()].sort()).toEqual(["fr/2-1", "fr/2-2"]);
      expect(
        astroFile("content/loaders/glob.js"),
        "the glob loader must hand getEntryInfo's data to parseData",
      ).toMatch(/const parsedData = await parseData\(\{\s*id,\s*data,/);
      const building = fakeContext(base, fakeEntryTypes([]));
      await expect(localizedGlob({ base }).load(building.context)).rejects.toThrow(
        /fr\/2-4\.mdx:3:7, field "order": found a no-break space/,
      );
    } finally {
      rmSync(path.join(base, "fr/2-4.mdx"));
    }
  });

  it("6. the dev server renders deferred MDX entries through the module list it keeps in the file the preview forgets", () => {
    const file = /MODULES_IMPORTS_FILE = "([^"]+)"/.exec(astroFile("content/consts.js"))?.[1];
    expect(`.astro/${file}`).toBe(devModulesFile);
    expect(astroFile("content/runtime.js"), "renderEntry must still look deferred entries up in that list").toMatch(
      /import\("astro:content-module-imports"\)[\s\S]{0,80}contentModules\.get\(entry\.filePath\)/,
    );
    expect(
      astroFile("content/vite-plugin-content-virtual-mod.js"),
      "Vite must still load that list from the file in .astro/",
    ).toMatch(/new URL\(MODULES_IMPORTS_FILE, settings\.dotAstroDir\)/);
    expect(astroFile("content/runtime.js"), "an entry the list lacks must still throw this error").toMatch(
      /\.\.\.AstroErrorData\.UnknownContentCollectionError[\s\S]{0,200}typeof renderEntryImport !== "function"\) throw/,
    );
    const missing = Object.assign(new Error("Unexpected error while rendering"), {
      name: /UnknownContentCollectionError = \{\s*name: "(\w+)"/.exec(astroFile("core/errors/errors-data.js"))?.[1],
    });
    expect(deferredEntryMissing(missing)).toBe(true);
    expect(deferredEntryMissing(new Error("anything else"))).toBe(false);
  });
});
