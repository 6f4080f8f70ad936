/**
 * While previewing, an entry missing in a locale is shown in the language of its original, marked as such, rather
 * than breaking the page; the build never gets here, since its content checks stop on a missing translation.
 */
import { localeOfId, nameOfId, pathInLocale } from "./entry-ids.ts";
import type { Locale } from "./locales.ts";
import type { Collections } from "./strategy.ts";

/** An entry shown in a locale it was not written in: fallbackFrom is the language of its text. */
export type WithFallback<E> = E & { fallbackFrom?: Locale };

type Entry = { id: string; data: object };

/** The locale an entry's text is written in when it is not the page's, or undefined. */
export function fallbackLocale(entry: object): Locale | undefined {
  return (entry as { fallbackFrom?: Locale }).fallbackFrom;
}

/** The name of a language in the page's language, e.g. "French" on an English page, "anglais" on a French one. */
export function languageName(pageLocale: Locale, language: Locale): string {
  return new Intl.DisplayNames([pageLocale], { type: "language" }).of(language) ?? language;
}

function fill<E extends Entry>(entries: E[], locales: readonly Locale[]): WithFallback<E>[] {
  const byName = new Map<string, E[]>();
  for (const entry of entries) byName.set(nameOfId(entry.id), [...(byName.get(nameOfId(entry.id)) ?? []), entry]);
  const filled: WithFallback<E>[] = [...entries];
  for (const [name, group] of byName) {
    // The original (no translatedFrom) is the best stand-in; otherwise the first locale that has the entry.
    const original =
      group.find((e) => (e.data as { translatedFrom?: string }).translatedFrom === undefined) ??
      locales.map((l) => group.find((e) => localeOfId(e.id) === l)).find(Boolean)!;
    for (const locale of locales)
      if (!group.some((e) => localeOfId(e.id) === locale))
        filled.push({ ...original, id: `${locale}/${name}`, fallbackFrom: localeOfId(original.id) as Locale });
  }
  return filled;
}

/** Every collection with each missing translation filled by a marked copy of its original. */
export function withFallbacks<S extends Entry, O extends Entry, R extends Entry, C extends Entry>(
  collections: Collections<S, O, R, C>,
  locales: readonly Locale[],
): Collections<WithFallback<S>, WithFallback<O>, WithFallback<R>, WithFallback<C>> {
  return {
    strategy: fill(collections.strategy, locales),
    objectives: fill(collections.objectives, locales),
    results: fill(collections.results, locales),
    capabilities: fill(collections.capabilities, locales),
  };
}

/** One line per filled entry, naming the missing file, for the dev server's log. */
export function describeFallbacks(collections: Collections<Entry, Entry, Entry, Entry>): string[] {
  return Object.entries(collections).flatMap(([collection, entries]) =>
    (entries as WithFallback<Entry & { filePath?: string }>[])
      .filter((e) => e.fallbackFrom)
      .map(
        (e) =>
          `${pathInLocale(e, collection, localeOfId(e.id))} is missing: showing its ${e.fallbackFrom} text, marked as untranslated`,
      ),
  );
}
