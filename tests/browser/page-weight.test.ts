import { describe, expect, inject, it } from "vitest";
import { defaultLocale, localeCodes } from "../../src/lib/locales";
import { builtFiles, pageWeight } from "../../build/page-weight";
import { pathFor } from "../../src/lib/routes";
import { siteInChromium } from "../helpers/site-in-chromium";

const siteDir = inject("siteDir");
// Its fields are set once the helper's beforeAll has run: read them inside the tests.
const running = siteInChromium(siteDir);

/**
 * Every path Chromium requests while opening a page: once it has asked for each file the model lists (it asks for the
 * icon after the load event, when it gets round to it, later on a busy machine) and no request is still pending.
 */
async function requestedOnOpening(path: string, modelled: string[]): Promise<string[]> {
  const context = await running.browser.newContext(running.site.contextOptions);
  const page = await context.newPage();
  const requested: string[] = [];
  let pending = 0;
  page.on("request", (request) => {
    requested.push(new URL(request.url()).pathname);
    pending++;
  });
  page.on("requestfinished", () => pending--);
  page.on("requestfailed", () => pending--);
  await page.goto(`${running.site.origin}${path}`, { waitUntil: "load" });
  await expect
    .poll(() => modelled.filter((file) => !requested.includes(file)), { timeout: 60_000, interval: 25 })
    .toEqual([]);
  await expect.poll(() => pending, { timeout: 60_000, interval: 25 }).toBe(0);
  await context.close();
  return requested;
}

describe("the page weight model against a real browser", () => {
  it("lists exactly what Chromium downloads when it opens a reading page and each search page", async () => {
    // One page of each shape: the landing page, a reading page, and the search pages with their script.
    const paths = [
      "/",
      pathFor(defaultLocale, { kind: "objective", objective: 1 }),
      ...localeCodes.map((locale) => pathFor(locale, { kind: "search" })),
    ];
    const read = builtFiles(siteDir);
    for (const path of paths) {
      const modelled = pageWeight(path, read).resources.map((r) => r.path);
      // What the search page fetches under /pagefind/ once it has painted, so that typing only runs the query, is not
      // its first render (tests/browser/search.test.ts checks that it starts after the first paint).
      const requested = (await requestedOnOpening(path, modelled)).filter((p) => !p.startsWith("/pagefind/"));
      expect(requested.sort(), path).toEqual(modelled.sort());
    }
  });
});
