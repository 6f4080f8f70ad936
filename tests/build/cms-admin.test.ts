/** The CMS at /admin/ in the built site: what it serves, under which policy, and that readers never meet it. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { adminPolicy, policyOf } from "../../build/csp";
import { configFileName } from "../../editor/cms/names";
import { backendOrigins, readSettings } from "../../editor/cms/settings";
import { localeCodes } from "../../src/lib/locales";
import { adminPath } from "../../src/lib/routes";
import { readBuilt, readingPaths, readPage, sitemapPaths } from "../helpers/site";

const siteDir = inject("siteDir");
const folder = path.join(siteDir, adminPath);
const served = readdirSync(folder, { recursive: true, encoding: "utf8" }).filter(
  (f) => statSync(path.join(folder, f)).isFile() && !/\.(gz|br)$/.test(f),
);
/** A file as nginx sends it to a browser that accepts brotli: its .br copy when the build wrote one. */
const brotliBytes = (file: string) => {
  const full = path.join(folder, file);
  return statSync(`${full}.br`, { throwIfNoEntry: false })?.size ?? statSync(full).size;
};

describe("the CMS at /admin/ in the built site", () => {
  it("is one page, not indexed, whose script is a file of the site", () => {
    const page = readPage(siteDir, adminPath);
    expect(page.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex, nofollow");
    const scripts = page.querySelectorAll("script");
    expect(scripts.map((s) => s.getAttribute("src"))).toEqual([
      expect.stringMatching(/^\/admin\/assets\/main-[\w-]+\.js$/),
    ]);
    expect(served.filter((f) => f.endsWith(".html"))).toEqual(["index.html"]);
  });

  it("carries its own policy, the only one with 'unsafe-inline' (styles), while reading pages keep theirs", () => {
    expect(policyOf(readBuilt(siteDir, adminPath))).toBe(adminPolicy(backendOrigins(readSettings())));
    for (const p of readingPaths(siteDir)) expect(policyOf(readBuilt(siteDir, p)), p).not.toContain("unsafe-inline");
  });

  it("is left out of the sitemap and the search index", () => {
    expect(sitemapPaths(siteDir).filter((p) => p.startsWith(adminPath))).toEqual([]);
    const index = readdirSync(path.join(siteDir, "pagefind"), { recursive: true, encoding: "utf8" });
    expect(index.length).toBeGreaterThan(0);
    expect(readingPaths(siteDir)).not.toContain(adminPath);
  });

  it("has its configuration in each locale of the site, in that locale's words", () => {
    for (const locale of localeCodes) {
      const config = JSON.parse(readFileSync(path.join(folder, configFileName(locale)), "utf8")) as {
        cms: { app_title: string };
      };
      const words = JSON.parse(readFileSync(`src/i18n/${locale}.json`, "utf8")) as Record<string, string>;
      expect(config.cms.app_title, locale).toBe(words["cms.appTitle"]);
    }
  });

  it("serves at most 25 files, 1.7 MB as brotli, none of them the code its editors cannot reach", () => {
    const brotli = served.reduce((sum, f) => sum + brotliBytes(f), 0);
    const raw = served.reduce((sum, f) => sum + statSync(path.join(folder, f)).size, 0);
    console.log(
      `/admin/: ${served.length} files, ${(raw / 1e6).toFixed(2)} MB, ${(brotli / 1e6).toFixed(2)} MB as brotli`,
    );
    expect(served.length).toBeLessThanOrEqual(25);
    expect(brotli).toBeLessThanOrEqual(1_700_000);
    // Grammars for code highlighting, image conversion (HEIC, WebP) and maps were cut at build time.
    expect(served.filter((f) => /\.wasm$|heic|webp|leaflet|terra-draw|svgo|typescript|emacs-lisp/.test(f))).toEqual([]);
  });
});
