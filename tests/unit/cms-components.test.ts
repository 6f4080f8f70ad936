/** The CMS's editor components write exactly the MDX the editing guide documents, and read it back. */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { editorComponentDefinitions } from "../../editor/cms/components";
import { componentIds } from "../../editor/cms/names";
import { editorComponents } from "../../src/lib/editor-components";

const words = {
  callout: "c",
  calloutTitle: "t",
  calloutText: "x",
  keyFigure: "k",
  keyFigureValue: "v",
  keyFigureLabel: "l",
};
const definitions = editorComponentDefinitions(words);
const examples = readdirSync("src/mdx-components/examples").map((file) => ({
  component: file.split(".")[0]! as keyof typeof componentIds,
  text: readFileSync(`src/mdx-components/examples/${file}`, "utf8").trim(),
}));

describe("the CMS's editor components", () => {
  it("exist for every component editors may use, and only those", () => {
    expect(definitions.map((d) => d.id).sort()).toEqual(
      Object.keys(editorComponents)
        .map((n) => componentIds[n as keyof typeof componentIds])
        .sort(),
    );
  });

  it("read each of the guide's examples and write it back character for character", () => {
    expect(examples.length).toBeGreaterThanOrEqual(Object.keys(editorComponents).length);
    for (const { component, text } of examples) {
      const definition = definitions.find((d) => d.id === componentIds[component])!;
      const match = text.match(definition.pattern)!;
      expect(match?.[0], text).toBe(text);
      expect(definition.toBlock(definition.fromBlock(match))).toBe(text);
    }
  });

  it("write a double quote typed in a title as &quot; and read it back as a double quote", () => {
    const callout = definitions.find((d) => d.id === componentIds.Callout)!;
    const written = callout.toBlock({ title: 'Le "mot" & la suite', text: "Un.\n\nDeux." });
    expect(written).toBe('<Callout title="Le &quot;mot&quot; &amp; la suite">\n  Un.\n\n  Deux.\n</Callout>');
    expect(callout.fromBlock(written.match(callout.pattern)!)).toEqual({
      title: 'Le "mot" & la suite',
      text: "Un.\n\nDeux.",
    });
  });

  it("take a key figure alone on its line only: inside a paragraph, the editor would drop it when saving", () => {
    const figure = definitions.find((d) => d.id === componentIds.KeyFigure)!;
    expect('Avant.\n<KeyFigure value="195" label="pays" />\nAprès.'.match(figure.pattern)).not.toBeNull();
    expect('Texte <KeyFigure value="195" label="pays" /> suite.'.match(figure.pattern)).toBeNull();
  });
});
