/**
 * Before the CMS writes an entry: a translation marked up to date in the CMS (it has a sourceHash) but that does not
 * say what it was translated from yet (a new entry) is a translation of the collection's original language.
 */

/** The part of Immutable.js's Map this hook uses. */
export interface EntryMap {
  get(key: string): unknown;
  getIn(path: string[]): unknown;
  setIn(path: string[], value: unknown): EntryMap;
}

/** The entry with translatedFrom filled where it must be, or undefined when nothing changes. */
export function markTranslations(entry: EntryMap, originals: Record<string, string>): EntryMap | undefined {
  const original = originals[String(entry.get("collection"))];
  const i18n = entry.get("i18n") as { keys(): Iterable<string> } | undefined;
  if (!original || !i18n) return undefined;
  let updated = entry;
  for (const locale of i18n.keys()) {
    const data = ["i18n", locale, "data"];
    if (locale === original || !entry.getIn([...data, "sourceHash"]) || entry.getIn([...data, "translatedFrom"]))
      continue;
    updated = updated.setIn([...data, "translatedFrom"], original);
  }
  return updated === entry ? undefined : updated;
}
