/**
 * Checks every link of a built site: each internal href, src and #fragment resolves to a built file and an id;
 * a page links into another locale only through the switcher (data-switcher) or hreflang links; no vague link text.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import type { Problem } from "../src/lib/problem.ts";
import { isLocale, type Locale } from "../src/lib/locales.ts";
import { builtHtml } from "./built-pages.ts";

export interface BuiltPage {
  /** Root-relative URL path, e.g. /fr/objectifs/2/ or /404.html. */
  path: string;
  html: string;
}

/** Link texts that say nothing out of context (WCAG 2.4.4), compared without case or punctuation. */
// In each published language: a reader who lists the links hears these with nothing to say where they lead.
const vagueLinkTexts = [
  ...["click here", "here", "read more"],
  ...["cliquez ici", "cliquer ici", "ici", "lire la suite"],
  ...["haga clic aquí", "haz clic aquí", "pulse aquí", "aquí", "leer más"],
  ...["انقر هنا", "اضغط هنا", "هنا", "اقرأ المزيد"],
];

const attributes = ["href", "src", "action"];

/** The file a static server sends for a root-relative path: /fr/ → /fr/index.html. */
const fileOf = (path: string) => (path.endsWith("/") ? `${path}index.html` : path);

function fileFor(path: string, files: Set<string>): string | undefined {
  return files.has(fileOf(path)) ? fileOf(path) : undefined;
}

function idsOf(root: HTMLElement): Set<string> {
  const ids = new Set<string>();
  for (const element of root.querySelectorAll("[id]")) ids.add(element.id);
  for (const element of root.querySelectorAll("a[name]")) ids.add(element.getAttribute("name")!);
  return ids;
}

const localeOf = (path: string): Locale | undefined => {
  const first = path.split("/")[1] ?? "";
  return isLocale(first) ? first : undefined;
};

const shown = (element: HTMLElement, attribute: string, value: string) =>
  `<${element.rawTagName.toLowerCase()} ${attribute}="${value}">`;

/**
 * Every problem in the built pages. `files` holds the root-relative path of every built file (e.g. /fr/index.html,
 * /favicon.svg); `site` is the public origin, whose absolute URLs (canonical, hreflang) count as internal.
 */
export function checkLinks(pages: BuiltPage[], files: Set<string>, site: string): Problem[] {
  const origin = new URL(site).origin;
  // Ids first, keeping no parsed page in memory, so a site of thousands of pages is checked in little memory.
  const idsByFile = new Map(pages.map((page) => [fileOf(page.path), idsOf(parse(page.html))]));
  const problems: Problem[] = [];

  for (const page of pages) {
    const root = parse(page.html);
    const base = new URL(page.path, origin);
    const problem = (found: string, expected: string) => problems.push({ file: page.path, found, expected });

    for (const element of root.querySelectorAll("[href], [src], form[action]")) {
      for (const attribute of attributes) {
        const value = element.getAttribute(attribute);
        if (value === undefined) continue;
        const what = shown(element, attribute, value);
        if (value.trim() === "" || value === "#") {
          problem(`${what}, which leads nowhere`, "a page, a file or an id on this page");
          continue;
        }
        const url = new URL(value, base);
        if (url.protocol === "mailto:" || url.protocol === "tel:") continue;
        if (url.origin !== origin) {
          // Following a link is the reader's choice; loading a resource from elsewhere is a request we never make.
          if (element.rawTagName.toLowerCase() !== "a")
            problem(`${what}, a resource from another origin`, "every resource from this site");
          continue;
        }
        const target = decodeURIComponent(url.pathname);
        const file = fileFor(target, files);
        if (!file) {
          const withSlash = !target.endsWith("/") && fileFor(`${target}/`, files);
          problem(
            `${what}, which ${withSlash ? "lacks its trailing slash (a redirect)" : "matches no built file"}`,
            withSlash ? `${target}/` : "a page or file that the build writes",
          );
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (fragment && file.endsWith(".html") && !idsByFile.get(file)?.has(fragment))
          problem(`${what}, whose #${fragment} is no id on ${target}`, `an id that exists on ${target}`);

        const from = localeOf(page.path);
        const to = localeOf(target);
        const tag = element.rawTagName.toLowerCase();
        if (from && to && from !== to && (tag === "a" || tag === "area") && !element.hasAttribute("data-switcher"))
          problem(
            `${what}, a link from a ${from} page into the ${to} pages`,
            "links within the page's locale; other locales only through the language switcher (data-switcher)",
          );
      }
    }

    for (const link of root.querySelectorAll("a")) {
      const label = (link.getAttribute("aria-label") ?? link.textContent).replace(/\s+/g, " ").trim();
      const bare = label
        .toLowerCase()
        .replace(/[^\p{L}\p{N} ]/gu, "")
        .trim();
      if (label === "" && !link.querySelector("img[alt]"))
        problem(`a link to ${link.getAttribute("href")} without text`, "text that says where the link leads");
      else if (vagueLinkTexts.includes(bare))
        problem(`a link whose text is "${label}"`, "text that says where the link leads, read out of context");
    }
  }
  return problems;
}

/** Every link of a built site checked; problems name the page by its path under the folder. */
export function checkBuiltSite(dir: string, site: string): { problems: Problem[]; links: number; pages: number } {
  const relative = readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => !/\.(gz|br)$/.test(f) && statSync(path.join(dir, f)).isFile())
    .map((f) => `/${f.split(path.sep).join("/")}`);
  const pages = builtHtml(dir).map((page) => ({
    path: page.urlPath,
    html: readFileSync(path.join(dir, page.file), "utf8"),
  }));
  const problems = checkLinks(pages, new Set(relative), site);
  const links = pages.reduce((n, page) => n + (page.html.match(/\s(href|src|action)=/g)?.length ?? 0), 0);
  return { problems, links, pages: pages.length };
}
