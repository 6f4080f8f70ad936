/**
 * Each built page's Content-Security-Policy, computed from what that page contains and written as a <meta> right
 * after its charset: reading pages get script-src 'none', and inline styles are allowed by their exact hashes only.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import type { Problem } from "../src/lib/problem.ts";
import { isAdminPath } from "../src/lib/routes.ts";
import { builtHtml } from "./built-pages.ts";

/** What a page loads, as far as its policy is concerned. */
export interface PageNeeds {
  /** Exact text of each inline <style>, as the browser hashes it. */
  inlineStyles: string[];
  /** Some <link rel="stylesheet"> loads a stylesheet file. */
  stylesheetFiles: boolean;
  /** Some <script src> loads a script file (Pagefind's search compiles WebAssembly and fetches its index). */
  scriptFiles: boolean;
}

// Types a browser executes; anything else (e.g. application/ld+json) is data and needs no script-src.
const executableTypes = new Set(["", "module", "text/javascript", "application/javascript"]);

/** Whether a browser runs this <script>, from its type as browsers read it (trimmed, any case). */
export function isExecutable(script: HTMLElement): boolean {
  return executableTypes.has((script.getAttribute("type") ?? "").trim().toLowerCase());
}

/** The CSP source for a text's SHA-256 hash, e.g. 'sha256-abc…='. */
export function hashSource(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

function rawStyleTexts(html: string): string[] {
  // The hash covers the exact characters between the tags, so they are taken from the source, not a re-serialization.
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]!);
}

const tagOf = (element: HTMLElement) => `<${element.rawTagName.toLowerCase()}>`;

/** What the page needs, and what it holds that no strict policy may allow (each a problem naming the file). */
export function pageNeeds(file: string, html: string): { needs: PageNeeds; problems: Problem[] } {
  const root = parse(html, { comment: false });
  const problems: Problem[] = [];
  const problem = (found: string, expected: string) => problems.push({ file, found, expected });

  let scriptFiles = false;
  for (const script of root.querySelectorAll("script")) {
    if (!isExecutable(script)) continue;
    if (script.hasAttribute("src")) scriptFiles = true;
    else
      problem(
        `an inline <script> (${script.text.trim().slice(0, 60)}…)`,
        "scripts loaded from files (<script src>), since the policy allows no inline code",
      );
  }
  for (const element of root.querySelectorAll("*")) {
    for (const name of Object.keys(element.attributes)) {
      if (/^on/i.test(name))
        problem(`an event handler attribute ${name}= on ${tagOf(element)}`, "no inline event handlers");
      if (name.toLowerCase() === "style")
        problem(`a style= attribute on ${tagOf(element)}`, "styles in the stylesheet, not in attributes");
    }
    for (const name of ["href", "src", "action", "formaction"]) {
      if (/^\s*javascript:/i.test(element.getAttribute(name) ?? ""))
        problem(`a javascript: URL in ${name}= on ${tagOf(element)}`, "a link to a page or file");
    }
  }
  if (policyMeta(root))
    problem(
      "a Content-Security-Policy <meta> already in the page",
      "none before this step writes it (is security.csp enabled in astro.config.mjs?)",
    );
  const stylesheetFiles = root
    .querySelectorAll("link[rel]")
    .some((link) => link.getAttribute("rel")!.toLowerCase().split(/\s+/).includes("stylesheet"));
  return { needs: { inlineStyles: rawStyleTexts(html), stylesheetFiles, scriptFiles }, problems };
}

/** The policy for a page's needs: nothing is allowed that the page does not use. */
export function policyFor(needs: PageNeeds): string {
  const styles = [
    ...(needs.stylesheetFiles ? ["'self'"] : []),
    ...[...new Set(needs.inlineStyles.map(hashSource))].sort(),
  ];
  const directives = [
    "default-src 'none'",
    "img-src 'self'",
    `style-src ${styles.length > 0 ? styles.join(" ") : "'none'"}`,
    // Pagefind compiles its WebAssembly (wasm-unsafe-eval); a worker, if one is ever started, falls back to script-src.
    `script-src ${needs.scriptFiles ? "'self' 'wasm-unsafe-eval'" : "'none'"}`,
    // Pagefind fetches its index; on pages without script it grants nothing, but lets crawlers' in-page checks
    // (Lighthouse's robots-txt audit) read same-origin files.
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
  ];
  return directives.join("; ");
}

/**
 * The CMS's policy (/admin/, written by build/cms-admin.ts): Sveltia sets styles inline, so style-src needs
 * 'unsafe-inline' there and only there; scripts still come from this site only, and the page talks to this site and
 * the Git host's API (`backend`: its origins, from deploy/cms-backend.json) and nothing else.
 */
export function adminPolicy(backend: { connect: string[]; images: string[] }): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src ${["'self'", "blob:", "data:", ...backend.images].join(" ")}`,
    "font-src 'self'",
    // data: because Sveltia fetches its default logo, a data: URL, before the configuration names ours.
    `connect-src ${["'self'", "data:", ...backend.connect].join(" ")}`,
    "worker-src 'self'",
    // Sveltia writes its web app manifest (name and icons, to install the CMS) as a blob: URL; Chrome loads it.
    "manifest-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** The page with its policy as the first element after <meta charset>, so it governs everything that follows. */
export function withPolicy(file: string, html: string, policy: string): { html: string; problems: Problem[] } {
  const charset = /<meta charset=["']?utf-8["']?\s*\/?>/i.exec(html);
  if (!charset)
    return {
      html,
      problems: [{ file, found: "no <meta charset=utf-8>", expected: "a charset declaration at the top of <head>" }],
    };
  const end = charset.index + charset[0].length;
  const meta = `<meta http-equiv="content-security-policy" content="${policy}">`;
  return { html: html.slice(0, end) + meta + html.slice(end), problems: [] };
}

const policyMeta = (root: HTMLElement) =>
  root
    .querySelectorAll("meta[http-equiv]")
    .find((m) => m.getAttribute("http-equiv")!.toLowerCase() === "content-security-policy");

/** The policy a built page carries in its <meta>, or undefined. */
export function policyOf(html: string): string | undefined {
  return policyMeta(parse(html))?.getAttribute("content");
}

/** Writes every built page's policy, or nothing at all when a page holds what a strict policy cannot allow. */
export function writePolicies(dir: string): { pages: number; problems: Problem[] } {
  const problems: Problem[] = [];
  const written: { file: string; html: string }[] = [];
  for (const page of builtHtml(dir)) {
    const file = path.join(dir, page.file);
    const html = readFileSync(file, "utf8");
    const shown = path.relative(".", file);
    if (isAdminPath(page.urlPath)) {
      // The CMS step wrote the CMS's own policy; a page there without one would run under no policy at all.
      if (!policyOf(html))
        problems.push({ file: shown, found: "no policy", expected: "the CMS's policy (build/cms-admin.ts)" });
      continue;
    }
    const found = pageNeeds(shown, html);
    const result = withPolicy(shown, html, policyFor(found.needs));
    problems.push(...found.problems, ...result.problems);
    written.push({ file, html: result.html });
  }
  if (problems.length > 0) return { pages: 0, problems };
  // Written only once every page passed, so a failure leaves the folder as it was.
  for (const { file, html } of written) writeFileSync(file, html);
  return { pages: written.length, problems };
}
