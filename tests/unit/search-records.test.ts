import { describe, expect, it } from "vitest";
import { wordSeparator } from "../../src/lib/search-words";
import { searchRecords } from "../../build/search-records";
import { blockSeparator } from "../../src/lib/search-url";

const page = (lang: string, main: string) =>
  `<!DOCTYPE html><html lang="${lang}"><head><title>T</title></head><body><header><nav>Menu Accueil</nav></header>` +
  `<main><h1>Objectif 3</h1>${main}</main><footer>Pied de page</footer></body></html>`;

const objectivePage = page(
  "fr",
  `<div class="statement" data-pagefind-body><p>Aider les pays membres.</p></div><h2>Résultats escomptés</h2>` +
    `<ol class="results" data-pagefind-body>` +
    `<li id="resultat-3-1"><h3><a href="#resultat-3-1">Résultat escompté 3.1</a></h3><p>Mise au jour.</p></li>` +
    `<li id="resultat-3-2"><h3><a href="#resultat-3-2">Résultat escompté 3.2</a></h3><p>Priorité à l'évaluation.</p>` +
    `<p>Second <em>paragraphe</em>.</p></li></ol><nav class="pager">Suivant</nav>`,
);

describe("search records read from built pages", () => {
  it("makes each expected result its own record at its anchor, and the objective's statement another", () => {
    const { records, problems } = searchRecords("fr/objectifs/3/index.html", "/fr/objectifs/3/", objectivePage);
    expect(problems).toEqual([]);
    expect(records.map((r) => r.url)).toEqual([
      "/fr/objectifs/3/",
      "/fr/objectifs/3/#resultat-3-1",
      "/fr/objectifs/3/#resultat-3-2",
    ]);
    const [objective, , result] = records;
    expect(objective).toEqual({
      url: "/fr/objectifs/3/",
      language: "fr",
      content: "Aider les pays membres.",
      meta: { title: "Objectif 3", kind: "objective", objective: "3", objectiveTitle: "Objectif 3" },
      filters: { kind: ["objective"], objective: ["3"] },
    });
    expect(result!.meta).toEqual({
      title: "Résultat escompté 3.2",
      kind: "result",
      objective: "3",
      objectiveTitle: "Objectif 3",
    });
    expect(result!.filters).toEqual({ kind: ["result"], objective: ["3"] });
    expect(result!.content).toBe(`Priorité à l'${wordSeparator}évaluation. ${blockSeparator} Second paragraphe.`);
  });

  it("never takes text from outside the marked regions: header, navigation, headings between them, footer", () => {
    const { records } = searchRecords("f", "/fr/objectifs/3/", objectivePage);
    const all = records.map((r) => r.content).join(" ");
    for (const word of ["Menu", "Accueil", "Résultats escomptés", "Suivant", "Pied"]) expect(all).not.toContain(word);
  });

  it("gives a capabilities region one record without an objective", () => {
    const html = page(
      "en",
      `<div data-pagefind-body><h1>Capabilities</h1><ul><li>Innovation</li><li>Support</li></ul></div>`,
    );
    const { records, problems } = searchRecords("f", "/en/capabilities/", html);
    expect(problems).toEqual([]);
    expect(records).toEqual([
      {
        url: "/en/capabilities/",
        language: "en",
        content: `Innovation ${blockSeparator} Support`,
        meta: { title: "Capabilities", kind: "capability" },
        filters: { kind: ["capability"] },
      },
    ]);
  });

  it("makes each capability its own record at its anchor, its name its title and text", () => {
    const html = page(
      "fr",
      `<div data-pagefind-body><h1>Capacités</h1><ul><li id="capacite-innovation">Innovation</li>` +
        `<li id="capacite-strategic-support">Appui stratégique</li>` +
        `<li id="capacite-knowledge-management" lang="en" data-pagefind-ignore="all">Knowledge management</li></ul></div>`,
    );
    const { records, problems } = searchRecords("f", "/fr/capacites/", html);
    expect(problems).toEqual([]);
    expect(records).toEqual([
      {
        url: "/fr/capacites/#capacite-innovation",
        language: "fr",
        content: "Innovation",
        meta: { title: "Innovation", kind: "capability" },
        filters: { kind: ["capability"] },
      },
      {
        url: "/fr/capacites/#capacite-strategic-support",
        language: "fr",
        content: "Appui stratégique",
        meta: { title: "Appui stratégique", kind: "capability" },
        filters: { kind: ["capability"] },
      },
    ]);
  });

  it("makes the home page's introduction and mandate a record each at its anchor, and refuses any other region there", () => {
    const html = page(
      "es",
      `<div id="introduccion" data-pagefind-body><p>La Estrategia.</p></div>` +
        `<div id="mandato" data-pagefind-body><h2>Mandato</h2><blockquote><p>«Permitir.»</p></blockquote></div>` +
        `<ul class="cards" data-pagefind-body><li>Objetivo 1</li></ul>`,
    );
    const { records, problems } = searchRecords("dist/es/index.html", "/es/", html);
    expect(records.map(({ url, meta, content }) => ({ url, meta, content }))).toEqual([
      { url: "/es/#introduccion", meta: { title: "Objectif 3", kind: "strategy" }, content: "La Estrategia." },
      { url: "/es/#mandato", meta: { title: "Mandato", kind: "strategy" }, content: "«Permitir.»" },
    ]);
    expect(problems).toEqual([
      {
        file: "dist/es/index.html",
        found: "data-pagefind-body on /es/ without an id",
        expected: "on the home page, only the introduction (#introduccion) and the mandate (#mandato)",
      },
    ]);
  });

  it("ignores pages without regions, and names the file of a region on a page that repeats others' text", () => {
    expect(searchRecords("f", "/fr/resultats/", page("fr", "<p>Tout</p>"))).toEqual({ records: [], problems: [] });
    const { records, problems } = searchRecords(
      "dist/fr/resultats/index.html",
      "/fr/resultats/",
      page("fr", "<div data-pagefind-body><p>Tout</p></div>"),
    );
    expect(records).toEqual([]);
    expect(problems).toEqual([
      {
        file: "dist/fr/resultats/index.html",
        found: 'data-pagefind-body on a page of kind "results" (/fr/resultats/)',
        expected:
          "searchable regions only on objective pages, the capabilities page and the home page's introduction and mandate; other pages repeat their text",
      },
    ]);
  });

  it("leaves out a result whose whole text Pagefind is told to ignore, and refuses one with no text at all", () => {
    const ignored = objectivePage.replace(
      "<p>Mise au jour.</p>",
      '<div data-pagefind-ignore="all"><p>Mise au jour.</p></div>',
    );
    const { records, problems } = searchRecords("f", "/fr/objectifs/3/", ignored);
    expect(problems).toEqual([]);
    expect(records.map((r) => r.url)).not.toContain("/fr/objectifs/3/#resultat-3-1");
    const empty = searchRecords("dist/f.html", "/fr/objectifs/3/", objectivePage.replace("<p>Mise au jour.</p>", ""));
    expect(empty.problems.map((p) => p.found)).toEqual([
      "an empty searchable region for /fr/objectifs/3/#resultat-3-1",
    ]);
  });

  it("refuses a region whose page's <html lang> is not the locale of its URL", () => {
    const { problems } = searchRecords("f", "/fr/objectifs/3/", objectivePage.replace('lang="fr"', 'lang="en"'));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.found).toBe('data-pagefind-body on /fr/objectifs/3/ (lang="en")');
  });
});
