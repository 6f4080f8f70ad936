/** Entry ids are "<locale>/<file name>", e.g. "fr/2-3": the folder is the locale, the file name the identity. */

export function localeOfId(id: string): string {
  return id.split("/")[0] ?? "";
}

/** The part of an id shared by all translations of an entry, e.g. "2-3". */
export function nameOfId(id: string): string {
  return id.split("/").slice(1).join("/");
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
