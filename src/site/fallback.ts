/**
 * While previewing, an entry missing in a locale is shown in the language of its original, marked as such, rather
 * than breaking the page; the build never gets here, since its content checks stop on a missing translation.
 */
import { folderOfId, localeOfId, nameOfId, pathInLocale } from "../lib/entry-ids.ts";
import type { Locale } from "../lib/locales.ts";
import type { Collections } from "../lib/strategy.ts";

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
        filled.push({ ...original, id: `${locale}/${name}`, fallbackFrom: localeOfId(original.id) });
  }
  return filled;
}

/** Every collection with each missing translation filled by a marked copy of its original. */
export function withFallbacks<C extends Record<keyof Collections, Entry[]>>(
  collections: C,
  locales: readonly Locale[],
): { [K in keyof Collections]: WithFallback<C[K][number]>[] } {
  return {
    strategy: fill(collections.strategy, locales),
    objectives: fill(collections.objectives, locales),
    results: fill(collections.results, locales),
    capabilities: fill(collections.capabilities, locales),
  };
}

/** One line per filled entry, naming the missing file, for the dev server's log. */
export function describeFallbacks(collections: Record<keyof Collections, Entry[]>): string[] {
  return Object.entries(collections).flatMap(([collection, entries]) =>
    (entries as WithFallback<Entry & { filePath?: string }>[])
      .filter((e) => e.fallbackFrom)
      .map(
        (e) =>
          `${pathInLocale(e, collection, folderOfId(e.id))} is missing: showing its ${e.fallbackFrom} text, marked as untranslated`,
      ),
  );
}
