import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { localeCodes } from "../../src/lib/locales";
import { pageAt, pathFor } from "../../src/lib/routes";
import { watchContext, type PageProblems } from "../../harness/browser";
import { siteInChromium } from "../helpers/site-in-chromium";
import { sitemapPaths } from "../helpers/site";

const siteDir = inject("siteDir");
const running = siteInChromium(siteDir);
let context: BrowserContext;
let page: Page;
let problems: PageProblems;
/** Every page the crawl reached, with the status it answered. */
const reached = new Map<string, number>();

beforeAll(async () => {
  context = await running.browser.newContext(running.site.contextOptions);
  problems = await watchContext(context, running.site.origin);
  page = await context.newPage();
  // Breadth-first from /, following every same-origin link the reader can see, as served by nginx.
  const queue = ["/"];
  while (queue.length > 0) {
    const path = queue.shift()!;
    const response = await page.goto(`${running.site.origin}${path}`);
    reached.set(path, response?.status() ?? 0);
    // Links, and the pages plain GET forms lead to (the header's search box leads to the search page).
    const hrefs = await page.$$eval("a[href], form[action]", (elements) =>
      elements.map((e) => (e instanceof HTMLFormElement ? e.action : (e as HTMLAnchorElement).href)),
    );
    for (const href of hrefs) {
      const url = new URL(href);
      // Pages only: data files and downloads are the link check's business (scripts/check-links.ts).
      const isPage = url.pathname.endsWith("/") || url.pathname.endsWith(".html");
      if (url.origin !== running.site.origin || !isPage || reached.has(url.pathname) || queue.includes(url.pathname))
        continue;
      queue.push(url.pathname);
    }
  }
});

describe("a crawl of the site served by nginx, in Chromium", () => {
  it("reaches every page of the sitemap from /, and every link or form it follows answers 200", () => {
    const sitemap = sitemapPaths(siteDir);
    expect(sitemap).toEqual(expect.arrayContaining(["/", ...localeCodes.map((l) => pathFor(l, { kind: "home" }))]));
    expect([...reached.keys()]).toEqual(expect.arrayContaining(sitemap));
    expect([...reached].filter(([, status]) => status !== 200)).toEqual([]);
  });

  it("finds, on every page of the sitemap, a language switcher that leads to the same page in every other language", async () => {
    const pages = sitemapPaths(siteDir).filter((p) => pageAt(p)); // the landing page offers every language itself
    const followed = new Set<string>();
    const turns = new Map<string, number>();
    for (const path of pages) {
      const here = pageAt(path)!;
      const others = localeCodes.filter((l) => l !== here.locale);
      await page.goto(`${running.site.origin}${path}`);
      const targets = await page.$$eval("a[data-switcher]", (links) =>
        links.map((a) => [a.getAttribute("hreflang")!, a.getAttribute("href")!] as const),
      );
      // Every other locale, each at this same page: so the way back from each is this page's address.
      expect(targets.map(([locale]) => locale).sort(), path).toEqual([...others].sort());
      for (const [locale, href] of targets) expect(href, path).toBe(pathFor(locale as never, here.page));
      // One link followed per page, a different locale in turn: linear in pages, whatever the number of locales.
      const turn = turns.get(here.locale) ?? 0;
      turns.set(here.locale, turn + 1);
      const locale = others[turn % others.length]!;
      await Promise.all([
        page.waitForURL((url) => url.pathname !== path),
        page.click(`a[data-switcher][hreflang="${locale}"]`),
      ]);
      expect(new URL(page.url()).pathname, path).toBe(pathFor(locale, here.page));
      expect(await page.getAttribute("html", "lang"), path).toBe(locale);
      expect(await page.getAttribute(`a[data-switcher][hreflang="${here.locale}"]`, "href"), path).toBe(path);
      followed.add(`${here.locale}→${locale}`);
    }
    // Every locale's switcher was followed to every other locale at least once.
    expect(followed.size).toBe(localeCodes.length * (localeCodes.length - 1));
  });

  it("makes no request to any other origin on any page", () => {
    expect(reached.size).toBeGreaterThan(0);
    expect(problems.offOrigin).toEqual([]);
  });

  it("logs no console error and no Content-Security-Policy violation on any page, and every subresource loads", () => {
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.policyViolations).toEqual([]);
    expect(problems.failedLoads).toEqual([]);
  });
});
