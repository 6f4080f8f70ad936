/**
 * What the search page hands its script (src/client/search-page.ts) in #search-config: its locale's search words and
 * strings, the other locales it can point to, and (written by the search index build step) Pagefind's files to fetch.
 */
import { pluralCategories, type Dictionary, type PluralCategory } from "../i18n/schema.ts";
import { getLocale, localeCodes, type Locale } from "../lib/locales.ts";
import { pathFor } from "../lib/routes.ts";
import type { SearchWords } from "../lib/search-words.ts";
import { languageName } from "./fallback.ts";

/** A string in each plural category of the page's language ("other" in every one). */
export type PluralStrings = { other: string } & Partial<Record<PluralCategory, string>>;

/** Pagefind's files for one language, known only once the index is written (build/search-index.ts). */
export interface SearchBundle {
  /** Pagefind's metaCacheTag: its entry file is then fetched as pagefind-entry.json?ts=<tag>, a URL known in advance. */
  tag: string;
  /** What Pagefind reads as it starts, which would otherwise come one after the other: entry file, metadata, WebAssembly. */
  start: string[];
  /** The language's index chunks and fragment files, when few enough that the first search needs them all. */
  search: string[];
}

/** Another locale, searched only when a query finds nothing in the page's own. */
export interface OtherLocale {
  code: string;
  /** Its name in the page's language (Intl.DisplayNames): "anglais" on the French page. */
  name: string;
  searchPath: string;
  words: SearchWords;
}

export interface SearchConfig {
  /** What the index split off words (src/lib/search-words.ts), for queries and excerpts alike. */
  words: SearchWords;
  strings: {
    /** "{{count}} hits for {{query}}". */
    count: PluralStrings;
    none: string;
    loading: string;
    tooCommon: string;
    /** "In other languages: {{links}}", each link "{{count}} results in {{language}}". */
    elsewhere: string;
    elsewhereCount: PluralStrings;
  };
  others: OtherLocale[];
  /** Each locale's Pagefind files, by locale code; absent until the index is built. */
  bundles?: Record<string, SearchBundle>;
}

// The visitor's words keep their own direction inside the sentence (an English word on the Arabic page): first-strong
// isolate and pop directional isolate, the plain-text <bdi>, since the script fills the status with text.
const isolateQuery = (template: string) => template.replaceAll("{{query}}", "\u2068{{query}}\u2069");

function plural(locale: Locale, strings: Dictionary, key: "search.count" | "search.elsewhereCount"): PluralStrings {
  return {
    ...Object.fromEntries(pluralCategories(locale).map((c) => [c, isolateQuery(strings[`${key}_${c}`]!)])),
    other: isolateQuery(strings[`${key}_other`]),
  };
}

/** The configuration of a locale's search page, from its dictionary. */
export function searchConfig(locale: Locale, strings: Dictionary): SearchConfig {
  return {
    words: getLocale(locale).searchWords,
    strings: {
      count: plural(locale, strings, "search.count"),
      none: isolateQuery(strings["search.none"]),
      loading: strings["search.loading"],
      tooCommon: isolateQuery(strings["search.tooCommon"]),
      elsewhere: strings["search.elsewhere"],
      elsewhereCount: plural(locale, strings, "search.elsewhereCount"),
    },
    others: localeCodes
      .filter((code) => code !== locale)
      .map((code) => ({
        code,
        name: languageName(locale, code),
        searchPath: pathFor(code, { kind: "search" }),
        words: getLocale(code).searchWords,
      })),
  };
}

/** Few enough files that fetching them all costs less than waiting to learn which of them a query needs. */
const fewFiles = 4;

/**
 * One locale's Pagefind files, from the bundle's entry file (pagefind-entry.json) and the names of its index chunks
 * and fragment files; undefined when the index has no such language.
 */
export function searchBundle(
  entryJson: string,
  locale: string,
  indexChunks: readonly string[],
  fragmentFiles: readonly string[],
  tag: string,
): SearchBundle | undefined {
  const entry = JSON.parse(entryJson) as { languages: Record<string, { hash: string; wasm: string | null }> };
  const language = entry.languages[locale];
  if (!language) return undefined;
  const own = (names: readonly string[], folder: string) =>
    names.filter((name) => name.startsWith(`${locale}_`)).map((name) => `/pagefind/${folder}/${name}`);
  const chunks = own(indexChunks, "index");
  const fragments = own(fragmentFiles, "fragment");
  return {
    tag,
    start: [
      `/pagefind/pagefind-entry.json?ts=${tag}`,
      `/pagefind/pagefind.${language.hash}.pf_meta`,
      `/pagefind/wasm.${language.wasm ?? "unknown"}.pagefind`,
    ],
    search: chunks.length <= fewFiles && fragments.length <= fewFiles ? [...chunks, ...fragments] : [],
  };
}

/** A value as the text of a <script type="application/json">: "<" escaped so no text in it can close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
