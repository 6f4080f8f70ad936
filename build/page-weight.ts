/**
 * What a built page makes a browser download when it opens, and what that weighs compressed: the HTML, the
 * stylesheets, images and fonts it references (and those its stylesheets reference), and the scripts it runs with
 * their static imports. Dynamic imports are listed apart: they load on use (the search page loads Pagefind when the
 * visitor types), not when the page opens.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "node-html-parser";
import { isExecutable } from "./csp.ts";
import { markdownTable } from "./markdown-table.ts";
import { compress, isCompressible } from "./precompress.ts";

export type ResourceKind = "html" | "css" | "js" | "image" | "font" | "other";
export const resourceKinds: readonly ResourceKind[] = ["html", "css", "js", "image", "font", "other"];

export interface Reference {
  /** Root-relative path on the site, e.g. /_astro/search.Ck3.js */
  path: string;
  kind: ResourceKind;
}

export interface Resource extends Reference {
  bytes: number;
  /** As sent with gzip at level 9 (uncompressed when gzip would not make it smaller). */
  gzip: number;
  /** As sent with Brotli at its highest quality (likewise). */
  brotli: number;
}

export interface PageWeight {
  path: string;
  /** The page itself first, then everything it loads when it opens, each once. */
  resources: Resource[];
  /** JavaScript written inside the HTML (its bytes are in the HTML's size too). */
  inlineScriptBytes: number;
  /** Loaded by scripts on use, not on opening: not in the totals. */
  onUse: Reference[];
  /** References to other origins or to files the build does not contain: they cannot be weighed. */
  problems: string[];
}

const extensionKinds: Record<string, ResourceKind> = {
  ".css": "css",
  ".js": "js",
  ".mjs": "js",
  ".png": "image",
  ".jpg": "image",
  ".jpeg": "image",
  ".gif": "image",
  ".webp": "image",
  ".avif": "image",
  ".svg": "image",
  ".ico": "image",
  ".woff2": "font",
  ".woff": "font",
  ".ttf": "font",
  ".otf": "font",
  ".eot": "font",
  ".html": "html",
};

export function kindOf(path: string): ResourceKind {
  const clean = path.split(/[?#]/)[0]!;
  if (clean.endsWith("/")) return "html";
  const dot = clean.lastIndexOf(".");
  return (dot > clean.lastIndexOf("/") && extensionKinds[clean.slice(dot).toLowerCase()]) || "other";
}

/** A URL as found: a path on the site, or an address on another origin; the kind when the markup tells it. */
type Reached = { path?: string; offOrigin?: string; kind?: ResourceKind };

/** A URL as written in a page or a stylesheet, resolved against the file it is in; undefined for data: URLs. */
function resolveUrl(url: string, base: string): { path?: string; offOrigin?: string } {
  const trimmed = url.trim();
  if (!trimmed || trimmed.startsWith("data:") || trimmed.startsWith("#")) return {};
  const resolved = new URL(trimmed, `https://site.invalid${base}`);
  if (resolved.origin !== "https://site.invalid") return { offOrigin: trimmed };
  return { path: decodeURI(resolved.pathname) };
}

// Values of rel that make a browser fetch the linked file while opening the page.
const fetchedRels = new Set([
  "stylesheet",
  "icon",
  "shortcut",
  "apple-touch-icon",
  "manifest",
  "preload",
  "modulepreload",
]);
const asKinds: Record<string, ResourceKind> = { style: "css", script: "js", image: "image", font: "font" };

/** Files the HTML itself makes the browser fetch, with the JavaScript written inline. */
export function htmlReferences(html: string, pagePath: string) {
  const root = parse(html);
  const urls: { url: string; kind?: ResourceKind }[] = [];
  let inlineScript = "";
  const inlineCss: string[] = [];
  for (const link of root.querySelectorAll("link[href]")) {
    const rels = (link.getAttribute("rel") ?? "").toLowerCase().split(/\s+/);
    if (!rels.some((rel) => fetchedRels.has(rel))) continue;
    const as = link.getAttribute("as")?.toLowerCase();
    const kind = rels.includes("stylesheet") ? "css" : rels.includes("modulepreload") ? "js" : as && asKinds[as];
    urls.push({ url: link.getAttribute("href")!, kind: kind || undefined });
  }
  for (const script of root.querySelectorAll("script")) {
    if (!isExecutable(script)) continue; // JSON data and the like are not run
    const src = script.getAttribute("src");
    if (src) urls.push({ url: src, kind: "js" });
    else inlineScript += script.rawText;
  }
  for (const element of root.querySelectorAll("img[src], source[src], input[src], video[poster]"))
    urls.push({ url: element.getAttribute("src") ?? element.getAttribute("poster")!, kind: "image" });
  for (const element of root.querySelectorAll("img[srcset], source[srcset]"))
    for (const candidate of element.getAttribute("srcset")!.split(","))
      urls.push({ url: candidate.trim().split(/\s+/)[0]!, kind: "image" });
  for (const style of root.querySelectorAll("style")) inlineCss.push(style.rawText);
  for (const element of root.querySelectorAll("[style]")) inlineCss.push(element.getAttribute("style")!);
  const references: Reached[] = urls.map(({ url, kind }) => ({ ...resolveUrl(url, pagePath), kind }));
  for (const css of inlineCss) references.push(...cssReferences(css, pagePath));
  return { references, inlineScript };
}

/** Files a stylesheet makes the browser fetch: @import and url(), resolved against the stylesheet. */
export function cssReferences(css: string, cssPath: string) {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, "");
  const found: Reached[] = [];
  for (const match of withoutComments.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)/g))
    found.push({ ...resolveUrl(match[1]!, cssPath), kind: "css" });
  for (const match of withoutComments.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"]*))\s*\)/g))
    found.push(resolveUrl((match[1] ?? match[2] ?? match[3])!, cssPath));
  return found;
}

/** Modules a script imports statically (loaded with it) and dynamically (loaded when that code runs). */
export function scriptImports(js: string, scriptPath: string) {
  const statics: { path?: string; offOrigin?: string }[] = [];
  const dynamics: { path?: string; offOrigin?: string }[] = [];
  // Bundler output: import"./a.js", import{x}from"./a.js", export{y}from"./a.js"; import("./a.js") and
  // import(new URL("/a.js", location.href).href) load on use.
  for (const match of js.matchAll(/(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+)["']/g))
    statics.push(resolveUrl(match[1]!, scriptPath));
  for (const match of js.matchAll(/(?:^|[^\w$.])import\s*\(\s*(?:new\s+URL\(\s*)?["'`]([^"'`]+)["'`]/g))
    dynamics.push(resolveUrl(match[1]!, scriptPath));
  return { statics, dynamics };
}

function sizes(content: Buffer, path: string) {
  if (!isCompressible(path.endsWith("/") ? `${path}index.html` : path))
    return { bytes: content.length, gzip: content.length, brotli: content.length };
  const { gz, br } = compress(content);
  return { bytes: content.length, gzip: (gz ?? content).length, brotli: (br ?? content).length };
}

/**
 * Everything a page loads when it opens, weighed. `read` returns a built file's bytes by its root-relative path
 * (a path ending in / stands for its index.html), or undefined when the build has no such file.
 */
export function pageWeight(pagePath: string, read: (path: string) => Buffer | undefined): PageWeight {
  const html = read(pagePath);
  if (!html) throw new Error(`No built page at ${pagePath}`);
  const resources: Resource[] = [{ path: pagePath, kind: "html", ...sizes(html, pagePath) }];
  const onUse: Reference[] = [];
  const problems: string[] = [];
  const seen = new Set([pagePath]);
  const { references, inlineScript } = htmlReferences(html.toString("utf8"), pagePath);
  const queue: Reached[] = [...references];
  const scripts = (imports: ReturnType<typeof scriptImports>) => {
    queue.push(...imports.statics.map((r) => ({ ...r, kind: "js" as const })));
    onUse.push(...imports.dynamics.flatMap((r) => (r.path ? [{ path: r.path, kind: kindOf(r.path) }] : [])));
  };
  scripts(scriptImports(inlineScript, pagePath));
  while (queue.length > 0) {
    const { path, offOrigin, kind } = queue.shift()!;
    if (offOrigin) {
      problems.push(`${pagePath} loads ${offOrigin} from another origin`);
      continue;
    }
    if (!path || seen.has(path)) continue;
    seen.add(path);
    const content = read(path);
    if (!content) {
      problems.push(`${pagePath} loads ${path}, which the build does not contain`);
      continue;
    }
    const resourceKind = kind ?? kindOf(path);
    resources.push({ path, kind: resourceKind, ...sizes(content, path) });
    if (resourceKind === "css") queue.push(...cssReferences(content.toString("utf8"), path));
    if (resourceKind === "js") scripts(scriptImports(content.toString("utf8"), path));
  }
  return { path: pagePath, resources, inlineScriptBytes: Buffer.byteLength(inlineScript), onUse, problems };
}

/** Compressed bytes per kind of resource, and in all. */
export function totals(weight: PageWeight, encoding: "gzip" | "brotli" = "gzip") {
  const byKind = Object.fromEntries(resourceKinds.map((kind) => [kind, 0])) as Record<ResourceKind, number>;
  for (const resource of weight.resources) byKind[resource.kind] += resource[encoding];
  const total = Object.values(byKind).reduce((sum, n) => sum + n, 0);
  return { byKind, total, javascript: byKind.js + weight.inlineScriptBytes };
}

export const KB = 1024;

/** The budgets of the performance issue: one round trip for a reading page, no script; 30 KB for search. */
export function budgetFor(kind: "reading" | "search"): { total: number; javascript: number } {
  return kind === "search" ? { total: 30 * KB, javascript: Infinity } : { total: 14 * KB, javascript: 0 };
}

/** Reads a built site's files by root-relative path, a folder standing for its index.html. */
export function builtFiles(siteDir: string): (path: string) => Buffer | undefined {
  const root = resolve(siteDir);
  return (urlPath) => {
    let file = join(root, urlPath);
    if (!file.startsWith(root)) return undefined;
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    return existsSync(file) ? readFileSync(file) : undefined;
  };
}

/** Kilobytes of 1,024 bytes, one decimal. */
export const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

export const kindLabels: Record<ResourceKind, string> = {
  html: "HTML",
  css: "CSS",
  js: "JavaScript",
  image: "images",
  font: "fonts",
  other: "other",
};

/** One row per page: compressed bytes by kind of resource (gzip -9), the totals, and the budget when there is one. */
export function weightTable(pages: { label?: string; weight: PageWeight; budget?: { total: number } }[]): string {
  const header = ["page", ...resourceKinds.map((kind) => kindLabels[kind]), "total gzip", "total brotli", "budget"];
  const rows = pages.map(({ label, weight, budget }) => {
    const gzip = totals(weight);
    const within = budget ? `${gzip.total <= budget.total ? "✓" : "✗ over"} ${kb(budget.total)}` : "";
    return [
      label ?? weight.path,
      ...resourceKinds.map((kind) => (gzip.byKind[kind] ? kb(gzip.byKind[kind]) : "0")),
      kb(gzip.total),
      kb(totals(weight, "brotli").total),
      within,
    ];
  });
  return markdownTable(header, rows);
}
