/**
 * What the search index holds, read from the built pages: each region marked data-pagefind-body (Pagefind's own
 * attribute) is searchable; navigation, breadcrumbs and footer never are. A region yields one record per expected
 * result or capability it holds (an element whose id is its anchor), so each is its own hit at page#anchor; the home
 * page's introduction and mandate are each a record at their anchor; any other region is one record. Records carry a `kind` and an `objective` filter, and meta for the title,
 * the objective's number and the objective's title.
 */
import { HTMLElement, Node, parse, TextNode } from "node-html-parser";
import { splitWords } from "../src/lib/search-words.ts";
import type { Problem } from "../src/lib/problem.ts";
import { getLocale, isLocale, type Locale } from "../src/lib/locales.ts";
import { pageAt, resultAnchor } from "../src/lib/routes.ts";
import { blockSeparator, type SearchKind } from "../src/lib/search-url.ts";

/** A record as Pagefind's addCustomRecord takes it. */
export interface SearchRecord {
  /** Root-relative, with the result's anchor for results: /fr/objectifs/3/#resultat-3-2. */
  url: string;
  language: Locale;
  /** Text of the record, elisions and attached words split (src/lib/search-words.ts) so every word is found. */
  content: string;
  meta: { title: string; kind: SearchKind; objective?: string; objectiveTitle?: string };
  filters: { kind: [SearchKind]; objective?: [string] };
}

const headings = "h1, h2, h3, h4, h5, h6";
const clean = (text: string) => text.replace(/\s+/g, " ").trim();

// Elements that start a new block of text: context in a text fragment never runs across them.
const blockTags = new Set(
  "address article aside blockquote dd details div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table td th tr ul".split(
    " ",
  ),
);

/** The region's text without the given heading and what Pagefind is told to ignore, its blocks kept apart. */
function textOf(region: HTMLElement, without?: HTMLElement): string {
  const blocks: string[] = [];
  let current = "";
  const flush = () => {
    const text = clean(current);
    if (text) blocks.push(text);
    current = "";
  };
  const walk = (node: Node) => {
    if (node instanceof TextNode) current += node.text;
    if (!(node instanceof HTMLElement) || node === without || node.hasAttribute("data-pagefind-ignore")) return;
    const tag = node.rawTagName?.toLowerCase() ?? "";
    if (tag === "br") current += " ";
    const block = blockTags.has(tag);
    if (block) flush();
    node.childNodes.forEach(walk);
    if (block) flush();
  };
  region.childNodes.forEach(walk);
  flush();
  return blocks.join(` ${blockSeparator} `);
}

/** Search records of one built page; pages without data-pagefind-body give none. */
export function searchRecords(
  file: string,
  urlPath: string,
  html: string,
): { records: SearchRecord[]; problems: Problem[] } {
  // Most pages have no region, and some are large (all results on one page): they are not parsed at all.
  if (!html.includes("data-pagefind-body")) return { records: [], problems: [] };
  // The body alone is parsed: the head, with its inline stylesheet, is most of a small page's bytes.
  const lang = /<html\b[^>]*\slang=["']?([^"'\s>]*)/i.exec(html)?.[1] ?? "";
  const body = html.search(/<body\b/i);
  const root = parse(body === -1 ? html : html.slice(body));
  const regions = root.querySelectorAll("[data-pagefind-body]");
  if (regions.length === 0) return { records: [], problems: [] };
  const problems: Problem[] = [];
  const problem = (found: string, expected: string) => problems.push({ file, found, expected });

  const at = pageAt(urlPath);
  if (!isLocale(lang) || !at || at.locale !== lang) {
    problem(
      `data-pagefind-body on ${urlPath} (lang="${lang}")`,
      "searchable regions only on pages of the site's routes, whose <html lang> is their locale",
    );
    return { records: [], problems };
  }
  const locale: Locale = lang;
  const { searchWords } = getLocale(locale);
  const pageTitle = clean(root.querySelector("h1")?.text ?? "");
  const { kind: pageKind } = at.page;
  const objective = at.page.kind === "objective" ? at.page.objective : undefined;
  if (pageKind !== "objective" && pageKind !== "capabilities" && pageKind !== "home") {
    problem(
      `data-pagefind-body on a page of kind "${pageKind}" (${urlPath})`,
      "searchable regions only on objective pages, the capabilities page and the home page's introduction and mandate; other pages repeat their text",
    );
    return { records: [], problems };
  }

  const records: SearchRecord[] = [];
  const add = (region: HTMLElement, url: string, kind: SearchKind, title: string, content: string) => {
    // Text shown in another language while previewing is data-pagefind-ignore: nothing to index, nothing wrong.
    if (!content && (region.hasAttribute("data-pagefind-ignore") || region.querySelector("[data-pagefind-ignore]")))
      return;
    if (!content) problem(`an empty searchable region for ${url}`, "text in every data-pagefind-body region");
    if (!title) problem(`no title for ${url}`, "a heading in the region, or an <h1> on the page");
    const record: SearchRecord = {
      url,
      language: locale,
      content: splitWords(content, searchWords),
      meta: { title, kind },
      filters: { kind: [kind] },
    };
    if (objective !== undefined) {
      record.meta.objective = String(objective);
      record.meta.objectiveTitle = pageTitle;
      record.filters.objective = [String(objective)];
    }
    records.push(record);
  };

  const { anchors, resultAnchor: resultWord } = getLocale(locale);
  const resultPattern = new RegExp(`^${resultWord}-${objective}-([1-9]\\d*)$`);
  const isResult = (id: string) => {
    const order = resultPattern.exec(id)?.[1];
    return objective !== undefined && order !== undefined && id === resultAnchor(locale, objective, Number(order));
  };
  const isCapability = (id: string) => id.startsWith(`${anchors.capability}-`);
  for (const region of regions) {
    if (pageKind === "home") {
      // The introduction and the mandate, each its own record at its anchor.
      const id = region.id;
      if (id !== anchors.introduction && id !== anchors.mandate) {
        problem(
          `data-pagefind-body on ${urlPath} ${id ? `#${id}` : "without an id"}`,
          `on the home page, only the introduction (#${anchors.introduction}) and the mandate (#${anchors.mandate})`,
        );
        continue;
      }
      const heading = region.querySelector(headings) ?? undefined;
      add(region, `${urlPath}#${id}`, "strategy", heading ? clean(heading.text) : pageTitle, textOf(region, heading));
      continue;
    }
    // Each expected result, or each capability, is its own record at its anchor.
    const items = region
      .querySelectorAll("[id]")
      .filter((element) => (pageKind === "objective" ? isResult(element.id) : isCapability(element.id)));
    if (items.length === 0) {
      const heading = region.querySelector(headings) ?? undefined;
      const kind: SearchKind = objective === undefined ? "capability" : "objective";
      add(region, urlPath, kind, heading ? clean(heading.text) : pageTitle, textOf(region, heading));
      continue;
    }
    for (const item of items) {
      if (pageKind === "capabilities") {
        // A capability is its name alone: the name is its title and its text.
        if (item.hasAttribute("data-pagefind-ignore")) continue;
        const name = textOf(item);
        add(item, `${urlPath}#${item.id}`, "capability", name, name);
        continue;
      }
      const heading = item.querySelector(headings) ?? undefined;
      add(item, `${urlPath}#${item.id}`, "result", clean(heading?.text ?? ""), textOf(item, heading));
    }
  }
  return { records, problems };
}
