/** Reading built sites in tests: pages as parsed HTML, and extra builds of other strategies into tmp/. */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import { builtHtml, readingPages } from "../../build/built-pages";

/** The built file behind a root-relative URL path such as /fr/objectifs/2/. */
export function fileFor(siteDir: string, urlPath: string): string {
  const clean = urlPath.split(/[?#]/)[0]!;
  return path.join(siteDir, clean.endsWith("/") ? `${clean}index.html` : clean);
}

/** The built file's text, e.g. a sitemap or robots.txt. */
export function readBuilt(siteDir: string, urlPath: string): string {
  const file = fileFor(siteDir, urlPath);
  if (!existsSync(file)) throw new Error(`No built file for ${urlPath} (looked for ${file})`);
  return readFileSync(file, "utf8");
}

export function readPage(siteDir: string, urlPath: string): HTMLElement {
  return parse(readBuilt(siteDir, urlPath));
}

/** Every HTML file of a built site, as root-relative URL paths. */
export function builtPaths(siteDir: string): string[] {
  return builtHtml(siteDir)
    .map((page) => page.urlPath)
    .sort();
}

export const text = (node: { textContent: string } | null | undefined) => node?.textContent.replace(/\s+/g, " ").trim();

/** Every reading page of a built site (the CMS at /admin/ left out), as root-relative URL paths. */
export function readingPaths(siteDir: string): string[] {
  return readingPages(siteDir)
    .map((page) => page.urlPath)
    .sort();
}

/** Builds the site from another content folder with the README's build script; returns its output and exit status. */
export function buildSite(options: { contentDir: string; out: string; env?: Record<string, string> }) {
  const result = spawnSync("node", ["scripts/build.ts", "--out", options.out], {
    encoding: "utf8",
    env: {
      ...process.env,
      CONTENT_DIR: options.contentDir,
      ASTRO_CACHE_DIR: `${options.out}-cache`,
      ...options.env,
    },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Root-relative paths of every URL in the built sitemap, through its index. */
export function sitemapPaths(siteDir: string): string[] {
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  return locs(readBuilt(siteDir, "/sitemap-index.xml")).flatMap((sitemap) => locs(readBuilt(siteDir, sitemap)));
}
