import { describe, expect, inject, it } from "vitest";
import { defaultLocale, localeCodes } from "../../src/lib/locales";
import { builtFiles, pageWeight } from "../../build/page-weight";
import { pathFor } from "../../src/lib/routes";
import { siteInChromium } from "../helpers/site-in-chromium";

const siteDir = inject("siteDir");
// Its fields are set once the helper's beforeAll has run: read them inside the tests.
const running = siteInChromium(siteDir);

/** Every path Chromium requests while opening a page, until no request has been pending for 400 ms after load
 * (Chromium asks for the icon up to about 100 ms after load). */
async function requestedOnOpening(path: string): Promise<string[]> {
  const context = await running.browser.newContext(running.site.contextOptions);
  const page = await context.newPage();
  const requested: string[] = [];
  let pending = 0;
  let lastChange = Date.now();
  const count = (change: number) => {
    pending += change;
    lastChange = Date.now();
  };
  page.on("request", (request) => {
    requested.push(new URL(request.url()).pathname);
    count(+1);
  });
  page.on("requestfinished", () => count(-1));
  page.on("requestfailed", () => count(-1));
  await page.goto(`${running.site.origin}${path}`, { waitUntil: "load" });
  while (pending > 0 || Date.now() - lastChange < 400) await page.waitForTimeout(25);
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
      expect((await requestedOnOpening(path)).sort(), path).toEqual(modelled.sort());
    }
  });
});
