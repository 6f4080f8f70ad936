import { describe, expect, it } from "vitest";
import { isPlainMarkdown } from "../../src/lib/plain-markdown";

describe("telling plain Markdown from MDX", () => {
  it("takes text, emphasis, links, lists, quotes and French apostrophes as plain Markdown", () => {
    expect(isPlainMarkdown("Priorité accordée aux activités d'enquête des services nationaux.")).toBe(true);
    expect(isPlainMarkdown("Some *emphasis*, **strong**, a [link](/fr/objectifs/2/) and `code`.")).toBe(true);
    expect(isPlainMarkdown("- one\n- two\n  continued\n\n> “A quotation.”\n\n1. first")).toBe(true);
    expect(isPlainMarkdown("")).toBe(true);
  });

  it("leaves components, HTML, expressions and comments to MDX", () => {
    expect(isPlainMarkdown('<Callout title="Note">\n  Text.\n</Callout>')).toBe(false);
    expect(isPlainMarkdown('Text and <KeyFigure value="195" label="member countries" />')).toBe(false);
    expect(isPlainMarkdown("Text with <abbr>HTML</abbr>.")).toBe(false);
    expect(isPlainMarkdown("A total of {1 + 1}.")).toBe(false);
    expect(isPlainMarkdown("A stray } brace.")).toBe(false);
    expect(isPlainMarkdown("<!-- a comment -->")).toBe(false);
  });

  it("leaves to MDX what MDX reads differently: import and export lines, autolinks, indented code", () => {
    expect(isPlainMarkdown('import X from "./x.astro";\n\nText.')).toBe(false);
    expect(isPlainMarkdown("export const year = 2022;\n\nText.")).toBe(false);
    expect(isPlainMarkdown("See <https://example.org>.")).toBe(false);
    expect(isPlainMarkdown("Text.\n\n    indented code in Markdown, a paragraph in MDX")).toBe(false);
    expect(isPlainMarkdown("Text.\n\n\ttab-indented")).toBe(false);
  });

  it("does not mistake words that merely start like keywords for import or export lines", () => {
    expect(isPlainMarkdown("Exportations et importations de biens.")).toBe(true);
    expect(isPlainMarkdown("Imported goods and exported data.")).toBe(true);
  });
});
