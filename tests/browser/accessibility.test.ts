import { AxeBuilder } from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, inject, it } from "vitest";
import { localeCodes } from "../../src/lib/locales";
import { pathFor } from "../../src/lib/routes";
import { queryWithHits } from "../helpers/search-queries";
import { siteInChromium } from "../helpers/site-in-chromium";
import { sitemapPaths } from "../helpers/site";

const siteDir = inject("siteDir");
const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
// Every page of the sitemap, the 404 pages readers meet on a broken link, and each search page showing hits.
const paths = () => [
  ...sitemapPaths(siteDir),
  "/404.html",
  ...localeCodes.map((locale) => pathFor(locale, { kind: "notFound" })),
  ...localeCodes.map(
    (locale) => `${pathFor(locale, { kind: "search" })}?q=${encodeURIComponent(queryWithHits(locale))}`,
  ),
];
// axe-core enters each page once, with the page, rather than being sent twice per run by AxeBuilder: half the time.
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const alreadyLoaded = "void 0";
const viewports = [
  { width: 375, height: 812 },
  { width: 1280, height: 800 },
];
const schemes = ["light", "dark"] as const;

const running = siteInChromium(siteDir);

describe("axe-core on every page served by nginx (WCAG 2.2 AA and best practices)", () => {
  for (const viewport of viewports)
    for (const colorScheme of schemes)
      it.concurrent(
        `finds no violation at ${viewport.width} px wide in the ${colorScheme} theme`,
        async () => {
          // One context and one page per combination, reused for every URL.
          const context = await running.browser.newContext({ ...running.site.contextOptions, viewport, colorScheme });
          await context.addInitScript(axeSource);
          const page = await context.newPage();
          await page.goto(`${running.site.origin}/`);
          expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(
            colorScheme === "dark",
          );
          const violations: string[] = [];
          for (const path of paths()) {
            const response = await page.goto(`${running.site.origin}${path}`);
            expect([200, 404], path).toContain(response?.status());
            if (path.includes("?q=")) await page.waitForSelector("#search-hits li a");
            // Reflow (WCAG 1.4.10): nothing may make the reader scroll sideways.
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
            if (overflow > 0) violations.push(`${path} horizontal scrolling: ${overflow} px wider than the screen`);
            // Legacy mode runs axe in the page itself, without opening a blank page per run to merge frame results:
            // these pages have no frames, and it halves the time.
            const { violations: found } = await new AxeBuilder({ page, axeSource: alreadyLoaded })
              .withTags(tags)
              .setLegacyMode(true)
              .analyze();
            for (const v of found)
              violations.push(`${path} ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
          }
          await context.close();
          console.log(
            `axe: ${paths().length} pages at ${viewport.width} px, ${colorScheme}: ${violations.length} violations`,
          );
          expect(violations).toEqual([]);
        },
        300_000,
      );
});
