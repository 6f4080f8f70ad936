/** The CMS's file format: every content file written back byte for byte, and what it cannot write back, found on load. */
import { describe, expect, it } from "vitest";
import { bodyRewrite, fileRecord, fromFile, toFile } from "../../editor/cms/file-format";
import { writeContentFile } from "../../src/lib/content-file-writer";
import { repositoryFiles } from "../../harness/cms";

/** What Sveltia hands the format: the file trimmed, line endings as \n. */
const asSveltiaReads = (text: string) => text.trim().replace(/\r\n?/g, "\n");
/** What Sveltia writes: the format's text trimmed, with one final newline. */
const asSveltiaWrites = (text: string) => `${text.trim()}\n`;

describe("the CMS's file format", () => {
  it("writes every content file back byte for byte, and finds nothing it cannot keep in them", () => {
    const files = repositoryFiles("content");
    expect(files.length).toBeGreaterThan(40);
    for (const [file, text] of files) {
      const read = fromFile(asSveltiaReads(text));
      expect(fileRecord(read)?.problem, file).toBeUndefined();
      expect(asSveltiaWrites(toFile(read)), file).toBe(text);
    }
  });

  it("finds, with its line, a frontmatter the form would write differently: a comment, single quotes, spacing", () => {
    const problem = (text: string) => fileRecord(fromFile(asSveltiaReads(text)))?.problem;
    expect(problem("---\nobjective: 2 # deux\norder: 3\n---\n\nTexte.\n")).toEqual({
      line: 2,
      before: "objective: 2 # deux",
      after: "objective: 2",
    });
    expect(problem("---\nname: 'Innovation'\norder: 3\n---\n")).toEqual({
      line: 2,
      before: "name: 'Innovation'",
      after: "name: Innovation",
    });
    expect(problem("---\nobjective: 2\norder:   3\n---\n\nTexte.\n")?.line).toBe(3);
    expect(problem("---\nobjective: 2\norder: 3\n---\nTexte collé.\n")).toMatchObject({
      line: 5,
      before: "Texte collé.",
    });
  });

  it("finds what the rich-text editor would rewrite in a body, as measured in Chromium, and nothing else", () => {
    // Each pair: a line as written, and what Sveltia 0.221's editor writes once anything in the body is edited.
    const rewritten: [string, string][] = [
      ["Un *mot* en italique.", "Un _mot_ en italique."],
      ["Un __mot__ en gras.", "Un **mot** en gras."],
      ["{/* note */}", "{/\\* note \\*/}"],
      ["Un \\_ souligné.", "Un _ souligné."],
      ["  - un.un", "    - un.un"],
    ];
    for (const [before, after] of rewritten)
      expect(bodyRewrite(`Avant.\n\n- un\n${before}`), before).toEqual({ line: 4, before, after });
    expect(bodyRewrite("Avant.\n\n---\n\nAprès.")).toEqual({ line: 3, before: "---", after: "***" });
    expect(bodyRewrite("Un.\n\n\nDeux.")).toEqual({ line: 3, before: "", after: "Deux." });
    expect(bodyRewrite('<Callout title="Note">\nTexte.\n</Callout>')).toEqual({
      line: 2,
      before: "Texte.",
      after: "  Texte.",
    });
    // Measured unchanged: the site's components in their documented form, HTML, lists, links, tables, headings.
    for (const kept of [
      '<Callout title="À noter">\n  Texte.\n\n  Suite.\n</Callout>',
      '<KeyFigure value="195" label="pays membres" />',
      'Texte <KeyFigure value="195" label="pays" /> suite.',
      'Un _mot_, un **mot**, un `code`, une <abbr title="x">abr.</abbr> et <sup>er</sup>.',
      "* un\n* deux\n\n1) un\n2) deux\n\n+ un",
      "## Titre\n\nTitre\n=====\n\n> Citation\n\n| a | b |\n| --- | --- |\n| 1 | 2 |",
      "Ligne un  \nligne deux\\\ntrois, un \\* astérisque, A&amp;B, <!-- note -->.",
      "Avant.\n\n***\n\nAprès.",
    ])
      expect(bodyRewrite(kept), kept).toBeUndefined();
  });

  it("never writes a file it read with a problem", () => {
    const read = fromFile("---\nobjective: 2 # deux\norder: 3\n---\n\nTexte.");
    expect(() => toFile(read)).toThrow(/line 2/);
  });

  it("writes a new field where the schema puts it, notes and hashes in double quotes, and no empty field", () => {
    const translation = '---\nobjective: 2\norder: 3\ntranslatedFrom: fr\nsourceHash: "0123456789ab"\n---\n\nText.';
    const read = fromFile(translation);
    const { cmsFile, ...fields } = read;
    const edited = {
      cmsFile,
      objective: 2,
      order: 3,
      editorialNote: "Check it.",
      translatedFrom: "fr",
      sourceHash: "123456789012",
      body: "Text.",
    };
    expect(toFile(edited)).toBe(
      '---\nobjective: 2\norder: 3\neditorialNote: "Check it."\ntranslatedFrom: fr\nsourceHash: "123456789012"\n---\n\nText.\n',
    );
    expect(toFile({ ...fields, cmsFile, editorialNote: "" })).toBe(`${translation}\n`);
    // A new entry: the project's usual layout, the hash quoted even when it is digits only.
    expect(
      writeContentFile({ objective: 4, order: 4, translatedFrom: "fr", sourceHash: "123456789012" }, "Texte."),
    ).toBe('---\nobjective: 4\norder: 4\ntranslatedFrom: fr\nsourceHash: "123456789012"\n---\n\nTexte.\n');
  });
});
