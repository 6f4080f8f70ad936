import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { localeCodes } from "../../src/lib/locales";
import { pathFor } from "../../src/lib/routes";
import { queryWithHits } from "../helpers/search-queries";
import { siteInChromium } from "../helpers/site-in-chromium";
import { sitemapPaths } from "../helpers/site";

const siteDir = inject("siteDir");
const running = siteInChromium(siteDir);
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  context = await running.browser.newContext({ ...running.site.contextOptions, viewport: { width: 375, height: 812 } });
  page = await context.newPage();
});

/** The focused element as a keyboard user sees it: what it is, whether its focus ring shows, whether it is covered. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return undefined;
    const style = getComputedStyle(element);
    const rect = element.getBoundingClientRect();
    const x = rect.left + Math.min(rect.width / 2, 4);
    const y = rect.top + rect.height / 2;
    const top = document.elementFromPoint(x, y);
    // The ring is drawn around the element, so it must stand out from the background of what contains it.
    const rgb = (color: string) => (/rgba?\(([\d.]+), ([\d.]+), ([\d.]+)/.exec(color) ?? []).slice(1).map(Number);
    const luminance = (color: string) => {
      const [r, g, b] = rgb(color)
        .map((c) => c / 255)
        .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: string, b: string) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((m, n) => n - m);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    let behind = element.parentElement;
    while (behind && getComputedStyle(behind).backgroundColor === "rgba(0, 0, 0, 0)") behind = behind.parentElement;
    const background = behind ? getComputedStyle(behind).backgroundColor : "rgb(255, 255, 255)";
    const bands = [
      style.outlineStyle !== "none" ? style.outlineColor : "",
      /rgba?\([^)]*\)/.exec(style.boxShadow)?.[0] ?? "",
    ];
    return {
      label: `<${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}> ${(element.textContent ?? "").trim().slice(0, 40)}`,
      href: element.getAttribute("href"),
      className: element.className,
      ring:
        (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) ||
        (style.boxShadow !== "none" && style.boxShadow !== ""),
      /** The best contrast of a ring band (outline or shadow) against the background around the element. */
      ringContrast: Math.max(...bands.filter(Boolean).map((band) => contrast(band, background)), 0),
      inViewport: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < innerHeight && rect.right > 0,
      uncovered: top !== null && (top === element || element.contains(top) || top.contains(element)),
      /** In or after the main text, as a stop reached from the skip link's target must be. */
      afterMainStart: (() => {
        const main = document.querySelector("main");
        return (
          !!main && element !== main && !!(main.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING)
        );
      })(),
    };
  });
}

/** Tabs from a fresh load until focus has visited every stop once, and returns those stops. */
async function tabThrough(path: string) {
  await page.goto(`${running.site.origin}${path}`);
  const stops: NonNullable<Awaited<ReturnType<typeof focused>>>[] = [];
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press("Tab");
    const stop = await focused(page);
    if (!stop || (stops.length > 0 && stop.label === stops[0]!.label && stop.href === stops[0]!.href)) break;
    stops.push(stop);
  }
  return stops;
}

describe("the site by keyboard alone, served by nginx, on a 375 px screen", () => {
  it("offers the skip link as the first stop of every page, and it takes focus past the header into the main text", async () => {
    const paths = [...sitemapPaths(siteDir), ...localeCodes.map((l) => pathFor(l, { kind: "notFound" })), "/404.html"];
    for (const path of paths) {
      await page.goto(`${running.site.origin}${path}`);
      await page.keyboard.press("Tab");
      const first = await focused(page);
      expect(first?.className, path).toBe("skip-link");
      expect(first?.inViewport && first.ring && first.uncovered, path).toBe(true);
      await page.keyboard.press("Enter");
      expect(await page.evaluate(() => document.activeElement?.id), path).toBe("main");
      expect(new URL(page.url()).hash, path).toBe("#main");
      // The next stop is in the main text or after it, never back in the header (unless nothing follows to focus).
      const focusableAfterMain = await page.$$eval("main a[href], main ~ * a[href], footer a[href]", (l) => l.length);
      await page.keyboard.press("Tab");
      const next = await focused(page);
      if (focusableAfterMain > 0) expect(next?.afterMainStart, `${path}: ${next?.label}`).toBe(true);
    }
  });

  it("shows a focus ring with 3:1 contrast, in view and uncovered, at every stop of every page, light and dark", async () => {
    const hidden: string[] = [];
    let stops = 0;
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      for (const path of sitemapPaths(siteDir)) {
        for (const stop of await tabThrough(path)) {
          stops++;
          if (!stop.ring || stop.ringContrast < 3 || !stop.inViewport || !stop.uncovered)
            hidden.push(
              `${colorScheme} ${path} ${stop.label}: ring ${stop.ring} (contrast ${stop.ringContrast.toFixed(2)}), in view ${stop.inViewport}, uncovered ${stop.uncovered}`,
            );
        }
      }
    }
    await page.emulateMedia({ colorScheme: "light" });
    expect(hidden).toEqual([]);
    expect(stops).toBeGreaterThan(sitemapPaths(siteDir).length * 6);
    console.log(`keyboard: ${stops} focus stops checked in ${sitemapPaths(siteDir).length} pages, light and dark`);
  });

  it("searches from the header's search box with the keyboard alone, and follows a hit to its result", async () => {
    for (const locale of localeCodes) {
      const query = queryWithHits(locale);
      const from = pathFor(locale, { kind: "objective", objective: 2 });
      const stops = await tabThrough(from);
      const box = stops.findIndex((s) => s.label.startsWith("<input#site-search-q>"));
      expect(box, `search box on ${from}`).toBeGreaterThan(0);
      expect(stops[box]!.ring).toBe(true);
      await page.goto(`${running.site.origin}${from}`);
      for (let i = 0; i <= box; i++) await page.keyboard.press("Tab");
      await page.keyboard.type(query);
      await Promise.all([page.waitForURL(/[?&]q=/), page.keyboard.press("Enter")]);
      const url = new URL(page.url());
      expect([url.pathname, url.searchParams.get("q")]).toEqual([pathFor(locale, { kind: "search" }), query]);
      await page.waitForSelector("#search-hits li a");
      // Tab onward from where the search left focus until the first hit, then Enter opens its result.
      const target = await page.$eval("#search-hits li a", (a) => new URL((a as HTMLAnchorElement).href));
      let onHit = false;
      for (let i = 0; i < 40 && !onHit; i++) {
        await page.keyboard.press("Tab");
        onHit = await page.evaluate(() => document.activeElement === document.querySelector("#search-hits li a"));
      }
      expect(onHit, `first hit reached by Tab on ${url.pathname}`).toBe(true);
      expect((await focused(page))?.ring).toBe(true);
      await Promise.all([page.waitForURL((u) => u.pathname === target.pathname), page.keyboard.press("Enter")]);
      expect(await page.getAttribute("html", "lang")).toBe(locale);
    }
  });

  it("reaches the language switcher with Tab and follows it with Enter, there and back", async () => {
    // Each locale's page to the next locale's, so every locale is left and reached once.
    for (const [i, here] of localeCodes.entries()) {
      const locale = localeCodes[(i + 1) % localeCodes.length]!;
      const from = pathFor(here, { kind: "objective", objective: 2 });
      const to = pathFor(locale, { kind: "objective", objective: 2 });
      const stops = await tabThrough(from);
      const index = stops.findIndex((s) => s.href === to);
      expect(index, `switcher on ${from}`).toBeGreaterThan(0);
      await page.goto(`${running.site.origin}${from}`);
      for (let i = 0; i <= index; i++) await page.keyboard.press("Tab");
      expect((await focused(page))?.href).toBe(to);
      await Promise.all([page.waitForURL(`${running.site.origin}${to}`), page.keyboard.press("Enter")]);
      expect(await page.getAttribute("html", "lang")).toBe(locale);
    }
  });
});
