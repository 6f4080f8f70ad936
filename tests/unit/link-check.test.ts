import { describe, expect, it } from "vitest";
import { checkLinks, type BuiltPage } from "../../build/link-check";

const site = "https://strategy.example.org/";
const html = (lang: string, body: string, head = "") =>
  `<!DOCTYPE html><html lang="${lang}"><head><title>t</title>${head}</head><body><main id="main">${body}</main></body></html>`;
const files = new Set([
  "/fr/index.html",
  "/fr/objectifs/1/index.html",
  "/en/index.html",
  "/favicon.svg",
  "/index.html",
]);
const objective: BuiltPage = { path: "/fr/objectifs/1/", html: html("fr", '<li id="resultat-1-1">r</li>') };
const check = (page: BuiltPage) => checkLinks([page, objective], files, site).map((p) => p.found);
const fr = (body: string, head = ""): BuiltPage => ({ path: "/fr/", html: html("fr", body, head) });

describe("link check over a built site", () => {
  it("accepts links, relative or absolute on the site, to pages, files and ids that exist", () => {
    const page = fr(
      '<a href="/fr/objectifs/1/#resultat-1-1">Objectif 1</a><a href="objectifs/1/">Objectif 1</a><a href="#main">Texte</a>',
      '<link rel="canonical" href="https://strategy.example.org/fr/"><link rel="icon" href="/favicon.svg">',
    );
    expect(check(page)).toEqual([]);
  });

  it("names a link to a page the build did not write, a missing id and a missing trailing slash", () => {
    const page = fr(
      '<a href="/fr/objectifs/9/">Objectif 9</a><a href="/fr/objectifs/1/#resultat-1-9">Résultat 1.9</a><a href="/fr/objectifs/1">Objectif 1</a><a href="#nulle-part">Texte</a>',
    );
    expect(check(page)).toEqual([
      '<a href="/fr/objectifs/9/">, which matches no built file',
      '<a href="/fr/objectifs/1/#resultat-1-9">, whose #resultat-1-9 is no id on /fr/objectifs/1/',
      '<a href="/fr/objectifs/1">, which lacks its trailing slash (a redirect)',
      '<a href="#nulle-part">, whose #nulle-part is no id on /fr/',
    ]);
  });

  it("checks the site's own absolute URLs (canonical, hreflang) like internal links", () => {
    const page = fr("", '<link rel="canonical" href="https://strategy.example.org/fr/resultats/">');
    expect(check(page)).toEqual([
      '<link href="https://strategy.example.org/fr/resultats/">, which matches no built file',
    ]);
  });

  it("lets readers follow links to other sites but never loads a resource from another origin", () => {
    const page = fr(
      '<a href="https://www.interpol.int/">INTERPOL</a><a href="mailto:a@example.org">Écrire</a><img src="https://cdn.example.com/x.png" alt="x">',
    );
    expect(check(page)).toEqual(['<img src="https://cdn.example.com/x.png">, a resource from another origin']);
  });

  it("allows a link into another locale only through the switcher and hreflang links", () => {
    const page = fr(
      '<a href="/en/" hreflang="en" data-switcher>English</a><a href="/en/">English version</a>',
      '<link rel="alternate" hreflang="en" href="https://strategy.example.org/en/">',
    );
    expect(check(page)).toEqual(['<a href="/en/">, a link from a fr page into the en pages']);
    const landing: BuiltPage = { path: "/", html: html("fr", '<a href="/fr/">Entrer</a><a href="/en/">Enter</a>') };
    expect(checkLinks([landing], files, site)).toEqual([]);
  });

  it("rejects link text that says nothing out of context, in every published language, and empty links", () => {
    const page = fr('<a href="/fr/">Cliquez ici</a><a href="/fr/">here.</a><a href="/fr/"> </a><a href="#">Haut</a>');
    expect(check(page)).toEqual([
      '<a href="#">, which leads nowhere',
      'a link whose text is "Cliquez ici"',
      'a link whose text is "here."',
      "a link to /fr/ without text",
    ]);
    const others = fr('<a href="/fr/">Haga clic aquí</a><a href="/fr/">انقر هنا</a><a href="/fr/">Aquí se explica</a>');
    expect(check(others)).toEqual(['a link whose text is "Haga clic aquí"', 'a link whose text is "انقر هنا"']);
  });

  it("reports the page each problem is on", () => {
    const problems = checkLinks([fr('<a href="/fr/x/">X</a>'), objective], files, site);
    expect(problems).toEqual([
      {
        file: "/fr/",
        found: '<a href="/fr/x/">, which matches no built file',
        expected: "a page or file that the build writes",
      },
    ]);
  });
});
