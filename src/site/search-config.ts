/** What the search page hands its script (src/client/search-page.ts) in #search-config: its locale's search words and strings. */
import { pluralCategories, type Dictionary, type PluralCategory } from "../i18n/schema.ts";
import { getLocale, type Locale } from "../lib/locales.ts";
import type { SearchWords } from "../lib/search-words.ts";

export interface SearchConfig {
  /** What the index split off words (src/lib/search-words.ts), for queries and excerpts alike. */
  words: SearchWords;
  strings: {
    /** "{{count}} hits for {{query}}" in each plural category of the locale's language ("other" in every one). */
    count: { other: string } & Partial<Record<PluralCategory, string>>;
    none: string;
    loading: string;
  };
}

// The visitor's words keep their own direction inside the sentence (an English word on the Arabic page): first-strong
// isolate and pop directional isolate, the plain-text <bdi>, since the script fills the status with text.
const isolateQuery = (template: string) => template.replaceAll("{{query}}", "\u2068{{query}}\u2069");

/** The configuration of a locale's search page, from its dictionary. */
export function searchConfig(locale: Locale, strings: Dictionary): SearchConfig {
  return {
    words: getLocale(locale).searchWords,
    strings: {
      count: {
        ...Object.fromEntries(pluralCategories(locale).map((c) => [c, isolateQuery(strings[`search.count_${c}`]!)])),
        other: isolateQuery(strings["search.count_other"]),
      },
      none: isolateQuery(strings["search.none"]),
      loading: strings["search.loading"],
    },
  };
}

/** A value as the text of a <script type="application/json">: "<" escaped so no text in it can close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
