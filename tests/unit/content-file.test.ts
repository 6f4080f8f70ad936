import { describe, expect, it } from "vitest";
import { describeCharacter, findMojibake, visibleLine } from "../../src/lib/characters";
import { parseContentFile } from "../../src/lib/content-file";
import { formatProblem } from "../../src/lib/problem";
import { decodeContent } from "../../src/lib/text-encoding";

const file = "content/results/fr/2-1.md";
const utf8 = (text: string) => new TextEncoder().encode(text);
/** The problem of a file given as bytes, as check:content, the build and the preview print it. */
const problemOf = (source: string | Uint8Array) => {
  const { problem } = parseContentFile(source, file);
  return problem && formatProblem(problem);
};

describe("the one reader of content files", () => {
  it("accepts UTF-8 with or without a byte-order mark, with Windows or Unix line endings, and drops the mark", () => {
    const text = "---\nobjective: 2\norder: 1\n---\n\nRésultat 2.1.\n";
    for (const source of [
      text,
      `\ufeff${text}`,
      text.replaceAll("\n", "\r\n"),
      `\ufeff${text.replaceAll("\n", "\r\n")}`,
    ]) {
      for (const given of [source, utf8(source)]) {
        const parsed = parseContentFile(given, file);
        expect(parsed.problem, JSON.stringify(source)).toBeUndefined();
        expect(parsed.data).toEqual({ objective: 2, order: 1 });
        expect(parsed.body.trim()).toBe("Résultat 2.1.");
        expect(parsed.bodyLine).toBe(5);
      }
    }
  });

  it("accepts typographic punctuation and French spacing inside values", () => {
    const parsed = parseContentFile(
      '---\nname: "Appui\u00a0: « stratégique »\u202f!"\nmandate: « Permettre à la communauté »\norder: 1\n---\n',
      file,
    );
    expect(parsed.problem).toBeUndefined();
    expect(parsed.data?.name).toBe("Appui\u00a0: « stratégique »\u202f!");
  });

  it("names each encoding other than UTF-8, and where a Windows-1252 file first differs", () => {
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array([0xfe, 0xff, 0, 0x2d]), /:1: found a file saved as UTF-16 \(big-endian\)/],
      [new Uint8Array([0xff, 0xfe, 0, 0, 0x2d, 0, 0, 0]), /:1: found a file saved as UTF-32 \(little-endian\)/],
      [new Uint8Array([0, 0, 0xfe, 0xff, 0, 0, 0, 0x2d]), /:1: found a file saved as UTF-32 \(big-endian\)/],
      [
        new Uint8Array([0x2d, 0, 0x2d, 0, 0x2d, 0, 0x0a, 0]),
        /:1: found a file saved as UTF-16 \(zero bytes between the letters\)/,
      ],
    ];
    for (const [bytes, message] of cases) expect(problemOf(bytes)).toMatch(message);
    const latin1 = new Uint8Array([...utf8("---\nname: Appui\n---\n\nD"), 0xe9, ...utf8("j"), 0xe0, ...utf8(" vu.\n")]);
    expect(problemOf(latin1)).toBe(
      [
        `${file}:5:2: found the byte 0xE9, which is not UTF-8: the file is saved in another encoding, most likely Windows-1252 (in which this word reads "Déjà"); expected the file saved as UTF-8 (in VS Code: click the encoding shown at the bottom right, "Save with Encoding", "UTF-8").`,
        "    5 | Déjà vu.",
        "      |  ^",
      ].join("\n"),
    );
    // Overlong forms and surrogates are not UTF-8 either.
    expect(decodeContent(new Uint8Array([0x2d, 0xc0, 0xaf]))).toMatchObject({ line: 1, column: 2 });
    expect(decodeContent(new Uint8Array([0xed, 0xa0, 0x80]))).toMatchObject({ line: 1, column: 1 });
  });

  it("names an invisible character in the frontmatter and marks it in the line, rather than YAML's reason", () => {
    expect(problemOf("---\nobjective: 2\norder: 1\u200b\n---\n\nTexte.\n")).toBe(
      [
        `${file}:3:9, field "order": found a zero-width space (U+200B) in the line of order, where it cannot be seen; expected nothing: delete it (move the cursor across it with the arrow keys: it takes one press though it shows nothing).`,
        "    3 | order: 1[U+200B]",
        "      |         ^",
      ].join("\n"),
    );
    expect(problemOf("---\nname: Appui\u00ad stratégique\norder: 1\n---\n")).toMatch(/found a soft hyphen \(U\+00AD\)/);
    expect(problemOf("---\norder: 1\u00a0\nobjective: 2\n---\n")).toMatch(
      /:2:9, field "order": found a no-break space \(U\+00A0\) at the end of the line/,
    );
    expect(problemOf("---\n\u00a0order: 1\n---\n")).toMatch(
      /:2:1, field "order": found a no-break space \(U\+00A0\) at the start of the line/,
    );
    expect(problemOf("---\norder\u00a0: 1\n---\n")).toMatch(
      /:2:6, field "order": found a no-break space \(U\+00A0\) before the colon/,
    );
    expect(problemOf("---\norder：1\n---\n")).toMatch(
      /:2:6, field "order": found a fullwidth colon ： \(U\+FF1A\) after order/,
    );
    expect(problemOf("---\nobjective:\u202f2\norder: 1\n---\n")).toMatch(
      /:2:11, field "objective": found a narrow no-break space \(U\+202F\) right after "objective:"/,
    );
  });

  it("says to quote a value holding a colon and a space, French spacing included", () => {
    expect(problemOf("---\nname: Appui\u00a0: stratégique\norder: 1\n---\n")).toBe(
      [
        `${file}:2:13, field "name": found a colon followed by a space inside the value of name, which YAML reads as the start of another field; expected the whole value between straight quotes: name: "…" (a " inside it written \\").`,
        "    2 | name: Appui[U+00A0]: stratégique",
        "      |                    ^",
      ].join("\n"),
    );
  });

  it("suspects a typographic quote only where the YAML stops reading, and quotes YAML's reason otherwise", () => {
    expect(problemOf("---\nmandate: « Permettre »\neditorialNote: “Note: later”\n---\n")).toMatch(
      /:3:16, field "editorialNote": found a left double quotation mark “ \(U\+201C\) opening the value of editorialNote, where YAML needs a straight quote/,
    );
    expect(problemOf("---\nobjective: [1, 2\norder: 1\n---\n")).toMatch(
      /:3:\d+: found invalid YAML \(.*\); expected valid YAML frontmatter\.\n {4}3 \| order: 1\n/,
    );
  });

  it("names what replaces the lines around the frontmatter when a word processor or a paste changed them", () => {
    expect(problemOf("—\norder: 1\n—\n\nTexte.\n")).toMatch(
      /:1:1: found an em dash — \(U\+2014\) in the line opening the frontmatter/,
    );
    expect(problemOf("---\norder: 1\n–-\n\nTexte.\n")).toMatch(
      /:3:1: found an en dash – \(U\+2013\) in the line closing the frontmatter/,
    );
    expect(problemOf("\u200b---\norder: 1\n---\n")).toMatch(
      /:1:1: found a zero-width space \(U\+200B\) in the line opening/,
    );
    expect(problemOf("---\norder: 1\n\nTexte.\n")).toMatch(/:1: found no line --- closing the frontmatter/);
    expect(problemOf("Texte.\n")).toMatch(/:1: found no frontmatter/);
  });

  it("recognises text converted from the wrong encoding, and not real text that merely looks close", () => {
    expect(findMojibake("comprÃ©hension")).toEqual({ index: 5, found: "Ã©", meant: "é" });
    expect(findMojibake("lâ€™accÃ¨s")).toEqual({ index: 1, found: "â€™", meant: "’" });
    expect(findMojibake("Ø§Ù„Ø¥Ø±Ù‡Ø§Ø¨")?.meant).toBe("ا");
    for (const text of ["ÉTÉ…", "CRIMINALITÉ\u00a0:", "« À »", "théâtre", "Ça va", "pâte"])
      expect(findMojibake(text), text).toBeUndefined();
  });

  it("shows unseen characters in a quoted line, and keeps the mark under the right one", () => {
    expect(visibleLine("a\u200bb\u00a0c", 4)).toEqual({ text: "a[U+200B]b[U+00A0]c", column: 11 });
    expect(describeCharacter("\u0007")).toBe("a control character (U+0007)");
    expect(describeCharacter("\u00a0")).toBe("a no-break space (U+00A0)");
    expect(describeCharacter("\u2014")).toBe("an em dash — (U+2014)");
  });
});
