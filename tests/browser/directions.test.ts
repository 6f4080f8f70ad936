/**
 * Text direction, read off the screen in Chromium for every locale: where numbers, periods, sizes and separators
 * land, which side the accents sit on, what is slanted, and how the landing page lays out every language.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getLocale, hasItalics, localeCodes, type Locale } from "../../src/lib/locales";
import { pathFor } from "../../src/lib/routes";
import { launchChromium } from "../../harness/browser";
import { serveSite, type Served } from "../helpers/serve";

const siteDir = inject("siteDir");
let served: Served;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  served = await serveSite(siteDir);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const open = (locale: Locale, ref: Parameters<typeof pathFor>[1]) =>
  page.goto(`${served.origin}${pathFor(locale, ref)}`);

/** The left edge, on screen, of each given piece of text inside the first element matching the selector. */
function leftOf(selector: string, pieces: string[]): Promise<(number | null)[]> {
  return page.evaluate(
    ([selector, pieces]) => {
      const root = document.querySelector(selector);
      return pieces.map((piece) => {
        const walker = document.createTreeWalker(root ?? document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent!.indexOf(piece);
          if (!root || at === -1) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + piece.length);
          return range.getBoundingClientRect().left;
        }
        return null;
      });
    },
    [selector, pieces] as const,
  );
}

/** "before" when `a` stands on the reading side's start of `b` in a locale's direction. */
const order = (locale: Locale, a: number, b: number) =>
  (getLocale(locale).dir === "rtl" ? a > b : a < b) ? "before" : "after";

describe("the direction of every locale, on screen", () => {
  it.each(localeCodes)(
    "%s: the period reads in the language's direction, the same in the title as in the introduction",
    async (locale) => {
      await open(locale, { kind: "home" });
      const period = (await page.textContent("h1 .period"))!;
      const [start, end] = period.split("–");
      const [titleStart, titleEnd] = await leftOf("h1 .period", [start!, end!]);
      expect(order(locale, titleStart!, titleEnd!), `${locale} title ${period}`).toBe("before");
      // The introduction writes the period in its own words; where it does, it reads the same way.
      const [introStart, introEnd] = await leftOf("main h1 + p", [start!, end!]);
      if (introStart !== null && introEnd !== null)
        expect(order(locale, introStart, introEnd), `${locale} introduction`).toBe("before");
    },
  );

  it.each(localeCodes)("%s: every result number reads left to right, 2.3 never as 3.2", async (locale) => {
    await open(locale, { kind: "objective", objective: 2 });
    const headings = await page.$$eval("ol.results > li h3", (hs) => hs.map((h) => h.textContent!.trim()));
    expect(headings.length).toBeGreaterThan(1);
    for (const [i, heading] of headings.entries()) {
      const [objective, order] = /(\d+)\.(\d+)/.exec(heading)!.slice(1);
      const [left, right] = await leftOf(`ol.results > li:nth-child(${i + 1}) h3`, [`${objective}.`, `.${order}`]);
      expect(left!, heading).toBeLessThan(right!);
    }
  });

  it.each(localeCodes)("%s: an open data link names its format before its size, in reading order", async (locale) => {
    await open(locale, { kind: "home" });
    const links = await page.$$eval(".open-data a", (as) =>
      as.map((a) => [...a.querySelectorAll("bdi")].map((b) => b.getBoundingClientRect().left)),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const [format, size] of links) expect(order(locale, format!, size!)).toBe("before");
  });

  it.each(localeCodes)(
    "%s: breadcrumb separator, mandate bar and skip link sit on the side the language starts from",
    async (locale) => {
      const rtl = getLocale(locale).dir === "rtl";
      const [start, end] = rtl ? ["Right", "Left"] : ["Left", "Right"];
      await open(locale, { kind: "objective", objective: 2 });
      const separator = await page.$eval(".breadcrumbs li + li", (li) => {
        const before = getComputedStyle(li, "::before");
        return { content: before.content, marginLeft: before.marginLeft, marginRight: before.marginRight };
      });
      // The gap is between the separator and the crumb it leads to, on the end side; the chevron points that way.
      expect(separator[`margin${end}` as "marginLeft"], locale).not.toBe("0px");
      expect(separator[`margin${start}` as "marginLeft"], locale).toBe("0px");
      expect(separator.content, locale).toBe(rtl ? '"‹"' : '"›"');

      await open(locale, { kind: "home" });
      const bar = await page.$eval("blockquote", (q) => {
        const style = getComputedStyle(q);
        return { Left: style.borderLeftWidth, Right: style.borderRightWidth };
      });
      expect(bar[start as "Left"], locale).toBe("4px");
      expect(bar[end as "Left"], locale).toBe("0px");

      await page.keyboard.press("Tab");
      const skip = await page.evaluate(() => {
        const box = document.activeElement!.getBoundingClientRect();
        return { Left: box.left, Right: innerWidth - box.right, isSkip: document.activeElement!.matches(".skip-link") };
      });
      expect(skip.isSkip).toBe(true);
      expect(skip[start as "Left"], locale).toBeLessThan(skip[end as "Left"]);
    },
  );

  it.each(localeCodes)("%s: slants the mandate only where the script has italics", async (locale) => {
    await open(locale, { kind: "home" });
    const style = await page.$eval("blockquote", (q) => getComputedStyle(q).fontStyle);
    expect(style).toBe(hasItalics(locale) ? "italic" : "normal");
  });
});

describe("the landing page", () => {
  it("gives every language its own block, with its lang and dir, one column at 375 px and one row at 1280 px", async () => {
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${served.origin}/`);
      const blocks = await page.$$eval(".landing section", (sections) =>
        (sections as HTMLElement[]).map((s) => {
          const box = s.getBoundingClientRect();
          return { lang: s.lang, dir: s.dir, top: Math.round(box.top), width: box.width };
        }),
      );
      expect(blocks.map((b) => [b.lang, b.dir])).toEqual(localeCodes.map((l) => [l, getLocale(l).dir]));
      const tops = new Set(blocks.map((b) => b.top));
      const main = await page.$eval("main", (m) => m.getBoundingClientRect().width);
      if (width === 375) {
        expect(tops.size, "one block per row").toBe(blocks.length);
        for (const block of blocks) expect(block.width).toBeGreaterThan(main * 0.8);
      } else {
        expect(tops.size, "every block on one row").toBe(1);
        for (const block of blocks) expect(block.width).toBeGreaterThan(180);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
