/**
 * How often search puts the expected hit first, before and after the page's ranking (src/lib/search-rank.ts), on
 * every locale's query set (tests/fixtures/search/<locale>.json: firstHit and phrases): Pagefind alone with its
 * default ranking, Pagefind alone with the best of a grid of its `ranking` options, and each of those re-ranked as
 * the page does. Searches run in Chromium on the built site, through Pagefind's own JS as the page calls it.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { getLocale, localeCodes, type Locale } from "../src/lib/locales.ts";
import { pathFor } from "../src/lib/routes.ts";
import { hitText, rankHits } from "../src/lib/search-rank.ts";
import { cleanQuery } from "../src/lib/search-query.ts";
import { queryWords } from "../src/lib/search-words.ts";
import { launchChromium } from "../harness/browser.ts";
import { serveWithNginx } from "../harness/nginx.ts";

/** Pagefind's ranking options (pagefind.app, "Ranking"); {} is its default. */
export type Ranking = Partial<Record<"termFrequency" | "pageLength" | "termSaturation" | "termSimilarity", number>>;

interface Hit {
  url: string;
  content: string;
  meta: { title?: string };
}

export interface RankingScore {
  ranking: Ranking;
  /** First hits as expected, by locale: Pagefind alone, and re-ranked by the page. */
  alone: Record<string, number>;
  ranked: Record<string, number>;
  /** Queries whose first hit was wrong, as "locale “query” → url (expected url)": Pagefind alone, and re-ranked. */
  aloneMisses: string[];
  misses: string[];
}

export interface RankingReport {
  queries: Record<string, number>;
  /** Pagefind's default ranking first, then the grid. */
  scores: RankingScore[];
}

/** Each locale's queries with the hit that must come first. */
function expectations(): { locale: Locale; query: string; url: string }[] {
  return localeCodes.flatMap((locale) => {
    const set = JSON.parse(readFileSync(`tests/fixtures/search/${locale}.json`, "utf8")) as {
      firstHit: [string, string][];
      phrases: [string, string, string][];
    };
    return [...set.firstHit, ...set.phrases].map(([query, url]) => ({ locale, query, url }));
  });
}

/** A grid around Pagefind's defaults (termFrequency 1, pageLength 0.75, termSaturation 1.4, termSimilarity 1). */
export function rankingGrid(): Ranking[] {
  const grid: Ranking[] = [{}];
  for (const termFrequency of [0, 0.5, 1])
    for (const pageLength of [0, 0.25, 0.75, 1])
      for (const termSaturation of [0.5, 1.4, 2])
        for (const termSimilarity of [0, 1, 4])
          grid.push({ termFrequency, pageLength, termSaturation, termSimilarity });
  return grid;
}

async function hitsOf(page: Page, term: string, ranking: Ranking): Promise<Hit[]> {
  // A string, not a function: the page's policy allows no eval, and Playwright sends functions as strings anyway.
  return (await page.evaluate(`(async ([term, ranking]) => {
    const pagefind = await import(location.origin + "/pagefind/pagefind.js");
    await pagefind.options({ noWorker: true, ranking });
    const response = await pagefind.search(term);
    const data = await Promise.all(response.results.slice(0, 50).map((r) => r.data()));
    return data.map(({ url, content, meta }) => ({ url, content, meta }));
  })(${JSON.stringify([term, ranking])})`)) as Hit[];
}

/** Scores every ranking of `grid` on every locale's queries, on the built site `siteDir`. */
export async function benchRanking(siteDir: string, grid: Ranking[] = rankingGrid()): Promise<RankingReport> {
  const site = await serveWithNginx(siteDir);
  const browser = await launchChromium(site.chromiumArgs);
  const cases = expectations();
  try {
    const pages = new Map<Locale, Page>();
    for (const locale of localeCodes) {
      const page = await browser.newPage(site.contextOptions);
      await page.goto(`${site.origin}${pathFor(locale, { kind: "search" })}`);
      pages.set(locale, page);
    }
    const scores: RankingScore[] = [];
    for (const ranking of grid) {
      const zero = () => Object.fromEntries(localeCodes.map((l) => [l, 0]));
      const score: RankingScore = { ranking, alone: zero(), ranked: zero(), aloneMisses: [], misses: [] };
      for (const { locale, query, url } of cases) {
        const words = getLocale(locale).searchWords;
        const clean = cleanQuery(query);
        const hits = await hitsOf(pages.get(locale)!, queryWords(clean, words), ranking);
        const ranked = rankHits(clean, hits, hitText, words);
        if (hits[0]?.url === url) score.alone[locale]!++;
        else score.aloneMisses.push(`${locale} “${query}” → ${hits[0]?.url ?? "nothing"} (expected ${url})`);
        if (ranked[0]?.url === url) score.ranked[locale]!++;
        else score.misses.push(`${locale} “${query}” → ${ranked[0]?.url ?? "nothing"} (expected ${url})`);
      }
      scores.push(score);
    }
    const queries = Object.fromEntries(localeCodes.map((l) => [l, cases.filter((c) => c.locale === l).length]));
    return { queries, scores };
  } finally {
    await browser.close();
    await site.close();
  }
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Lines for the report: the default ranking before and after, and the best of the grid alone and re-ranked. */
export function rankingLines({ queries, scores }: RankingReport): string[] {
  const n = total(queries);
  const describe = (s: RankingScore, which: "alone" | "ranked") =>
    `${total(s[which])}/${n} (${localeCodes.map((l) => `${l} ${s[which][l]}/${queries[l]}`).join(", ")})`;
  const [pagefindDefault] = scores;
  const bestAlone = [...scores].sort((a, b) => total(b.alone) - total(a.alone))[0]!;
  const bestRanked = [...scores].sort(
    (a, b) => total(b.ranked) - total(a.ranked) || total(b.alone) - total(a.alone),
  )[0]!;
  return [
    `Pagefind alone, default ranking: ${describe(pagefindDefault!, "alone")}`,
    `Re-ranked by the page (phrase, then exact form, then accents aside), default ranking: ${describe(pagefindDefault!, "ranked")}`,
    `Best of ${scores.length - 1} other Pagefind ranking settings, alone: ${describe(bestAlone, "alone")} with ${JSON.stringify(bestAlone.ranking)}`,
    `Best of those, re-ranked: ${describe(bestRanked, "ranked")} with ${JSON.stringify(bestRanked.ranking)}`,
    `Wrong first hits of Pagefind alone: ${pagefindDefault!.aloneMisses.join("; ") || "none"}`,
    `Wrong first hits re-ranked: ${pagefindDefault!.misses.join("; ") || "none"}`,
  ];
}
