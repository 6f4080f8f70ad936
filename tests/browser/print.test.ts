import type { Browser, Page } from "playwright-core";
import { getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getLocale, localeCodes, type Locale } from "../../src/lib/locales";
import { pathFor, type PageRef } from "../../src/lib/routes";
import { launchChromium } from "../../harness/browser";
import { readDataFiles, squash } from "../helpers/open-data";
import { serveSite, type Served } from "../helpers/serve";

const siteDir = inject("siteDir");
let server: Served;
let browser: Browser;

interface Printed {
  /** Text of each printed page in reading order, whitespace squashed, ligatures and presentation forms unfolded. */
  pages: string[];
  /** Width and height of the first sheet, in points. */
  sheet: [number, number];
  /** Texts the screen shows in navigation: header, nav, search form, skip link and footer links. */
  navigation: string[];
  /** The text and href of every link printed in the main text, and what print media writes after it. */
  links: { text: string; href: string; after: string }[];
  /** Text of each objective's heading, in order. */
  objectiveHeadings: string[];
}

/** Opens a page in print media, reads what the screen shows, then prints it to PDF as a reader's browser would. */
async function print(page: Page, locale: Locale, ref: PageRef): Promise<Printed> {
  await page.goto(`${server.origin}${pathFor(locale, ref)}`);
  await page.emulateMedia({ media: "print" });
  const seen = await page.evaluate(() => {
    const textOf = (e: Element) => (e.textContent ?? "").replace(/\s+/g, " ").trim();
    const navigation = [
      ...document.querySelectorAll(".site-header, nav, form, .skip-link, .site-footer a, nav a, .site-header a"),
    ]
      .map(textOf)
      .filter(Boolean);
    const links = [...document.querySelectorAll("main a[href]")]
      .filter((a) => a.checkVisibility())
      .map((a) => ({
        text: textOf(a),
        href: a.getAttribute("href")!,
        after: getComputedStyle(a, "::after").content,
      }));
    const objectiveHeadings = [...document.querySelectorAll("main section.objective h2")].map(textOf);
    return { navigation, links, objectiveHeadings };
  });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const proxy = await getDocumentProxy(new Uint8Array(pdf));
  const viewport = (await proxy.getPage(1)).getViewport({ scale: 1 });
  const pages: string[] = [];
  for (let n = 1; n <= proxy.numPages; n++)
    pages.push(await readingOrder(await proxy.getPage(n), getLocale(locale).dir));
  return { ...seen, pages, sheet: [viewport.width, viewport.height] };
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<typeof getDocumentProxy>>["getPage"]>>;

/**
 * A printed page's text as a reader reads it. A PDF holds glyph runs where they are drawn, right-to-left runs in
 * visual order: the runs are grouped by line, top to bottom, and each line read from its start side.
 */
async function readingOrder(page: PdfPage, dir: "ltr" | "rtl"): Promise<string> {
  const lines = new Map<number, { x: number; text: string }[]>();
  for (const item of (await page.getTextContent()).items) {
    if (!("str" in item) || !item.str) continue;
    const y = Math.round(item.transform[5] as number);
    lines.set(y, [...(lines.get(y) ?? []), { x: item.transform[4] as number, text: item.str }]);
  }
  return squash(
    [...lines]
      .sort(([a], [b]) => b - a)
      .map(([, runs]) =>
        runs
          .sort((a, b) => (dir === "rtl" ? b.x - a.x : a.x - b.x))
          .map((r) => r.text)
          .join(""),
      )
      .join(" ")
      .normalize("NFKC"),
  );
}

/** Letters and digits only, in order: what must survive printing, whatever the spacing, marks and punctuation. */
const letters = (text: string) => text.normalize("NFKC").replace(/[^\p{L}\p{N}]/gu, "");

const printed = new Map<string, Printed>();

beforeAll(async () => {
  server = await serveSite(siteDir);
  browser = await launchChromium();
  const page = await browser.newPage();
  for (const locale of localeCodes) {
    printed.set(`${locale} strategy`, await print(page, locale, { kind: "strategy" }));
    printed.set(`${locale} objective`, await print(page, locale, { kind: "objective", objective: 1 }));
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("printing with Chromium", () => {
  it("prints the full-strategy page of each locale on A4 with the text of every expected result", () => {
    for (const locale of localeCodes) {
      const { pages, sheet } = printed.get(`${locale} strategy`)!;
      const { json } = readDataFiles(siteDir, locale);
      console.log(`${locale}: full-strategy page printed on ${pages.length} A4 pages`);
      expect(sheet.map(Math.round), locale).toEqual([595, 842]);
      const all = letters(pages.join(" "));
      for (const result of json.objectives.flatMap((o) => o.results))
        expect(all, `${locale} ${result.number}`).toContain(letters(result.text));
      expect(all).toContain(letters(json.strategy.mandate as string));
    }
  });

  it("starts each objective on a new page, after the introduction", () => {
    for (const locale of localeCodes) {
      const { pages, objectiveHeadings } = printed.get(`${locale} strategy`)!;
      const { json } = readDataFiles(siteDir, locale);
      expect(objectiveHeadings).toHaveLength(json.objectives.length);
      const starts = objectiveHeadings.map((heading) =>
        pages.findIndex((text) => letters(text).startsWith(letters(heading))),
      );
      expect(starts[0], `${locale}: ${objectiveHeadings[0]} starts a page after the first`).toBeGreaterThan(0);
      expect(
        starts.every((start, i) => i === 0 || start > starts[i - 1]!),
        `${locale}: pages starting with each objective ${starts.join(", ")}`,
      ).toBe(true);
      expect(pages.length).toBeGreaterThanOrEqual(json.objectives.length + 1);
    }
  });

  it("keeps each expected result's number in print", () => {
    for (const locale of localeCodes) {
      const all = printed.get(`${locale} strategy`)!.pages.join(" ");
      const { json } = readDataFiles(siteDir, locale);
      for (const result of json.objectives.flatMap((o) => o.results))
        expect(all, `${locale} ${result.number}`).toMatch(new RegExp(`\\b${result.number.replace(".", "\\.")}\\b`));
    }
  });

  it("prints none of the navigation: header, switcher, breadcrumbs, search form, skip link, pager or footer links", () => {
    for (const [name, { pages, navigation }] of printed) {
      const all = pages.join(" ");
      expect(navigation.length, name).toBeGreaterThan(0);
      for (const text of navigation) expect(all, `${name} prints "${text}"`).not.toContain(text);
    }
  });

  it("prints the target after each link that leaves the page, and none after links within the page", () => {
    for (const [name, { links, pages }] of printed) {
      const all = pages.join("").replace(/\s/g, "");
      for (const link of links) {
        if (link.href.startsWith("#")) expect(link.after, `${name} ${link.href}`).toBe("none");
        else {
          expect(link.after, `${name} ${link.href}`).toContain(`(${link.href})`);
          expect(all, `${name} ${link.href}`).toContain(`(${link.href})`.replace(/\s/g, ""));
        }
      }
      expect(links.length, name).toBeGreaterThan(0);
    }
  });
});
