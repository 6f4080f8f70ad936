import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashSource, pageNeeds, policyFor, policyOf, withPolicy } from "../../build/csp";

const page = (head: string, body = "<p>Texte</p>") =>
  `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>T</title>${head}</head><body>${body}</body></html>`;
const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("page Content-Security-Policy", () => {
  it("gives a reading page no script at all and allows its inline style by the hash of its exact text", () => {
    const css = ":root{color:#111}\n a { color: red }";
    const { needs, problems } = pageNeeds("fr/index.html", page(`<style>${css}</style>`));
    expect(problems).toEqual([]);
    const policy = directives(policyFor(needs));
    expect(policy.get("script-src")).toEqual(["'none'"]);
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.get("style-src")).toEqual([`'sha256-${createHash("sha256").update(css).digest("base64")}'`]);
    // Only same-origin reads, and with no script allowed nothing on the page can make one.
    expect(policy.get("connect-src")).toEqual(["'self'"]);
  });

  it("lets a page that loads script files run same-origin code, compile WebAssembly and fetch, never inline code", () => {
    const { needs, problems } = pageNeeds(
      "fr/recherche/index.html",
      page(
        '<link rel="stylesheet" href="/pagefind/pagefind-ui.css"><script type="module" src="/_astro/search.js"></script>',
      ),
    );
    expect(problems).toEqual([]);
    const policy = directives(policyFor(needs));
    expect(policy.get("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("style-src")).toEqual(["'self'"]);
    expect(policyFor(needs)).not.toContain("unsafe-inline");
  });

  it("lists one hash per distinct inline style, in a stable order", () => {
    const { needs } = pageNeeds("a.html", page("<style>b{}</style><style>a{}</style><style>a{}</style>"));
    expect(directives(policyFor(needs)).get("style-src")).toEqual([hashSource("a{}"), hashSource("b{}")].sort());
  });

  it("names the file and what it found for inline code a strict policy would block", () => {
    const html = page(
      "<script>alert(1)</script>",
      '<p style="color:red" onclick="x()">a</p><a href="javascript:void(0)">b</a>',
    );
    const { problems } = pageNeeds("dist/en/index.html", html);
    expect(problems.map((p) => p.file)).toEqual(Array(4).fill("dist/en/index.html"));
    expect(problems.map((p) => p.found)).toEqual([
      "an inline <script> (alert(1)…)",
      "a style= attribute on <p>",
      "an event handler attribute onclick= on <p>",
      "a javascript: URL in href= on <a>",
    ]);
  });

  it("leaves data blocks such as JSON-LD alone, since browsers do not execute them", () => {
    const { needs, problems } = pageNeeds(
      "a.html",
      page('<script type="application/ld+json">{"@type":"Thing"}</script>'),
    );
    expect(problems).toEqual([]);
    expect(needs.scriptFiles).toBe(false);
  });

  it("writes the policy right after the charset, so it governs every later element, and reads it back", () => {
    const html = page("<style>a{}</style>");
    const { html: out, problems } = withPolicy("a.html", html, "default-src 'none'");
    expect(problems).toEqual([]);
    expect(out).toContain(
      `<head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src 'none'"><title>`,
    );
    expect(policyOf(out)).toBe("default-src 'none'");
    expect(pageNeeds("a.html", out).problems[0]?.found).toBe("a Content-Security-Policy <meta> already in the page");
  });

  it("refuses a page without a charset declaration rather than placing the policy somewhere it governs less", () => {
    const { problems } = withPolicy("x.html", "<html><head><title>x</title></head></html>", "default-src 'none'");
    expect(problems).toEqual([
      { file: "x.html", found: "no <meta charset=utf-8>", expected: "a charset declaration at the top of <head>" },
    ]);
  });
});
