import { describe, expect, it } from "vitest";
import { bodySyntax, plainParagraphs, plainText } from "../../src/lib/mdx-text";

describe("plain text of a content body", () => {
  it("drops Markdown markup but keeps the characters it uses inside words and sentences", () => {
    expect(
      plainText("Some **bold**, _emphasis_, `code` and a [link](https://example.org/), snake_case, a > b, #3."),
    ).toBe("Some bold, emphasis, code and a link, snake_case, a > b, #3.");
  });

  it("keeps the text inside MDX components and drops imports, exports, expressions and comments", () => {
    const body = [
      'import Note from "./note.astro";',
      "",
      "export const x = 1;",
      "",
      '<Note kind="info">Inside a *component*.</Note>',
      "",
      "{/* for editors only */}",
      "",
      "Before {1 + 1} after.",
    ].join("\n");
    expect(plainParagraphs(body)).toBe("Inside a component.\n\nBefore after.");
  });

  it("reads an editors' component as the reader sees it: its text attributes, then its own text", () => {
    expect(plainParagraphs('<Callout title="Note">\n\nFirst.\n\nSecond.\n\n</Callout>')).toBe(
      "Note\n\nFirst.\n\nSecond.",
    );
    expect(plainText('Some <KeyFigure value={195} label="member countries" /> here.')).toBe(
      "Some 195 member countries here.",
    );
    expect(plainText('<KeyFigure value="2022–2025" label="period" />')).toBe("2022–2025 period");
    expect(plainText('<Unknown label="not text">Own text.</Unknown>')).toBe("Own text.");
  });

  it("separates paragraphs, headings and list items by one blank line, and joins a paragraph's lines", () => {
    expect(plainParagraphs("# Title\n\nFirst line\nsame paragraph.\n\n- one\n- two\n\n> quoted")).toBe(
      "Title\n\nFirst line same paragraph.\n\none\n\ntwo\n\nquoted",
    );
    expect(plainText("First.\n\nSecond.")).toBe("First. Second.");
  });

  it("decodes entities and escapes, and keeps non-breaking spaces", () => {
    expect(plainText("Fish &amp; chips\\*, 10&nbsp;%")).toBe("Fish & chips*, 10\u00a0%");
  });

  it("reads a .md body as Markdown, where braces are text and raw HTML tags are dropped", () => {
    expect(bodySyntax("content/results/fr/1-1.md")).toBe("md");
    expect(bodySyntax("content/results/fr/1-1.mdx")).toBe("mdx");
    expect(plainText("Set {a, b} with <abbr title='x'>UN</abbr> &eacute; &#233;.", "md")).toBe(
      "Set {a, b} with UN é é.",
    );
  });

  it("returns nothing for an empty or missing body, and ignores images and footnote references", () => {
    expect(plainText(undefined)).toBe("");
    expect(plainText("  \n")).toBe("");
    expect(plainText("![A chart](/chart.png)\n\nText[^1].\n\n[^1]: A footnote.")).toBe("Text.");
  });
});
