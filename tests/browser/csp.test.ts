import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { policyOf } from "../../build/csp";
import { localeCodes } from "../../src/lib/locales";
import { pathFor } from "../../src/lib/routes";
import { watchContext, type PageProblems } from "../../harness/browser";
import { queryWithHits } from "../helpers/search-queries";
import { siteInChromium } from "../helpers/site-in-chromium";
import { readBuilt } from "../helpers/site";

const siteDir = inject("siteDir");
const running = siteInChromium(siteDir);
let context: BrowserContext;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  context = await running.browser.newContext(running.site.contextOptions);
  problems = await watchContext(context, running.site.origin);
  page = await context.newPage();
});

describe("the Content-Security-Policy, as Chromium enforces it on pages served by nginx", () => {
  it("lets the search page run Pagefind (its script file, WebAssembly and index) with no violation", async () => {
    for (const locale of localeCodes) {
      const query = queryWithHits(locale);
      const search = pathFor(locale, { kind: "search" });
      const loaded: string[] = [];
      page.on("request", (request) => loaded.push(new URL(request.url()).pathname));
      await page.goto(`${running.site.origin}${search}?q=${encodeURIComponent(query)}`);
      await page.waitForSelector("#search-hits li a", { timeout: 60_000 });
      page.removeAllListeners("request");
      expect(await page.$$eval("#search-hits li a", (links) => links.length), query).toBeGreaterThan(0);
      const { languages } = JSON.parse(readBuilt(siteDir, "/pagefind/pagefind-entry.json")) as {
        languages: Record<string, { wasm: string | null }>;
      };
      expect(loaded).toContain(`/pagefind/wasm.${languages[locale]!.wasm ?? "unknown"}.pagefind`);
      expect(policyOf(readBuilt(siteDir, search))).toContain("script-src 'self' 'wasm-unsafe-eval'");
    }
    expect(problems.policyViolations).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.failedLoads).toEqual([]);
  });

  it("reaches the browser both as nginx's header and as the page's own <meta>, neither allowing inline code", async () => {
    const response = await page.goto(`${running.site.origin}/fr/objectifs/2/`);
    const header = (await response!.allHeaders())["content-security-policy"]!;
    expect(header).toContain("frame-ancestors 'none'");
    const meta = await page.getAttribute('meta[http-equiv="content-security-policy"]', "content");
    expect(meta).toBe(policyOf(readBuilt(siteDir, "/fr/objectifs/2/")));
    expect(meta).toContain("script-src 'none'");
    expect(`${header} ${meta}`).not.toContain("unsafe-inline");
    // The page's one inline stylesheet is allowed by its hash: the layout is styled.
    expect(await page.$eval(".site-header", (el) => getComputedStyle(el).display)).toBe("block");
    expect(problems.policyViolations).toEqual([]);
  });

  it("blocks code, styles and images an attacker could inject into a reading page, and reports each", async () => {
    await page.goto(`${running.site.origin}/en/`);
    // Only what this page reports counts, whatever ran before in this context.
    const [violationsBefore, failuresBefore] = [problems.policyViolations.length, problems.failedLoads.length];
    const before = await page.$eval("body", (body) => getComputedStyle(body).backgroundColor);
    const outcome = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "document.body.dataset.injected = 'yes'";
      document.head.append(script);
      const style = document.createElement("style");
      style.textContent = "body { background: rgb(255, 0, 0) !important }";
      document.head.append(style);
      const image = new Image();
      image.src = "https://tracker.example.com/pixel.png";
      document.body.append(image);
      // An inline script that may run, runs as it is inserted: had it been allowed, it would have run by now.
      return { ran: document.body.dataset.injected === "yes" };
    });
    expect(outcome.ran).toBe(false);
    expect(await page.$eval("body", (body) => getComputedStyle(body).backgroundColor)).toBe(before);
    // The script breaks both policies, the header's and the meta's, and each reports it; reports arrive when they arrive.
    const reported = () =>
      problems.policyViolations
        .slice(violationsBefore)
        .map((v) => v.split(" blocked ")[0])
        .sort();
    await expect
      .poll(reported, { timeout: 60_000 })
      .toEqual(["/en/: img-src", "/en/: script-src-elem", "/en/: script-src-elem", "/en/: style-src-elem"]);
    // The browser attempted the image, and the policy stopped it before any byte left the machine.
    await expect
      .poll(() => problems.failedLoads.slice(failuresBefore), { timeout: 60_000 })
      .toEqual(["/en/: https://tracker.example.com/pixel.png csp"]);
  });
});
