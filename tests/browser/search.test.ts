import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { siteRecords } from "../../build/search-index";
import { loadDictionaries } from "../../src/i18n";
import { getLocale, localeCodes, type Locale } from "../../src/lib/locales";
import { queryWords, wordSeparator } from "../../src/lib/search-words";
import { pageAt, pathFor } from "../../src/lib/routes";
import { launchChromium } from "../../harness/browser";
import { serveSite, type Served } from "../helpers/serve";
import { searchQueries } from "../helpers/search-queries";
import { builtPaths, readPage } from "../helpers/site";

const siteDir = inject("siteDir");
let served: Served;
let browser: Browser;
/** One search page per locale, kept open: Pagefind loads once per page, as it does for a visitor. */
const searchPages = new Map<Locale, Page>();

beforeAll(async () => {
  served = await serveSite(siteDir);
  browser = await launchChromium();
  for (const locale of localeCodes) {
    const page = await browser.newPage();
    await page.goto(`${served.origin}${pathFor(locale, { kind: "search" })}`);
    searchPages.set(locale, page);
  }
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

interface Hit {
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Every hit of a query on a locale's search page, through Pagefind's own JS and the locale's search words. */
async function search(locale: Locale, query: string, filters: Record<string, string> = {}): Promise<Hit[]> {
  const term = queryWords(query, getLocale(locale).searchWords);
  // A string, not a function: Vite would rewrite a function's import() for Node before Chromium sees it.
  const script = `(async ([term, filters]) => {
    const pagefind = await import(location.origin + "/pagefind/pagefind.js");
    await pagefind.options({ noWorker: true });
    const response = await pagefind.search(term || null, { filters });
    const data = await Promise.all(response.results.map((r) => r.data()));
    return data.map(({ url, meta, filters }) => ({ url, meta, filters }));
  })(${JSON.stringify([term, filters])})`;
  return (await searchPages.get(locale)!.evaluate(script)) as Hit[];
}

// Each locale's own queries (tests/fixtures/search/<locale>.json): words and phrases of its text, and what they find.
const firstHits = localeCodes.flatMap((locale) =>
  searchQueries(locale).firstHit.map(([query, url]) => [locale, query, url] as const),
);
const findsAll = localeCodes.flatMap((locale) =>
  searchQueries(locale).findsAll.map(([query, urls]) => [locale, query, urls] as const),
);

describe("search queries against the built index", () => {
  it.each(firstHits)("%s: “%s” gives %s first", async (locale, query, url) => {
    const urls = (await search(locale, query)).map((h) => h.url);
    expect(urls[0], JSON.stringify(urls)).toBe(url);
  });

  it.each(findsAll)("%s: “%s” finds each of %j", async (locale, query, urls) => {
    expect((await search(locale, query)).map((h) => h.url)).toEqual(expect.arrayContaining(urls));
  });

  it("finds every word the locale writes attached to another by the word alone, in the record that holds it", async () => {
    const { records } = siteRecords(siteDir);
    let checked = 0;
    for (const locale of localeCodes) {
      // Each part split off at indexing, then the word it was attached to, punctuation trimmed.
      const attached = new RegExp(`${wordSeparator}([\\p{L}\\p{M}]+)`, "gu");
      const cases = records
        .filter((record) => record.language === locale)
        .flatMap((record) => [...record.content.matchAll(attached)].map((m) => [m[1]!, record.url] as const));
      for (const [word, url] of cases)
        expect(
          (await search(locale, word)).map((h) => h.url),
          `${locale}: “${word}” in ${url}`,
        ).toContain(url);
      checked += cases.length;
    }
    console.log(`${checked} attached words, each found alone in its record`);
    expect(checked).toBeGreaterThan(0);
  });

  it("never crosses languages: every locale's queries, searched on each page, find only pages of that page's language", async () => {
    const everyQuery = localeCodes.flatMap((locale) => searchQueries(locale).firstHit.map(([query]) => query));
    for (const locale of localeCodes) {
      const urls: string[] = [];
      for (const query of everyQuery) urls.push(...(await search(locale, query)).map((h) => h.url));
      expect(urls.length, locale).toBeGreaterThan(0);
      expect(
        urls.filter((url) => !url.startsWith(`/${locale}/`)),
        locale,
      ).toEqual([]);
    }
  });

  it("holds every expected result as its own hit at its anchor, with the objective's number and title", async () => {
    for (const locale of localeCodes) {
      const hits = await search(locale, "", { kind: "result" });
      const anchors = builtPaths(siteDir)
        .filter((path) => pageAt(path)?.locale === locale && pageAt(path)?.page.kind === "objective")
        .flatMap((path) =>
          readPage(siteDir, path)
            .querySelectorAll(".results > li[id]")
            .map((li) => `${path}#${li.id}`),
        );
      expect(anchors.length).toBeGreaterThan(0);
      expect(hits.map((h) => h.url).sort()).toEqual(anchors.sort());
      for (const hit of hits) {
        const objective = pageAt(hit.url)!.page as { objective: number };
        const title = readPage(siteDir, hit.url).querySelector("h1")!.text.trim();
        expect(hit.meta).toMatchObject({
          kind: "result",
          objective: String(objective.objective),
          objectiveTitle: title,
        });
        expect(hit.filters).toEqual({ kind: ["result"], objective: [String(objective.objective)] });
      }
    }
  });

  it("narrows the hits with the objective and kind filters", async () => {
    const all = await search("fr", "services");
    const inObjective3 = await search("fr", "services", { objective: "3" });
    const results3 = await search("fr", "services", { objective: "3", kind: "result" });
    expect(all.length).toBeGreaterThan(inObjective3.length);
    expect(inObjective3.length).toBeGreaterThan(0);
    expect(inObjective3.every((h) => h.meta.objective === "3")).toBe(true);
    expect(inObjective3.map((h) => h.url)).toEqual(all.filter((h) => h.meta.objective === "3").map((h) => h.url));
    expect(results3.every((h) => h.meta.kind === "result" && h.url.startsWith("/fr/objectifs/3/#"))).toBe(true);
    const objectives = await search("en", "corruption", { kind: "objective" });
    expect(objectives.map((h) => h.url).sort()).toEqual([
      "/en/objectives/1/",
      "/en/objectives/2/",
      "/en/objectives/4/",
    ]);
  });
});

const strings = loadDictionaries();

describe("the search page", () => {
  it("labels every control in the page's language", async () => {
    for (const locale of localeCodes) {
      const page = searchPages.get(locale)!;
      const t = strings[locale];
      await expect(page.getByRole("searchbox", { name: t["search.query"], exact: true }).count()).resolves.toBe(1);
      await expect(page.getByRole("combobox", { name: t["search.objective"], exact: true }).count()).resolves.toBe(1);
      await expect(page.getByRole("combobox", { name: t["search.kind"], exact: true }).count()).resolves.toBe(1);
      await expect(page.getByRole("button", { name: t["search.submit"], exact: true }).count()).resolves.toBe(1);
      const options = await page.locator("select option").allTextContents();
      expect(options).toContain(t["search.anyObjective"]);
      expect(options).toContain(t["search.kind.result"]);
    }
    expect(new Set(localeCodes.map((locale) => strings[locale]["search.query"])).size).toBe(localeCodes.length);
  });

  it("shows hits as the visitor types, announces their number and puts the query in the URL", async () => {
    const page = await browser.newPage();
    await page.goto(`${served.origin}/fr/recherche/`);
    await page.getByRole("searchbox").pressSequentially("évaluation");
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toBe("3 résultats pour «\u00a0\u2068évaluation\u2069\u00a0»");
    expect(await page.locator("#search-hits > li").count()).toBe(3);
    expect(new URL(page.url()).searchParams.get("q")).toBe("évaluation");
    const hit32 = page.locator("#search-hits > li", { hasText: "Résultat escompté 3.2" });
    // The elision is shown as written, with only the word marked.
    expect(await hit32.locator("p").last().textContent()).toContain("Priorité accrue à l'évaluation comparative");
    expect(await hit32.locator("mark").allTextContents()).toEqual(["évaluation"]);
    expect(await hit32.locator("p.hit-context").textContent()).toBe("Objectif 3");
    await page.close();
  });

  it("shows the search a shared URL holds, filters included", async () => {
    const page = await browser.newPage();
    await page.goto(`${served.origin}/en/search/?q=criminal+intelligence&objective=2&kind=result`);
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toBe("2 results for “\u2068criminal intelligence\u2069”");
    expect(await page.getByRole("searchbox").inputValue()).toBe("criminal intelligence");
    expect(await page.locator("#search-objective").inputValue()).toBe("2");
    expect(await page.locator("#search-kind").inputValue()).toBe("result");
    await page.close();
  });

  it("works by keyboard alone, and a hit lands on its result, scrolled to and with the searched words highlighted", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 600 } });
    await page.goto(`${served.origin}/fr/recherche/`);
    const focus = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim());
    const tabTo = async (target: string, key = "Tab") => {
      for (let i = 0; i < 15 && (await focus()) !== target; i++) await page.keyboard.press(key);
      expect(await focus()).toBe(target);
    };
    await tabTo("search-q");
    await page.keyboard.type("services");
    await expect.poll(() => page.locator("#search-hits > li").count()).toBeGreaterThan(3);
    await tabTo("search-objective");
    await page.keyboard.press("ArrowDown"); // "Objectif 1"
    await expect.poll(() => new URL(page.url()).searchParams.get("objective")).toBe("1");
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toMatch(/^\d résultats? pour «\u00a0\u2068services\u2069\u00a0»$/);
    expect(await page.locator("#search-hits > li .hit-context").allTextContents()).toEqual(
      expect.arrayContaining(["Objectif 1"]),
    );
    await page.keyboard.press("ArrowUp"); // every objective again
    await tabTo("search-q", "Shift+Tab");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("évaluation comparative");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#search-hits a").first().textContent()).toBe("Résultat escompté 3.2");
    expect(await page.locator("#search-hits a").first().getAttribute("href")).toMatch(
      /^\/fr\/objectifs\/3\/#resultat-3-2:~:text=/,
    );
    await tabTo("Résultat escompté 3.2");
    await Promise.all([page.waitForURL(/\/fr\/objectifs\/3\//), page.keyboard.press("Enter")]);
    await page.waitForFunction(() => scrollY > 0 && document.querySelector(":target"));
    const arrival = await page.evaluate(() => {
      const result = document.getElementById("resultat-3-2")!;
      const box = result.getBoundingClientRect();
      return {
        hash: location.hash,
        scripts: document.scripts.length,
        highlighted: result.matches(":target, :has(:target)"),
        // The text fragment, not the bare anchor, chose the target: the paragraph that holds the words.
        targetIsWords:
          document.querySelector(":target")?.tagName === "P" && result.contains(document.querySelector(":target")),
        target: document.querySelector(":target")?.textContent ?? "",
        inView: box.top >= 0 && box.top < innerHeight,
      };
    });
    expect(arrival).toMatchObject({
      hash: "#resultat-3-2",
      scripts: 0,
      highlighted: true,
      targetIsWords: true,
      inView: true,
    });
    expect(arrival.target).toContain("l'évaluation comparative");
    await page.close();
  });

  it("links each hit with text directives that each land inside that hit, however often its words recur", async () => {
    const page = await browser.newPage();
    const links: string[] = [];
    for (const query of [
      "?q=services+charg%C3%A9s&objective=3",
      "?q=analyse+de+renseignements+criminels",
      "?q=%C3%A9valuation",
    ]) {
      await page.goto(`${served.origin}/fr/recherche/${query}`);
      await expect.poll(() => page.locator("#search-hits > li").count()).toBeGreaterThan(1);
      links.push(
        ...(await page.locator("#search-hits h2 a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!))),
      );
    }
    const checked: string[] = [];
    for (const link of links.filter((l) => l.includes("#resultat-"))) {
      const [url, directives] = link.split(":~:");
      const anchor = url!.split("#")[1]!;
      for (const directive of directives!.split("&")) {
        await page.goto("about:blank");
        await page.goto(`${served.origin}${url!.split("#")[0]}#:~:${directive}`);
        // Chromium matches text directives a moment after the load event.
        await page.waitForFunction(() => document.querySelector(":target"), null, { timeout: 2000 }).catch(() => {});
        const inside = await page.evaluate(
          (id) => document.getElementById(id)!.contains(document.querySelector(":target")),
          anchor,
        );
        expect(inside, `${url} ${decodeURIComponent(directive)}`).toBe(true);
        checked.push(directive);
      }
    }
    expect(checked.length).toBeGreaterThan(8);
    await page.close();
  });

  it("takes a search from the header box of a reading page, a plain form", async () => {
    const page = await browser.newPage();
    await page.goto(`${served.origin}/en/objectives/2/`);
    await page.getByRole("searchbox", { name: strings.en["search.box"] }).fill("proactive");
    await Promise.all([page.waitForURL(/\/en\/search\/\?q=proactive$/), page.keyboard.press("Enter")]);
    await expect
      .poll(() => page.locator("#search-hits a").first().getAttribute("href"))
      .toMatch(/^\/en\/objectives\/2\/#result-2-4/);
    await page.close();
  });

  it("says without JavaScript, in the page's language, that search needs it, and links to every expected result", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    for (const locale of localeCodes) {
      await page.goto(`${served.origin}${pathFor(locale, { kind: "search" })}?q=x`);
      const note = page.locator("main p", { hasText: strings[locale]["search.noScript"] });
      expect(await note.isVisible()).toBe(true);
      const link = note.getByRole("link", { name: strings[locale]["search.allResults"] });
      expect(await link.getAttribute("href")).toBe(pathFor(locale, { kind: "results" }));
    }
    expect(requested.filter((path) => path.startsWith("/pagefind/") || path.endsWith(".js"))).toEqual([]);
    await context.close();
  });
});

describe("reading pages and search files", () => {
  it("no page but the search pages requests a script or anything under /pagefind/", async () => {
    const searchPaths = localeCodes.map((locale) => pathFor(locale, { kind: "search" }));
    const paths = builtPaths(siteDir).filter((path) => !searchPaths.includes(path));
    expect(paths.length).toBeGreaterThan(10);
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    for (const path of paths) await page.goto(`${served.origin}${path}`, { waitUntil: "load" });
    expect(requested.length).toBeGreaterThanOrEqual(paths.length);
    expect(requested.filter((path) => path.startsWith("/pagefind/") || path.startsWith("/_astro/"))).toEqual([]);
    await page.close();
  });
});
