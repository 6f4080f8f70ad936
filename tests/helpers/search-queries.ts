/** Each locale's own search queries (tests/fixtures/search/<locale>.json): every locale must have its set. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Locale } from "../../src/lib/locales";

export interface SearchQueries {
  /** A query and the root-relative URL its first hit must be, on the built site's search page. */
  firstHit: [query: string, url: string][];
  /**
   * A phrase, the hit that holds it as typed, which must come first, and a rival that holds the same words with one of
   * them in another form ("menaces" for "menace", "de la" for "des"), which must be among the hits too.
   */
  phrases: [query: string, url: string, rival: string][];
  /** A query and every URL it must find, on the built site. */
  findsAll: [query: string, urls: string[]][];
  /** A sentence and a word of it written apart, which search must find in it: what the locale's searchWords are for. */
  attached: [sentence: string, word: string][];
}

export const searchQueriesDir = "tests/fixtures/search";

/** The query set of a locale, or an error naming the file and what it must hold. */
export function searchQueries(locale: Locale, dir = searchQueriesDir): SearchQueries {
  const file = path.join(dir, `${locale}.json`);
  if (!existsSync(file))
    throw new Error(
      `${file}: missing; expected the search queries of "${locale}" (firstHit, phrases, findsAll, attached).`,
    );
  const queries = JSON.parse(readFileSync(file, "utf8")) as SearchQueries;
  for (const field of ["firstHit", "phrases", "findsAll", "attached"] as const)
    if (!Array.isArray(queries[field])) throw new Error(`${file}: field "${field}" missing; expected a list.`);
  if (queries.firstHit.length === 0)
    throw new Error(`${file}: field "firstHit" is empty; expected at least one query with its first hit.`);
  return queries;
}

/** A query that finds something on the locale's search page, for tests that need hits on screen. */
export const queryWithHits = (locale: Locale, dir?: string) => searchQueries(locale, dir).firstHit[0]![0];
