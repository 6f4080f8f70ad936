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
    // A literal in braces is checked as the value it is.
    expect(result('<a href={"javascript:alert(1)"}>x</a>')).toEqual([expect.stringContaining("a javascript: link")]);
    expect(result('<span id={"main"}>x</span>')).toEqual([expect.stringContaining('the id "main"')]);
    expect(result('<a href={"java\\u0073cript:alert(1)"}>x</a>')).toEqual([
      expect.stringContaining("a JavaScript expression href="),
    ]);
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

describe("raw HTML, ids, images and characters in the text of an entry", () => {
  it("accepts balanced HTML in Markdown, across blocks when a block element wraps them, and elements without content", () => {
    const body = [
      '<div lang="fr">',
      "",
      'Du texte avec <abbr title="Organisation">OIPC</abbr>, <em>emphase</em>,<br> et <span lang="en">words</span>.',
      "",
      "</div>",
      "",
      "<!-- a comment for editors -->",
    ].join("\n");
    expect(result(body, "md")).toEqual([]);
  });

  it("rejects tags that are not well formed, markup declarations, unclosed comments and repeated attributes", () => {
    expect(result('<div><a/href="javascript:alert(1)">x</a></div>', "md")).toEqual([
      expect.stringMatching(/:6:6: found a tag that is not well formed \(<a\/href="javascript:alert\(1\)">/),
      expect.stringMatching(/:6:37: found a closing tag <\/a> with no opening <a>/),
    ]);
    expect(result("<!DOCTYPE html>\n\nText.", "md")).toEqual([
      expect.stringContaining("markup that is not an element"),
    ]);
    expect(result("<div>\n<!-- never closed\n</div>", "md")).toContainEqual(
      expect.stringContaining("an HTML comment <!-- never closed"),
    );
    expect(result('Go <a href="/en/" href="javascript:x">home</a>.', "md")).toEqual([
      expect.stringContaining("the attribute href= twice on <a>"),
      expect.stringContaining("a javascript: link (javascript:x)"),
    ]);
  });

  it("accepts only the attributes that carry words or structure on plain HTML elements", () => {
    for (const [html, attribute] of [
      ['<span class="visually-hidden">x</span>', "class="],
      ['<span data-pagefind-body="">x</span>', "data-pagefind-body="],
      ['<a href="/en/" target="_blank">x</a>', "target="],
      ['<span hidden="">x</span>', "hidden="],
      ['<span aria-hidden="true">x</span>', "aria-hidden="],
    ])
      expect(result(html!), html).toEqual([expect.stringContaining(`an attribute ${attribute} on`)]);
    expect(
      result('<table><tbody><tr><td background="https://x.example/p.png">x</td></tr></tbody></table>', "md"),
    ).toEqual([expect.stringContaining("an attribute background= on <td>")]);
    expect(result('<time datetime="2026-01-01">1 January</time> <q cite="https://www.interpol.int/">x</q>')).toEqual(
      [],
    );
  });

  it("requires images from public/, written from the root, with alternative text, by address or by reference", () => {
    expect(result("![The icon](/favicon.svg)")).toEqual([]);
    expect(result("![Map][map]\n\n[map]: https://cdn.example/map.png")).toEqual([
      expect.stringContaining("an image from another site (https://cdn.example/map.png)"),
    ]);
    expect(result("![Map](//cdn.example/map.png)")).toEqual([expect.stringContaining("an image from another site")]);
    expect(result("![Map](map.png)")).toEqual([
      expect.stringContaining('the image address "map.png", which is relative'),
    ]);
    expect(result("![Data](/en/data/results.csv)")).toEqual([
      expect.stringContaining("/en/data/results.csv, which is not an image"),
    ]);
    expect(result('<img src="/favicon.svg" alt="x" />')).toEqual([expect.stringContaining("an HTML element <img>")]);
  });

  it("gives each heading the renderer's id: repeated within an entry it differs, one of the page's own is refused", () => {
    expect(result("## Context\n\nText.\n\n## Context\n\nMore.")).toEqual([]);
    // The renderer's slugs: "Search hits" becomes search-hits, "Result 2-3" result-2-3, both ids of the page's own.
    expect(result("## Search hits\n\n## Result 2-3\n\n## Résultat 2 3")).toEqual([
      expect.stringMatching(/:6:1: found the id "search-hits", which the page already gives to the page's own layout/),
      expect.stringMatching(
        /:8:1: found the id "result-2-3", which the page already gives to an expected result's anchor/,
      ),
    ]);
    expect(result('<span id="result-1-1">x</span>')).toEqual([expect.stringContaining("an expected result's anchor")]);
    expect(result('<span id="objective-2">x</span>')).toEqual([expect.stringContaining("an objective's heading")]);
  });

  it("names unseen characters in the text, and text read once in the wrong encoding, and accepts French spacing", () => {
    expect(result("Évalu\u00adation.")).toEqual([expect.stringMatching(/:6:6: found a soft hyphen \(U\+00AD\)/)]);
    expect(result("Word\u2060joined.")).toEqual([expect.stringContaining("a word joiner (U+2060)")]);
    expect(result("Text \ufeff here.")).toEqual([expect.stringContaining("(U+FEFF)")]);
    expect(result("lâ€™évaluation")).toEqual([expect.stringContaining('found "â€™" where "’" was meant')]);
    // Written as character references, they are the same characters in the page.
    expect(result("Reads &#x202E;esrever&#8236; and &shy;here&ZeroWidthSpace;.")).toEqual([
      expect.stringMatching(
        /:6:7: found the character reference &#x202E;, which writes a right-to-left override \(U\+202E\)/,
      ),
      expect.stringContaining("the character reference &#8236;, which writes a pop directional formatting (U+202C)"),
      expect.stringContaining("the character reference &shy;, which writes a soft hyphen (U+00AD)"),
      expect.stringContaining("the character reference &ZeroWidthSpace;, which writes a zero-width space (U+200B)"),
    ]);
    expect(result("Fish &amp; chips&nbsp;: &#233;t&#xE9;.")).toEqual([]);
    expect(result("Texte\u00a0: « citation »\u202f! L’évaluation — et la suite…")).toEqual([]);
    // Right-to-left scripts need the direction marks and joiners: they stay allowed.
    expect(result("نص\u200fعربي\u200cمع")).toEqual([]);
  });

  it("rejects footnotes, whose numbers and links would repeat on every page that shows several entries", () => {
    expect(result("Claim.[^1]\n\n[^1]: Source.")).toEqual([expect.stringMatching(/:6:7: found a footnote/)]);
  });

  it("recognises the placeholder however it is typed", () => {
    for (const line of [
      "TODO\u202f: écrire",
      "**TODO**: write",
      "- TODO : write",
      "> TODO：write",
      "todo: write",
      "\u200bTODO: x",
    ])
      expect(hasPlaceholder(line), JSON.stringify(line)).toBe(true);
    expect(hasPlaceholder("Le mot TODO : au milieu")).toBe(false);
  });
});
