/** Every URL of the site, per locale: built here and nowhere else. */
import { getLocale, localeCodes, type Locale } from "./locales.ts";

/** A page of the site, independent of its language. */
export type PageRef =
  | { kind: "home" }
  | { kind: "objective"; objective: number }
  | { kind: "results" }
  | { kind: "capabilities" }
  | { kind: "search" }
  | { kind: "strategy" }
  | { kind: "notFound" };

/** Root-relative path of a page in a locale, always with a trailing slash. */
export function pathFor(locale: Locale, page: PageRef): string {
  const { segments } = getLocale(locale);
  switch (page.kind) {
    case "home":
      return `/${locale}/`;
    case "objective":
      return `/${locale}/${segments.objectives}/${page.objective}/`;
    case "results":
      return `/${locale}/${segments.results}/`;
    case "capabilities":
      return `/${locale}/${segments.capabilities}/`;
    case "search":
      return `/${locale}/${segments.search}/`;
    case "strategy":
      return `/${locale}/${segments.strategy}/`;
    case "notFound":
      return `/${locale}/404/`;
  }
}

/** The page a root-relative path stands for, or undefined when no page has that path. */
export function pageAt(path: string): { locale: Locale; page: PageRef } | undefined {
  const clean = path.split(/[?#]/)[0] ?? "";
  const [, first = "", second = "", third = ""] = clean.split("/");
  const locale = localeCodes.find((code) => code === first);
  if (!locale) return undefined;
  const { segments } = getLocale(locale);
  let page: PageRef | undefined;
  if (second === segments.objectives && /^[1-9]\d*$/.test(third))
    page = { kind: "objective", objective: Number(third) };
  else if (third === "") {
    if (second === "") page = { kind: "home" };
    else if (second === segments.results) page = { kind: "results" };
    else if (second === segments.capabilities) page = { kind: "capabilities" };
    else if (second === segments.search) page = { kind: "search" };
    else if (second === segments.strategy) page = { kind: "strategy" };
    else if (second === "404") page = { kind: "notFound" };
  }
  // Reject near misses such as /fr/objectifs/1/extra/ by checking the round trip.
  return page && pathFor(locale, page) === clean ? { locale, page } : undefined;
}

/** The same page in every locale, for the switcher and hreflang links. */
export function alternates(page: PageRef): { locale: Locale; path: string }[] {
  return localeCodes.map((locale) => ({ locale, path: pathFor(locale, page) }));
}

/** Display number of an expected result, e.g. "2.3". */
export function resultNumber(objective: number, order: number): string {
  return `${objective}.${order}`;
}

/** Anchor id of an expected result on its objective page, e.g. "resultat-2-3". */
export function resultAnchor(locale: Locale, objective: number, order: number): string {
  return `${getLocale(locale).resultAnchor}-${objective}-${order}`;
}

/** Anchor id of a capability on the capabilities page, from its entry's file name: "capacite-innovation". */
export function capabilityAnchor(locale: Locale, entryId: string): string {
  return `${getLocale(locale).anchors.capability}-${entryId}`;
}

/** Permalink of an expected result: its objective page plus its anchor. */
export function resultPath(locale: Locale, objective: number, order: number): string {
  return `${pathFor(locale, { kind: "objective", objective })}#${resultAnchor(locale, objective, order)}`;
}

/** Absolute URL of a root-relative path on the configured site. */
export function absoluteUrl(site: URL | string, path: string): string {
  return new URL(path, site).href;
}

/** Every page a locale publishes, given the numbers of its objectives. */
export function pagesOf(objectiveNumbers: readonly number[]): PageRef[] {
  return [
    { kind: "home" },
    ...objectiveNumbers.map((objective): PageRef => ({ kind: "objective", objective })),
    { kind: "results" },
    { kind: "capabilities" },
    { kind: "strategy" },
    { kind: "search" },
    { kind: "notFound" },
  ];
}

/** The open data files each locale publishes: the whole strategy, its JSON Schema, and the results as a table. */
export const dataFiles = ["strategyJson", "strategySchema", "resultsCsv"] as const;
export type DataFile = (typeof dataFiles)[number];

/** Root-relative path of a data file, named in the locale's words, e.g. /fr/donnees/strategie.json. */
export function dataPath(locale: Locale, file: DataFile): string {
  const { segments } = getLocale(locale);
  const folder = `/${locale}/${segments.data}/`;
  switch (file) {
    case "strategyJson":
      return `${folder}${segments.strategy}.json`;
    case "strategySchema":
      return `${folder}${segments.strategy}.schema.json`;
    case "resultsCsv":
      return `${folder}${segments.results}.csv`;
  }
}

/** The CMS editors work in: not a reading page (no locale, no sitemap, no search index, its own security policy). */
export const adminPath = "/admin/";

/** Whether a root-relative path is the CMS or one of its files. */
export function isAdminPath(path: string): boolean {
  return path.startsWith(adminPath);
}
