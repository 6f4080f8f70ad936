import { describe, expect, it } from "vitest";
import { bodyProblems, hasPlaceholder } from "../../src/checks/body-checks";
import type { ContentFile } from "../../src/checks/content-files";
import { formatProblem } from "../../src/lib/problem";
import { linkTargets, normalizedScheme } from "../../src/checks/link-targets";

const targets = linkTargets(
  new Map([
    ["fr", { objectives: [1, 2], results: [{ objective: 2, order: 3 }] }],
    ["en", { objectives: [1, 2], results: [{ objective: 2, order: 3 }] }],
  ]),
  ["/favicon.svg"],
);

/** A result file whose body starts on line 6, as after a four-line frontmatter. */
function result(body: string, extension: "mdx" | "md" = "mdx", collection: ContentFile["collection"] = "results") {
  const file: ContentFile = {
    collection,
    locale: "en",
    name: "2-3",
    id: "en/2-3",
    filePath: `content/${collection}/en/2-3.${extension}`,
    data: {},
    body,
    bodyLine: 6,
    fieldLines: {},
  };
  return bodyProblems(file, targets).map(formatProblem);
}

describe("checks on the text of an entry", () => {
  it("accepts Markdown, the editors' components, plain HTML, comments and links to pages that exist", () => {
    const body = [
      'Text with *emphasis*, <abbr title="International Criminal Police Organization">INTERPOL</abbr> and a',
      "[result](/en/objectives/2/#result-2-3), [the English page](/en/objectives/1/), [home](/), [icon](/favicon.svg),",
      "[INTERPOL](https://www.interpol.int/), [data](/en/data/results.csv) and [mail](mailto:editor@example.org). {/* a comment */}",
      "",
      '<Callout title="Note">',
      "  Inside a note.",
      "</Callout>",
      "",
      '<KeyFigure value="195" label="member countries" />',
    ].join("\n");
    expect(result(body)).toEqual([]);
  });

  it("reports an MDX syntax error at its line and column in the file, frontmatter included", () => {
    expect(result("First line.\n\n<Callout>\nnever closed")).toEqual([
      expect.stringMatching(
        /^content\/results\/en\/2-3\.mdx:8:1: found text that is not valid MDX: Expected a closing tag for `<Callout>`/,
      ),
    ]);
  });

  it("names a component that does not exist, and the ones that do", () => {
    expect(result("<Chart />")).toEqual([
      "content/results/en/2-3.mdx:6:1: found a component <Chart> that does not exist; expected one of the components Callout, KeyFigure (names are case-sensitive).",
    ]);
  });

  it("names a missing or unknown attribute of a component", () => {
    expect(result('<KeyFigure value="195" />')).toEqual([expect.stringContaining("<KeyFigure> without its label=")]);
    expect(result('<Callout kind="x">y</Callout>')).toEqual([
      expect.stringContaining("an attribute kind= that <Callout> does not take"),
    ]);
  });

  it("rejects import, export and JavaScript expressions, in text and in attributes", () => {
    expect(result('import X from "./x.js";\n\nText.')).toEqual([
      expect.stringMatching(/:6:1: found an import statement/),
    ]);
    expect(result("export const a = 1;\n\nText.")).toEqual([expect.stringMatching(/:6:1: found an export statement/)]);
    expect(result("Year {new Date().getFullYear()}.")).toEqual([
      expect.stringMatching(/:6:6: found a JavaScript expression/),
    ]);
    expect(result('<KeyFigure value={fetch("/x")} label="x" />')).toEqual([
      expect.stringContaining('a JavaScript expression value={fetch("/x")}'),
    ]);
    expect(result('<KeyFigure value={195} label="x" />')).toEqual([]);
  });

  it("rejects elements that run code or load other content, in MDX and in Markdown's raw HTML", () => {
    for (const tag of ["script", "iframe", "object", "embed", "style"]) {
      expect(result(`<${tag}></${tag}>`), tag).toEqual([expect.stringContaining(`<${tag}> element`)]);
      expect(result(`Text.\n\n<${tag}></${tag}>`, "md"), `${tag} in .md`).toEqual([
        expect.stringMatching(new RegExp(`:8:1: found an? <${tag}> element`)),
      ]);
    }
    expect(result("<marquee>x</marquee>")).toEqual([
      expect.stringContaining("an HTML element <marquee> that content may not use"),
    ]);
  });

  it("rejects on…= and style= attributes", () => {
    expect(result('<span onClick="alert(1)">x</span>')).toEqual([
      expect.stringContaining("an onClick= attribute on <span>"),
    ]);
    expect(result('Text <img src="/favicon.svg" onerror="alert(1)"> here.', "md")).toEqual([
      expect.stringContaining("an HTML element <img>"),
      expect.stringContaining("an onerror= attribute on <img>"),
    ]);
    expect(result('<span style="color: red">x</span>')).toEqual([expect.stringContaining("a style= attribute")]);
  });

  it("rejects javascript: and data: URLs however they are disguised", () => {
    expect(result("[x](javascript:alert(1))")).toEqual([expect.stringContaining("a javascript: link")]);
    expect(result('<a href="JaVa&#x53;cript:alert(1)">x</a>')).toEqual([expect.stringContaining("a javascript: link")]);
    expect(result('Raw <a href="  java\tscript:alert(1)">x</a>.', "md")).toEqual([
      expect.stringContaining("a javascript: link"),
    ]);
    expect(result("![x](data:image/svg+xml;base64,PHN2Zz4=)")).toEqual([expect.stringContaining("a data: URL")]);
    expect(result("[x]: data:text/html,hi\n\n[y][x]")).toEqual([expect.stringContaining("a data: URL")]);
    expect(normalizedScheme("&#106;avascript:x")).toBe("javascript");
  });

  it("rejects internal links to pages or results that do not exist, and links relative to the page", () => {
    expect(result("[x](/en/objectives/7/)")).toEqual([
      "content/results/en/2-3.mdx:6:1: found a link to /en/objectives/7/, a page that does not exist; expected the address of an existing page, such as /en/, /en/objectives/1/, /en/objectives/2/, /en/results/.",
    ]);
    expect(result("[x](/en/objectives/2)")).toEqual([
      expect.stringContaining("expected /en/objectives/2/ (page addresses end with a slash)"),
    ]);
    expect(result("[x](/en/objectives/2/#result-2-9)")).toEqual([
      expect.stringContaining("a link to #result-2-9 on /en/objectives/2/, where no expected result has that number"),
    ]);
    expect(result("[x](../2/)")).toEqual([expect.stringContaining("which is relative to the page it appears on")]);
  });

  it("rejects links out of the text's locale: another locale's pages, files or result anchors", () => {
    expect(result("[x](/fr/objectifs/2/#resultat-2-3)")).toEqual([
      "content/results/en/2-3.mdx:6:1: found a link to /fr/objectifs/2/#resultat-2-3, in the fr pages, from a en text; expected the same page in en: /en/objectives/2/#result-2-3.",
    ]);
    expect(result("[x](/en/objectives/2/#resultat-2-3)")).toEqual([
      "content/results/en/2-3.mdx:6:1: found a link to #resultat-2-3 on /en/objectives/2/, the anchor of result 2.3 in the fr pages; expected its anchor in the en pages: /en/objectives/2/#result-2-3.",
    ]);
    expect(result("[x](/fr/donnees/resultats.csv)")).toEqual([
      expect.stringContaining("expected the same file in en: /en/data/results.csv"),
    ]);
    // A page the text's own locale does not have is not suggested.
    expect(result("[x](/fr/objectifs/7/)")).toEqual([
      expect.stringContaining("expected a link within the en pages (/en/…): readers change language with the switcher"),
    ]);
  });

  it("requires text where the entry publishes one, and none where it never would", () => {
    expect(result("  \n{/* nothing yet */}\n")).toEqual([
      "content/results/en/2-3.mdx:6: found no text below the frontmatter; expected the published text of this entry after the closing --- line.",
    ]);
    expect(result("", "md", "capabilities")).toEqual([]);
    expect(result("A description.", "md", "capabilities")).toEqual([
      expect.stringContaining("text below the frontmatter, which is never published for this collection"),
    ]);
  });

  it("rejects the placeholder npm run new writes, in either language's typography", () => {
    expect(result("Intro.\n\nTODO: write this text in English, in place of this line.")).toEqual([
      "content/results/en/2-3.mdx:8:1: found the placeholder left by npm run new; expected the text itself, written in place of the TODO line.",
    ]);
    expect(hasPlaceholder("TODO\u00a0: écrire ce texte")).toBe(true);
    expect(hasPlaceholder("Nothing TODO: here, mid-line")).toBe(false);
  });
});
