import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  budgetFor,
  cssReferences,
  htmlReferences,
  kindOf,
  pageWeight,
  scriptImports,
  totals,
} from "../../build/page-weight";

const files: Record<string, string> = {
  "/fr/": `<!doctype html><html><head>
    <link rel="stylesheet" href="/_astro/site.css">
    <link rel="icon" href="/favicon.svg" type="image/svg+xml">
    <link rel="canonical" href="https://example.org/fr/">
    <link rel="alternate" hreflang="en" href="/en/">
    <style>.hero{background:url("../img/hero.webp")}</style>
    <script type="application/json" id="config">{"a":1}</script>
  </head><body><img src="logo.png" srcset="logo.png 1x, logo@2x.png 2x" alt=""><a href="/en/">English</a>
    <script type="module" src="/_astro/page.js"></script></body></html>`,
  "/_astro/site.css": `@import "/_astro/more.css"; /* url(/commented.png) */ @font-face{src:url(/fonts/a.woff2)}`,
  "/_astro/more.css": `.x{background:url('data:image/png;base64,AAAA')}`,
  "/favicon.svg": `<svg xmlns="http://www.w3.org/2000/svg"/>`,
  "/img/hero.webp": "RIFF....WEBP",
  "/fr/logo.png": "PNG1",
  "/fr/logo@2x.png": "PNG2",
  "/fonts/a.woff2": "wOF2",
  "/_astro/page.js": `import{a as b}from"./chunk.js";const p=()=>import("/pagefind/pagefind.js");b(p)`,
  "/_astro/chunk.js": `export const a=x=>x;`,
};
const read = (path: string) => (path in files ? Buffer.from(files[path]!) : undefined);

describe("what a page loads when it opens", () => {
  it("finds stylesheets, icons, images with their srcset, scripts, inline styles' urls, and no links or data", () => {
    const { references } = htmlReferences(files["/fr/"]!, "/fr/");
    expect(references.map((r) => r.path).sort()).toEqual(
      [
        "/_astro/site.css",
        "/favicon.svg",
        "/img/hero.webp",
        "/fr/logo.png",
        "/fr/logo.png",
        "/fr/logo@2x.png",
        "/_astro/page.js",
      ].sort(),
    );
  });

  it("reads @import and url() in stylesheets, skipping comments and data: URLs", () => {
    expect(cssReferences(files["/_astro/site.css"]!, "/_astro/site.css").map((r) => r.path)).toEqual([
      "/_astro/more.css",
      "/fonts/a.woff2",
    ]);
    expect(cssReferences(files["/_astro/more.css"]!, "/_astro/more.css")).toEqual([{}]);
  });

  it("tells a script's static imports from those it makes on use", () => {
    const { statics, dynamics } = scriptImports(files["/_astro/page.js"]!, "/_astro/page.js");
    expect(statics.map((r) => r.path)).toEqual(["/_astro/chunk.js"]);
    expect(dynamics.map((r) => r.path)).toEqual(["/pagefind/pagefind.js"]);
    const viaUrl = scriptImports(
      "let e=await import(new URL(`/pagefind/pagefind.js`,location.href).href)",
      "/_astro/s.js",
    );
    expect(viaUrl.dynamics.map((r) => r.path)).toEqual(["/pagefind/pagefind.js"]);
    expect(
      scriptImports('import"./side.js";export{x}from"./re.js"', "/_astro/s.js").statics.map((r) => r.path),
    ).toEqual(["/_astro/side.js", "/_astro/re.js"]);
  });

  it("weighs the page and each file it loads once, gzip at level 9, and leaves what loads on use out of the total", () => {
    const weight = pageWeight("/fr/", read);
    expect(weight.problems).toEqual([]);
    expect(weight.resources.map((r) => [r.path, r.kind])).toEqual([
      ["/fr/", "html"],
      ["/_astro/site.css", "css"],
      ["/favicon.svg", "image"],
      ["/_astro/page.js", "js"],
      ["/fr/logo.png", "image"],
      ["/fr/logo@2x.png", "image"],
      ["/img/hero.webp", "image"],
      ["/_astro/more.css", "css"],
      ["/fonts/a.woff2", "font"],
      ["/_astro/chunk.js", "js"],
    ]);
    expect(weight.onUse).toEqual([{ path: "/pagefind/pagefind.js", kind: "js" }]);
    const html = weight.resources[0]!;
    expect(html.bytes).toBe(Buffer.byteLength(files["/fr/"]!));
    expect(html.gzip).toBe(gzipSync(files["/fr/"]!, { level: 9 }).length);
    expect(html.brotli).toBeLessThan(html.bytes);
    // Images and fonts are sent as they are: compressing them again gains nothing.
    expect(weight.resources.find((r) => r.path === "/fonts/a.woff2")!.gzip).toBe(4);
    const sum = totals(weight);
    expect(sum.byKind.font).toBe(4);
    expect(sum.byKind.image).toBe(12 + 4 + 4 + weight.resources.find((r) => r.path === "/favicon.svg")!.gzip);
    expect(sum.total).toBe(weight.resources.reduce((n, r) => n + r.gzip, 0));
    expect(sum.javascript).toBe(sum.byKind.js);
    expect(sum.javascript).toBeGreaterThan(0);
  });

  it("counts JavaScript written inside the page, and names what it cannot weigh", () => {
    const page = `<html><head><script>alert(1)</script><script src="https://cdn.example.com/x.js"></script>
      <link rel="stylesheet" href="/missing.css"></head></html>`;
    const weight = pageWeight("/p/", (path) => (path === "/p/" ? Buffer.from(page) : undefined));
    expect(weight.inlineScriptBytes).toBe("alert(1)".length);
    expect(totals(weight).javascript).toBe(8);
    expect(weight.problems).toEqual([
      "/p/ loads /missing.css, which the build does not contain",
      "/p/ loads https://cdn.example.com/x.js from another origin",
    ]);
  });

  it("classifies files by extension, a path ending in / as a page", () => {
    expect(["/fr/", "/a.css", "/a.mjs", "/a.SVG", "/a.woff2", "/a.json", "/noext"].map(kindOf)).toEqual([
      "html",
      "css",
      "js",
      "image",
      "font",
      "other",
      "other",
    ]);
  });

  it("sets the issue's budgets: 14 KB and no script for reading pages, 30 KB for search", () => {
    expect(budgetFor("reading")).toEqual({ total: 14 * 1024, javascript: 0 });
    expect(budgetFor("search").total).toBe(30 * 1024);
  });
});
