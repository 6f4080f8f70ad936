import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { siteRecords } from "../../build/search-index";
import { loadDictionaries } from "../../src/i18n";
import { getLocale, localeCodes, type Locale } from "../../src/lib/locales";
import { shownQuery } from "../../src/lib/search-query";
import { queryWords, wordSeparator } from "../../src/lib/search-words";
import { pageAt, pathFor } from "../../src/lib/routes";
import { searchQueries } from "../helpers/search-queries";
import { siteInChromium } from "../helpers/site-in-chromium";
import { builtPaths, readPage } from "../helpers/site";

const siteDir = inject("siteDir");
const running = siteInChromium(siteDir);
/** One search page per locale, kept open: Pagefind loads once per page, as it does for a visitor. */
const searchPages = new Map<Locale, Page>();
/** The CI machine is a busy shared 2-core box: every wait is on the condition itself, with this much room. */
const patience = { timeout: 30_000 };

const newPage = (options: { viewport?: { width: number; height: number } } = {}) =>
  running.browser.newPage({ ...running.site.contextOptions, ...options });
const origin = () => running.site.origin;

beforeAll(async () => {
  for (const locale of localeCodes) {
    const page = await newPage();
    await page.goto(`${origin()}${pathFor(locale, { kind: "search" })}`);
    searchPages.set(locale, page);
  }
});

interface Hit {
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Every hit of a query in a locale's index, in Pagefind's own order, through its own JS and the locale's search words. */
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

/**
 * What a locale's search page shows for a query typed in its box and submitted: the status line and each hit's
 * address, without the text fragment.
 */
async function shown(locale: Locale, query: string): Promise<{ status: string; urls: string[] }> {
  const page = searchPages.get(locale)!;
  await page.locator("#search-q").fill(query);
  await page.locator("#search-q").press("Enter");
  // The status line names the query once its search has answered.
  const named = `\u2068${shownQuery(query, locale)}\u2069`;
  await expect.poll(() => page.locator("#search-status").textContent(), patience).toContain(named);
  const hrefs = await page.locator("#search-hits h2 a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  return {
    status: (await page.locator("#search-status").textContent())!,
    urls: hrefs.map((href) => href.split(":~:")[0]!.replace(/#$/, "")),
  };
}

// Each locale's own queries (tests/fixtures/search/<locale>.json): words and phrases of its text, and what they find.
const firstHits = localeCodes.flatMap((locale) =>
  searchQueries(locale).firstHit.map(([query, url]) => [locale, query, url] as const),
);
const phrases = localeCodes.flatMap((locale) =>
  searchQueries(locale).phrases.map(([query, url, rival]) => [locale, query, url, rival] as const),
);
const findsAll = localeCodes.flatMap((locale) =>
  searchQueries(locale).findsAll.map(([query, urls]) => [locale, query, urls] as const),
);

describe("what the search page shows first", () => {
  it("has at least 20 queries with their first hit in every locale, phrases among them", () => {
    for (const locale of localeCodes) {
      const { firstHit, phrases } = searchQueries(locale);
      expect(firstHit.length + phrases.length, locale).toBeGreaterThanOrEqual(20);
      expect(phrases.length, locale).toBeGreaterThanOrEqual(2);
    }
  });

  it.each(firstHits)("%s: “%s” gives %s first", async (locale, query, url) => {
    const { urls } = await shown(locale, query);
    expect(urls[0], JSON.stringify(urls)).toBe(url);
  });

  it.each(phrases)(
    "%s: the phrase “%s” gives %s, which holds it as typed, before %s, which holds it in another form",
    async (locale, query, url, rival) => {
      const { urls } = await shown(locale, query);
      expect(urls[0], JSON.stringify(urls)).toBe(url);
      expect(urls).toContain(rival);
    },
  );

  it("lands “mandat”, “mandate” and each locale's word for it on the mandate", async () => {
    for (const locale of localeCodes) {
      const mandate = `${pathFor(locale, { kind: "home" })}#${getLocale(locale).anchors.mandate}`;
      const word = loadDictionaries()[locale]["home.mandate"];
      expect((await shown(locale, word)).urls[0], locale).toBe(mandate);
    }
    const page = searchPages.get("fr")!;
    await shown("fr", "mandat");
    await Promise.all([page.waitForURL(/\/fr\/#mandat/, patience), page.locator("#search-hits a").first().click()]);
    await page.waitForFunction(() => document.querySelector(":target"), null, patience);
    expect(
      await page.evaluate(() => document.getElementById("mandat")!.contains(document.querySelector(":target"))),
    ).toBe(true);
    await page.goto(`${origin()}${pathFor("fr", { kind: "search" })}`);
  });

  it("lands each capability's name on that capability's anchor, in every locale", async () => {
    let checked = 0;
    for (const locale of localeCodes) {
      const path = pathFor(locale, { kind: "capabilities" });
      for (const item of readPage(siteDir, path).querySelectorAll(".capabilities li[id]")) {
        expect((await shown(locale, item.text.trim())).urls[0], `${locale} ${item.text}`).toBe(`${path}#${item.id}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(4 * localeCodes.length);
  });
});

describe("search queries against the built index", () => {
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
    const page = await newPage();
    await page.goto(`${origin()}/fr/recherche/`);
    await page.getByRole("searchbox").pressSequentially("évaluation");
    await expect
      .poll(() => page.locator("#search-status").textContent(), patience)
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
    const page = await newPage();
    await page.goto(`${origin()}/en/search/?q=criminal+intelligence&objective=2&kind=result`);
    await expect
      .poll(() => page.locator("#search-status").textContent(), patience)
      .toBe("2 results for “\u2068criminal intelligence\u2069”");
    expect(await page.getByRole("searchbox").inputValue()).toBe("criminal intelligence");
    expect(await page.locator("#search-objective").inputValue()).toBe("2");
    expect(await page.locator("#search-kind").inputValue()).toBe("result");
    await page.close();
  });

  it("works by keyboard alone, and a hit lands on its result, scrolled to and with the searched words highlighted", async () => {
    const page = await newPage({ viewport: { width: 1280, height: 600 } });
    await page.goto(`${origin()}/fr/recherche/`);
    const focus = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim());
    const tabTo = async (target: string, key = "Tab") => {
      for (let i = 0; i < 15 && (await focus()) !== target; i++) await page.keyboard.press(key);
      expect(await focus()).toBe(target);
    };
    await tabTo("search-q");
    await page.keyboard.type("services");
    await expect.poll(() => page.locator("#search-hits > li").count(), patience).toBeGreaterThan(3);
    await tabTo("search-objective");
    await page.keyboard.press("ArrowDown"); // "Objectif 1"
    await expect.poll(() => new URL(page.url()).searchParams.get("objective"), patience).toBe("1");
    await expect
      .poll(() => page.locator("#search-status").textContent(), patience)
      .toMatch(/^\d résultats? pour «\u00a0\u2068services\u2069\u00a0»$/);
    expect(await page.locator("#search-hits > li .hit-context").allTextContents()).toEqual(
      expect.arrayContaining(["Objectif 1"]),
    );
    await page.keyboard.press("ArrowUp"); // every objective again
    await tabTo("search-q", "Shift+Tab");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("évaluation comparative");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.locator("#search-hits a").first().textContent(), patience)
      .toBe("Résultat escompté 3.2");
    expect(await page.locator("#search-hits a").first().getAttribute("href")).toMatch(
      /^\/fr\/objectifs\/3\/#resultat-3-2:~:text=/,
    );
    await tabTo("Résultat escompté 3.2");
    await Promise.all([page.waitForURL(/\/fr\/objectifs\/3\//, patience), page.keyboard.press("Enter")]);
    await page.waitForFunction(() => scrollY > 0 && document.querySelector(":target"), null, patience);
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
    const page = await newPage();
    const links: string[] = [];
    for (const query of [
      "?q=services+charg%C3%A9s&objective=3",
      "?q=analyse+de+renseignements+criminels",
      "?q=%C3%A9valuation",
    ]) {
      await page.goto(`${origin()}/fr/recherche/${query}`);
      await expect.poll(() => page.locator("#search-hits > li").count(), patience).toBeGreaterThan(1);
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
        await page.goto(`${origin()}${url!.split("#")[0]}#:~:${directive}`);
        // Chromium matches text directives a moment after the load event; one that matches nothing fails below.
        await page.waitForFunction(() => document.querySelector(":target"), null, patience).catch(() => {});
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
    const page = await newPage();
    await page.goto(`${origin()}/en/objectives/2/`);
    await page.getByRole("searchbox", { name: strings.en["search.box"] }).fill("proactive");
    await Promise.all([page.waitForURL(/\/en\/search\/\?q=proactive$/, patience), page.keyboard.press("Enter")]);
    await expect
      .poll(() => page.locator("#search-hits a").first().getAttribute("href"), patience)
      .toMatch(/^\/en\/objectives\/2\/#result-2-4/);
    await page.close();
  });

  it("says without JavaScript, in the page's language, that search needs it, and links to every expected result", async () => {
    const context = await running.browser.newContext({ ...running.site.contextOptions, javaScriptEnabled: false });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    for (const locale of localeCodes) {
      await page.goto(`${origin()}${pathFor(locale, { kind: "search" })}?q=x`);
      const note = page.locator("main p", { hasText: strings[locale]["search.noScript"] });
      expect(await note.isVisible()).toBe(true);
      const link = note.getByRole("link", { name: strings[locale]["search.allResults"] });
      expect(await link.getAttribute("href")).toBe(pathFor(locale, { kind: "results" }));
    }
    // Only what nginx's Link header preloads for a page opened with a query (Pagefind's script and WebAssembly, never
    // run without JavaScript); no script of the page's own, nothing of the index.
    const preloaded = (path: string) =>
      path === "/pagefind/pagefind.js" || /^\/pagefind\/wasm\.\w+\.pagefind$/.test(path);
    expect(
      requested.filter((path) => (path.startsWith("/pagefind/") || path.endsWith(".js")) && !preloaded(path)),
    ).toEqual([]);
    await context.close();
  });
});

describe("loading the search before the visitor types", () => {
  it("starts fetching Pagefind and the page language's index once the page has painted, before any keystroke", async () => {
    for (const locale of localeCodes) {
      const page = await newPage();
      const requested: string[] = [];
      page.on("request", (request) => requested.push(new URL(request.url()).pathname));
      await page.goto(`${origin()}${pathFor(locale, { kind: "search" })}`);
      // Nothing is typed: the index files come all the same, the page language's and no other's.
      const wasm = `/pagefind/wasm.${locale}.pagefind`;
      await expect
        .poll(() => requested.filter((p) => p.startsWith("/pagefind/")), patience)
        .toEqual(
          expect.arrayContaining(["/pagefind/pagefind.js", wasm, expect.stringMatching(`^/pagefind/index/${locale}_`)]),
        );
      // A language's own files carry its code: wasm.fr.pagefind, pagefind.fr_….pf_meta, index/fr_…, fragment/fr_….
      const languageOf = (p: string) =>
        /^\/pagefind\/(?:wasm\.|pagefind\.|index\/|fragment\/)([a-z]{2,3})[._]/.exec(p)?.[1];
      expect(
        requested.filter((p) => (languageOf(p) ?? locale) !== locale),
        locale,
      ).toEqual([]);
      // Started after the first paint: the page's first render waits for none of it.
      const timing = await page.evaluate(() => ({
        paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
        first: Math.min(
          ...performance
            .getEntriesByType("resource")
            .filter((e) => new URL(e.name).pathname.startsWith("/pagefind/"))
            .map((e) => e.startTime),
        ),
      }));
      expect(timing.first, locale).toBeGreaterThanOrEqual(timing.paint);
      expect(await page.locator("#search-q").inputValue()).toBe("");
      await page.close();
    }
  });

  it("fetches the index and fragments a search needs together with Pagefind when the page opens with a query", async () => {
    const page = await newPage();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${origin()}${pathFor("fr", { kind: "search" })}?q=menace`);
    await expect.poll(() => page.locator("#search-hits > li").count(), patience).toBeGreaterThan(0);
    const pagefind = requested.filter((p) => p.startsWith("/pagefind/"));
    // Each file once: preloaded, then taken by Pagefind from the preload or the cache.
    expect(pagefind.filter((p, i) => pagefind.indexOf(p) !== i)).toEqual([]);
    expect(pagefind).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/pagefind\/fragment\/fr_/), "/pagefind/wasm.fr.pagefind"]),
    );
    await page.close();
  });
});

describe("a query with no hit in the page's language", () => {
  /** The links under the status line, as a reader follows them. */
  const elsewhereLinks = (page: Page) =>
    page
      .locator("#search-elsewhere a")
      .evaluateAll((as) =>
        as.map((a) => ({ href: a.getAttribute("href")!, hreflang: a.getAttribute("hreflang"), text: a.textContent! })),
      );

  it("says in the page's language how many hits each other locale has, with a link to the same search there", async () => {
    const cases: [Locale, string, Locale][] = [
      ["fr", "cross-border", "en"],
      ["en", "déplacements transfrontaliers", "fr"],
      ["ar", "cooperation", "en"],
      ["es", "التعاون", "ar"],
    ];
    for (const [locale, query, other] of cases) {
      const page = await newPage();
      await page.goto(`${origin()}${pathFor(locale, { kind: "search" })}?q=${encodeURIComponent(query)}`);
      await expect.poll(() => page.locator("#search-elsewhere a").count(), patience).toBeGreaterThan(0);
      expect(await page.locator("#search-hits > li").count()).toBe(0);
      const t = strings[locale];
      expect(await page.locator("#search-status").textContent()).toBe(
        t["search.none"].replace("{{query}}", `\u2068${query}\u2069`),
      );
      const links = await elsewhereLinks(page);
      const link = links.find((l) => l.hreflang === other)!;
      expect(link, JSON.stringify(links)).toBeDefined();
      expect(link.href).toBe(`${pathFor(other, { kind: "search" })}?${new URLSearchParams({ q: query })}`);
      const name = new Intl.DisplayNames([locale], { type: "language" }).of(other)!;
      const count = Number(/\d+/.exec(link.text)?.[0] ?? 1);
      const category = new Intl.PluralRules(locale).select(count);
      const template = t[`search.elsewhereCount_${category}` as keyof typeof t] ?? t["search.elsewhereCount_other"];
      expect(link.text).toBe(template.replace("{{count}}", String(count)).replace("{{language}}", name));
      // Every link is in the locales' order and goes to a locale other than the page's.
      expect(links.map((l) => l.hreflang)).toEqual(localeCodes.filter((c) => links.some((l) => l.hreflang === c)));
      expect(links.map((l) => l.hreflang)).not.toContain(locale);
      // Followed, it shows that many hits there.
      await Promise.all([
        page.waitForURL((url) => `${url.pathname}${url.search}` === link.href, patience),
        page.locator(`#search-elsewhere a[hreflang=${other}]`).click(),
      ]);
      await expect.poll(() => page.locator("#search-hits > li").count(), patience).toBe(count);
      await page.close();
    }
  });

  it("loads another locale's index only for a search that finds nothing here", async () => {
    const page = await newPage();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    await page.goto(`${origin()}${pathFor("en", { kind: "search" })}?q=cross-border`);
    await expect.poll(() => page.locator("#search-hits > li").count(), patience).toBeGreaterThan(0);
    const others = localeCodes.filter((code) => code !== "en");
    const ofOthers = () => requested.filter((url) => others.some((code) => url.includes(`wasm.${code}.`)));
    expect(ofOthers()).toEqual([]);
    expect(await page.locator("#search-elsewhere").textContent()).toBe("");
    await page.locator("#search-q").fill("déplacements transfrontaliers");
    await page.locator("#search-q").press("Enter");
    await expect.poll(() => page.locator("#search-elsewhere a").count(), patience).toBeGreaterThan(0);
    expect(ofOthers().length).toBe(others.length);
    await page.close();
  });
});

describe("queries a page must not take as typed", () => {
  it("says back a query with a right-to-left override in the URL without the override, isolated, and keeps it in the box", async () => {
    const page = await newPage();
    await page.goto(`${origin()}${pathFor("fr", { kind: "search" })}?q=%E2%80%AEnoitaulav%C3%A9`);
    await expect.poll(() => page.locator("#search-status").textContent(), patience).toContain("noitaulavé");
    const status = (await page.locator("#search-status").textContent())!;
    expect(status).not.toMatch(/[\u202A-\u202E\u2066\u2067]/);
    expect(status).toContain("\u2068noitaulavé\u2069");
    expect(await page.locator("#search-q").inputValue()).toBe("\u202Enoitaulavé");
    await page.close();
  });

  it("shortens a 5 KB query in the status line a screen reader reads, and keeps it whole in the box and the URL", async () => {
    const page = await newPage();
    const query = "coopération policière ".repeat(230).trim();
    await page.goto(`${origin()}${pathFor("fr", { kind: "search" })}?q=${encodeURIComponent(query)}`);
    await expect.poll(() => page.locator("#search-status").textContent(), patience).toContain("…");
    const status = (await page.locator("#search-status").textContent())!;
    expect(query.length).toBeGreaterThan(5000);
    expect(status.length).toBeLessThan(120);
    expect(await page.locator("#search-q").inputValue()).toBe(query);
    expect(new URL(page.url()).searchParams.get("q")).toBe(query);
    await page.close();
  });

  it("finds a word with a zero-width space inside it as the word, and asks for more than a lone elided article", async () => {
    expect((await shown("fr", "évalu\u200Bation")).urls).toEqual((await shown("fr", "évaluation")).urls);
    expect((await shown("fr", "évaluation")).urls.length).toBeGreaterThan(1);
    for (const locale of localeCodes) {
      const { stopWords, elisions, proclitics } = getLocale(locale).searchWords;
      const common = [stopWords[0]!, ...elisions.slice(0, 1).map((e) => `${e}’`), ...proclitics.slice(0, 1)];
      for (const query of common) {
        const { status, urls } = await shown(locale, query);
        expect(urls, `${locale} ${query}`).toEqual([]);
        expect(status).toBe(strings[locale]["search.tooCommon"].replace("{{query}}", `\u2068${query}\u2069`));
      }
    }
  });
});

describe("reading pages and search files", () => {
  it("no page but the search pages requests a script or anything under /pagefind/", async () => {
    const searchPaths = localeCodes.map((locale) => pathFor(locale, { kind: "search" }));
    const paths = builtPaths(siteDir).filter((path) => !searchPaths.includes(path));
    expect(paths.length).toBeGreaterThan(10);
    const page = await newPage();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    for (const path of paths) await page.goto(`${origin()}${path}`, { waitUntil: "load" });
    expect(requested.length).toBeGreaterThanOrEqual(paths.length);
    expect(requested.filter((path) => path.startsWith("/pagefind/") || path.startsWith("/_astro/"))).toEqual([]);
    await page.close();
  });
});
