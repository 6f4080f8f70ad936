import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { pagefindPolling } from "../../build/search-index";
import { loadDictionaries } from "../../src/i18n";
import { getLocale, localeCodes } from "../../src/lib/locales";
import { pageAt, pathFor } from "../../src/lib/routes";
import { builtPaths, readBuilt, readingPaths, readPage, text } from "../helpers/site";

const siteDir = inject("siteDir");
const strings = loadDictionaries();
const searchPaths = localeCodes.map((locale) => pathFor(locale, { kind: "search" }));

describe("the search index in the built site", () => {
  it("holds one index per locale: its objectives, each expected result, each capability, the introduction and the mandate", () => {
    const entry = JSON.parse(readBuilt(siteDir, "/pagefind/pagefind-entry.json")) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages).sort()).toEqual([...localeCodes].sort());
    for (const locale of localeCodes) {
      const objectivePages = builtPaths(siteDir).filter(
        (p) => pageAt(p)?.locale === locale && pageAt(p)?.page.kind === "objective",
      );
      const results = objectivePages.flatMap((p) => readPage(siteDir, p).querySelectorAll(".results > li[id]"));
      const capabilities = readPage(siteDir, pathFor(locale, { kind: "capabilities" })).querySelectorAll(
        ".capabilities li[id]",
      );
      expect(objectivePages.length).toBeGreaterThan(0);
      expect(capabilities.length).toBeGreaterThan(0);
      expect(entry.languages[locale]!.page_count, locale).toBe(
        objectivePages.length + results.length + capabilities.length + 2,
      );
    }
  });

  it("keeps each locale's index small: under 20 KB of index, fragments and filters for the leaflet", () => {
    const bundle = path.join(siteDir, "pagefind");
    const files = readdirSync(bundle, { recursive: true, encoding: "utf8" }).filter(
      (f) => statSync(path.join(bundle, f)).isFile() && !f.endsWith(".gz") && !f.endsWith(".br"),
    );
    for (const locale of localeCodes) {
      const own = files.filter(
        (f) => /^(fragment|index|filter)\//.test(f) && path.basename(f).startsWith(`${locale}_`),
      );
      const bytes = own.reduce((sum, f) => sum + statSync(path.join(bundle, f)).size, 0);
      expect(own.length, locale).toBeGreaterThan(0);
      expect(bytes, locale).toBeLessThan(20_000);
    }
    // Pagefind's ready-made interfaces and highlight script are not used, so not published.
    expect(files.filter((f) => /pagefind-(ui|modular-ui|component-ui|highlight)\./.test(f))).toEqual([]);
  });

  it("publishes a pagefind.js whose search, started while the WebAssembly compiles, looks every 5 ms, not 50", () => {
    const js = readBuilt(siteDir, "/pagefind/pagefind.js");
    expect(js).toContain(pagefindPolling.replace("asyncSleep(50)", "asyncSleep(5)"));
    expect(js).not.toContain(pagefindPolling);
  });

  it("marks searchable regions on objective pages, the capabilities page and the home page's opening only", () => {
    const marked = builtPaths(siteDir).filter((p) => readBuilt(siteDir, p).includes("data-pagefind-body"));
    const kinds = new Set(marked.map((p) => pageAt(p)?.page.kind));
    expect([...kinds].sort()).toEqual(["capabilities", "home", "objective"]);
    for (const locale of localeCodes) {
      expect(marked).toContain(pathFor(locale, { kind: "capabilities" }));
      const { introduction, mandate } = getLocale(locale).anchors;
      const home = readPage(siteDir, pathFor(locale, { kind: "home" }));
      expect(home.querySelectorAll("[data-pagefind-body]").map((region) => region.id)).toEqual([introduction, mandate]);
    }
  });

  it("loads search code, its styles and Pagefind on the search pages and nowhere else", () => {
    for (const p of readingPaths(siteDir)) {
      const html = readBuilt(siteDir, p);
      const isSearch = searchPaths.includes(p);
      expect(/<script[^>]+src=/.test(html), p).toBe(isSearch);
      expect(html.includes(".search-hits"), p).toBe(isSearch);
    }
  });
});

describe("the header search box", () => {
  it("is on every page of a locale but the search page: a GET form to that locale's search page, labelled in its language", () => {
    const pages = builtPaths(siteDir).filter((p) => pageAt(p) && !searchPaths.includes(p));
    expect(pages.length).toBeGreaterThan(10);
    for (const p of pages) {
      const { locale } = pageAt(p)!;
      const form = readPage(siteDir, p).querySelector("header form[role=search]");
      expect(form?.getAttribute("action"), p).toBe(pathFor(locale, { kind: "search" }));
      expect(form?.getAttribute("method")).toBe("get");
      const input = form!.querySelector("input[name=q]")!;
      expect(text(form!.querySelector(`label[for=${input.id}]`)), p).toBe(strings[locale]["search.box"]);
      expect(text(form!.querySelector("button[type=submit]"))).toBe(strings[locale]["search.submit"]);
    }
    for (const p of searchPaths) expect(readPage(siteDir, p).querySelector("header form"), p).toBeNull();
  });
});

describe("the search index build step", () => {
  const dir = path.resolve(`tmp/search-index-step-${process.pid}`);
  const write = (file: string, lang: string, body: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(
      path.join(dir, file),
      `<!DOCTYPE html><html lang="${lang}"><body><main><h1>T</h1>${body}</main></body></html>`,
    );
  };
  const run = () => spawnSync("node", ["scripts/search-index.ts", dir], { encoding: "utf8" });

  it("stops the build, naming the page, when a page that repeats others' text is marked, or a locale has nothing", () => {
    const [first, ...others] = localeCodes;
    const objective = pathFor(first!, { kind: "objective", objective: 1 });
    const results = pathFor(first!, { kind: "results" });
    rmSync(dir, { recursive: true, force: true });
    write(`${objective}index.html`, first!, "<div data-pagefind-body><p>Text.</p></div>");
    write(`${results}index.html`, first!, "<div data-pagefind-body><p>All.</p></div>");
    const result = run();
    const wroteIndex = existsSync(path.join(dir, "pagefind"));
    rmSync(dir, { recursive: true, force: true });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${path.relative(".", dir)}${results}index.html: found data-pagefind-body on a page of kind "results" (${results})`,
    );
    for (const other of others) expect(result.stderr).toContain(`found no searchable region in any "${other}" page`);
    expect(wroteIndex).toBe(false);
  });
});
