import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import en from "../../src/i18n/en.json";
import fr from "../../src/i18n/fr.json";
import { queryWithoutElisions } from "../../src/lib/elisions";
import { getLocale, localeCodes, type Locale } from "../../src/lib/locales";
import { pageAt, pathFor } from "../../src/lib/routes";
import { launchChromium } from "../../harness/browser";
import { serveSite, type Served } from "../helpers/serve";
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

/** Every hit of a query on a locale's search page, through Pagefind's own JS and the page's elision handling. */
async function search(locale: Locale, query: string, filters: Record<string, string> = {}): Promise<Hit[]> {
  const term = queryWithoutElisions(query, getLocale(locale).elisions);
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

// Words and phrases from the leaflet's results, objectives and capabilities, and the first hit each must give.
const firstHits: [Locale, string, string][] = [
  ["fr", "déplacements transfrontaliers", "/fr/objectifs/1/#resultat-1-1"],
  ["fr", "deplacements", "/fr/objectifs/1/#resultat-1-1"],
  ["fr", "déplacement", "/fr/objectifs/1/#resultat-1-1"],
  ["fr", "l’évaluation comparative", "/fr/objectifs/3/#resultat-3-2"],
  ["fr", "évaluations structurées", "/fr/objectifs/3/#resultat-3-3"],
  ["fr", "coopération policière régionale", "/fr/objectifs/1/#resultat-1-2"],
  ["fr", "plateformes", "/fr/objectifs/1/#resultat-1-3"],
  ["fr", "tendances nouvelles", "/fr/objectifs/2/#resultat-2-1"],
  ["fr", "mesures antiterroristes proactives", "/fr/objectifs/2/#resultat-2-4"],
  ["fr", "demantelement", "/fr/objectifs/3/#resultat-3-1"],
  ["fr", "instances multilatérales", "/fr/objectifs/4/#resultat-4-1"],
  ["fr", "priorités stratégiques", "/fr/objectifs/4/#resultat-4-2"],
  ["fr", "cadre de coopération", "/fr/objectifs/4/#resultat-4-3"],
  ["fr", "rapatrier des fonds", "/fr/objectifs/3/"],
  ["fr", "gestion des connaissances", "/fr/capacites/"],
  ["en", "cross-border movements", "/en/objectives/1/#result-1-1"],
  ["en", "regional police cooperation", "/en/objectives/1/#result-1-2"],
  ["en", "platforms", "/en/objectives/1/#result-1-3"],
  ["en", "emerging trends", "/en/objectives/2/#result-2-1"],
  ["en", "proactive", "/en/objectives/2/#result-2-4"],
  ["en", "disruption", "/en/objectives/3/#result-3-1"],
  ["en", "benchmarking", "/en/objectives/3/#result-3-2"],
  ["en", "structured assessments", "/en/objectives/3/#result-3-3"],
  ["en", "multilateral forums", "/en/objectives/4/#result-4-1"],
  ["en", "strategic priorities", "/en/objectives/4/#result-4-2"],
  ["en", "cooperation framework", "/en/objectives/4/#result-4-3"],
  ["en", "repatriate funds", "/en/objectives/3/"],
  ["en", "identification services", "/en/capabilities/"],
];

describe("search queries against the built index", () => {
  it.each(firstHits)("%s: “%s” gives %s first", async (locale, query, url) => {
    const hits = await search(locale, query);
    expect(hits[0]?.url, JSON.stringify(hits.map((h) => h.url))).toBe(url);
  });

  it("finds « évaluation » in both l'évaluation (3.2) and d'évaluations (3.3), whatever the apostrophe typed", async () => {
    for (const query of ["évaluation", "evaluation", "l'évaluation", "l’évaluation"]) {
      const urls = (await search("fr", query)).map((h) => h.url);
      expect(urls, query).toContain("/fr/objectifs/3/#resultat-3-2");
      expect(urls, query).toContain("/fr/objectifs/3/#resultat-3-3");
    }
  });

  it("finds “criminal intelligence” in the two results that name it, and nowhere else first", async () => {
    const urls = (await search("en", "criminal intelligence")).map((h) => h.url);
    expect(urls.slice(0, 2).sort()).toEqual(["/en/objectives/2/#result-2-3", "/en/objectives/2/#result-2-4"]);
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

  it("never crosses languages: a page's search returns only pages of its language", async () => {
    for (const query of [
      "INTERPOL",
      "terrorisme",
      "terrorist",
      "corruption",
      "innovation",
      "capacités",
      "capabilities",
    ])
      for (const locale of localeCodes)
        for (const hit of await search(locale, query)) expect(hit.url.startsWith(`/${locale}/`), hit.url).toBe(true);
    expect(await search("en", "déplacements transfrontaliers")).toEqual([]);
    expect(await search("fr", "cross-border movements")).toEqual([]);
  });
});

const strings = { fr: fr as Record<string, string>, en: en as Record<string, string> };

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
    expect(strings.fr["search.query"]).not.toBe(strings.en["search.query"]);
  });

  it("shows hits as the visitor types, announces their number and puts the query in the URL", async () => {
    const page = await browser.newPage();
    await page.goto(`${served.origin}/fr/recherche/`);
    await page.getByRole("searchbox").pressSequentially("évaluation");
    await expect.poll(() => page.getByRole("status").textContent()).toBe("3 résultats pour «\u00a0évaluation\u00a0»");
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
    await expect.poll(() => page.getByRole("status").textContent()).toBe("2 results for “criminal intelligence”");
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
      .toMatch(/^\d résultats? pour «\u00a0services\u00a0»$/);
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
