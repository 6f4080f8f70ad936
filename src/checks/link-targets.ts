/** Which URLs a link in content may point to: the pages the site builds, their result anchors, and safe schemes. */
import { getLocale, isLocale, locales, type Locale } from "../lib/locales.ts";
import { dataFiles, dataPath, pageAt, pagesOf, pathFor, resultAnchor } from "../lib/routes.ts";

export interface LinkTargets {
  /** Root-relative paths of every built page, e.g. /fr/objectifs/2/. */
  pages: Set<string>;
  /** Anchors that exist on each objective page, e.g. /fr/objectifs/2/ → {resultat-2-3}. */
  anchors: Map<string, Set<string>>;
  /** Other root-relative paths that exist: the open data files and the files in public/. */
  files: Set<string>;
  /** The locale of the text the links are in: its links stay within that locale's pages and anchors. */
  fromLocale?: string;
}

/** The link targets of a strategy, from each locale's objective numbers and (objective, order) pairs of results. */
export function linkTargets(
  perLocale: Map<Locale, { objectives: number[]; results: { objective: number; order: number }[] }>,
  files: Iterable<string> = [],
): LinkTargets {
  const pages = new Set<string>(["/"]);
  const anchors = new Map<string, Set<string>>();
  const built = new Set(files);
  for (const [locale, { objectives, results }] of perLocale) {
    for (const page of pagesOf(objectives)) pages.add(pathFor(locale, page));
    for (const file of dataFiles) built.add(dataPath(locale, file));
    for (const { objective, order } of results) {
      const path = pathFor(locale, { kind: "objective", objective });
      const set = anchors.get(path) ?? new Set<string>();
      set.add(resultAnchor(locale, objective, order));
      anchors.set(path, set);
    }
  }
  return { pages, anchors, files: built };
}

/** The URL as a browser would read its scheme: entities decoded, control characters and spaces removed, lower case. */
export function normalizedScheme(url: string): string | undefined {
  const decoded = url
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ":")
    .replace(/&tab;|&newline;/gi, "");
  // Browsers drop ASCII whitespace and control characters inside a scheme, so "java\tscript:" still runs.
  const compact = decoded.replace(/[\u0000-\u0020\u007f]/g, "").toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
}

const safeSchemes = new Set(["http", "https", "mailto", "tel"]);

/** What is wrong with a link's URL, in plain words, or undefined when it is fine. */
export function linkProblem(url: string, targets: LinkTargets): { found: string; expected: string } | undefined {
  const scheme = normalizedScheme(url);
  if (scheme === "javascript" || scheme === "vbscript")
    return {
      found: `a ${scheme}: link (${url}), which runs code in the reader's browser`,
      expected: "a link to a page, such as /fr/objectifs/2/ or https://www.interpol.int/",
    };
  if (scheme === "data")
    return {
      found: `a data: URL (${url.slice(0, 40)}${url.length > 40 ? "…" : ""}), which embeds a hidden document`,
      expected: "a link to a page, such as /fr/objectifs/2/ or https://www.interpol.int/",
    };
  if (scheme && !safeSchemes.has(scheme))
    return { found: `a ${scheme}: link (${url})`, expected: "a link starting with https://, http://, mailto: or tel:" };
  if (scheme || url.startsWith("//")) return undefined;
  if (!url.startsWith("/"))
    return {
      found: `the link "${url}", which is relative to the page it appears on`,
      expected:
        "a path from the site's root, such as /fr/objectifs/2/ or /en/objectives/2/#result-2-3 (the same text appears on several pages)",
    };
  const [pathPart = "", hash] = url.split("#", 2);
  const path = pathPart.split("?")[0] ?? "";
  const crossing = localeCrossing(path, hash, targets);
  if (crossing) return crossing;
  if (targets.files.has(path)) return undefined;
  const page = pageAt(path);
  if (!targets.pages.has(path)) {
    const withSlash = path.endsWith("/") ? undefined : `${path}/`;
    // Suggest pages of the link's own locale when it has one, else any page.
    const pages = [...targets.pages].filter((p) => p !== "/");
    const sameLocale = pages.filter((p) => p.startsWith(`/${path.split("/")[1]}/`));
    const examples = (sameLocale.length ? sameLocale : pages).slice(0, 4).join(", ");
    return {
      found: `a link to ${path}, a page that does not exist`,
      expected:
        withSlash && targets.pages.has(withSlash)
          ? `${withSlash} (page addresses end with a slash)`
          : `the address of an existing page, such as ${examples}`,
    };
  }
  const anchors = targets.anchors.get(path);
  if (hash && page?.page.kind === "objective" && hash.startsWith(`${getLocale(page.locale).resultAnchor}-`)) {
    if (!anchors?.has(hash))
      return {
        found: `a link to #${hash} on ${path}, where no expected result has that number`,
        expected: `one of ${[...(anchors ?? [])].map((a) => `#${a}`).join(", ") || "the results of that objective"}`,
      };
  }
  return undefined;
}

/** A result anchor of some locale, e.g. #result-4-1: the locale and the result's numbers. */
function anchorOf(hash: string | undefined): { locale: Locale; objective: number; order: number } | undefined {
  for (const { code, resultAnchor: prefix } of locales) {
    const match = new RegExp(`^${prefix}-(\\d+)-(\\d+)$`).exec(hash ?? "");
    if (match) return { locale: code, objective: Number(match[1]), order: Number(match[2]) };
  }
  return undefined;
}

/**
 * A link out of its text's locale: to another locale's pages or files (/en/… in a French text), or to another
 * locale's result anchor on a page of its own (#result-4-1 on /fr/objectifs/4/): the built site would have a reader
 * change language, or land on no anchor at all. The language switcher is the only way between locales.
 */
function localeCrossing(path: string, hash: string | undefined, targets: LinkTargets) {
  const { fromLocale } = targets;
  if (!fromLocale || !isLocale(fromLocale)) return undefined;
  const first = path.split("/")[1] ?? "";
  const page = pageAt(path);
  const anchor = anchorOf(hash);
  const ownAnchor = anchor && `#${resultAnchor(fromLocale, anchor.objective, anchor.order)}`;
  if (isLocale(first) && first !== fromLocale) {
    const data = dataFiles.find((file) => dataPath(first, file) === path);
    const samePath = page ? pathFor(fromLocale, page.page) : data && dataPath(fromLocale, data);
    // Suggested only when the site has it in the text's own locale.
    const exists = samePath !== undefined && (targets.pages.has(samePath) || targets.files.has(samePath));
    const same = exists ? `${samePath}${ownAnchor ?? (hash && !anchor ? `#${hash}` : "")}` : undefined;
    return {
      found: `a link to ${path}${hash ? `#${hash}` : ""}, in the ${first} pages, from a ${fromLocale} text`,
      expected: same
        ? `the same ${page ? "page" : "file"} in ${fromLocale}: ${same}`
        : `a link within the ${fromLocale} pages (/${fromLocale}/…): readers change language with the switcher`,
    };
  }
  if (anchor && anchor.locale !== fromLocale && page?.locale === fromLocale)
    return {
      found: `a link to #${hash} on ${path}, the anchor of result ${anchor.objective}.${anchor.order} in the ${anchor.locale} pages`,
      expected: `its anchor in the ${fromLocale} pages: ${path}${ownAnchor}`,
    };
  return undefined;
}
