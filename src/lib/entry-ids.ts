/** Entry ids are "<locale>/<file name>", e.g. "fr/2-3": the folder is the locale, the file name the identity. */
import { isLocale, localeCodes, type Locale } from "./locales.ts";

/** The locale folder an entry id names, declared or not. */
export function folderOfId(id: string): string {
  return id.split("/")[0] ?? "";
}

/** The locale of an entry; the checks reject undeclared locale folders before any entry gets here. */
export function localeOfId(id: string): Locale {
  const locale = folderOfId(id);
  if (!isLocale(locale))
    throw new Error(`Entry "${id}": its folder "${locale}" is not a declared locale (${localeCodes.join(", ")}).`);
  return locale;
}

/** The part of an id shared by all translations of an entry, e.g. "2-3". */
export function nameOfId(id: string): string {
  return id.split("/").slice(1).join("/");
}

/** The file of an entry's translation into a locale, written or not: the entry's own path with the locale folder swapped. */
export function pathInLocale(entry: { id: string; filePath?: string }, collection: string, locale: string): string {
  // Swapping the folder keeps CONTENT_DIR and the extension; an entry without a path is under content/.
  return (
    entry.filePath?.replace(/\/[^/]+\/([^/]+)$/, `/${locale}/$1`) ??
    `content/${collection}/${locale}/${nameOfId(entry.id)}`
  );
}

/** Turns `objective: 2` in fr/2-3 into the id "fr/2", so editors write numbers and reference() still checks. */
export function qualifyReferences(id: string, data: Record<string, unknown>, fields: readonly string[]) {
  const qualified = { ...data };
  for (const field of fields) {
    const value = qualified[field];
    if (typeof value === "number" && Number.isInteger(value)) qualified[field] = `${localeOfId(id)}/${value}`;
  }
  return qualified;
}
