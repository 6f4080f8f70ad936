/**
 * Every bad input an editor can write or an attacker try, one fixture each (tests/fixtures/bad-content/):
 * `npm run check:content` exits 1 naming the file with its line or field, what was found and what is expected, and
 * quotes the line with the spot marked when one character is the culprit. The README's build runs that same script as
 * its first step and stops on its exit status, leaving the previous output exactly as it was: shown once per kind of
 * problem (frontmatter, body, files) rather than once per fixture, so the loop of `npm run test:unit` stays short.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localeCodes } from "../../src/lib/locales";
import { layContent } from "../helpers/content-fixtures";

const fixtures = "tests/fixtures/bad-content";
const root = path.resolve(`tmp/bad-content-${process.pid}`);
// A file outside the repository, for the fixture whose content file links to one.
const outside = path.join(tmpdir(), `outside-the-repository-${process.pid}.md`);

/**
 * Each fixture: the file at fault, where in it (line, column or field), the words of the message, and whether the
 * message quotes the line with a mark under the culprit character (`marks`: the text the mark points at).
 */
const cases: { fixture: string; file: string; where: string; says: RegExp; marks?: string }[] = [
  { fixture: "missing-field", file: "results/en/1-2.md", where: ', field "order"', says: /found nothing \(the field is missing\); expected the result's order/ },
  { fixture: "wrong-type", file: "results/fr/2-1.md", where: ':2, field "objective"', says: /found "two"; expected the number of an objective/ },
  { fixture: "invalid-yaml", file: "objectives/en/2.md", where: ":3:1", says: /found invalid YAML \(missed comma between flow collection entries\); expected valid YAML frontmatter/ },
  { fixture: "unknown-objective", file: "results/fr/2-3.md", where: ':2, field "objective"', says: /found 3; expected the number of an existing objective .*\(1, 2\)/ },
  { fixture: "duplicate-number", file: "results/fr/2-3.md", where: ':3, field "order"', says: /found 2 under objective 2, already used by .*results\/fr\/2-2\.md/ },
  { fixture: "missing-translation", file: "results/en/2-4.md", where: ":", says: /found no such file, while .*results\/fr\/2-4\.md exists; expected the same entry in every locale/ },
  { fixture: "undeclared-locale", file: "results/de/1-1.md", where: ":", says: new RegExp(`found a folder named "de"; expected one of the declared locales \\(${localeCodes.join(", ")}\\)`) },
  { fixture: "mdx-syntax", file: "results/en/2-2.mdx", where: ":10:1", says: /found text that is not valid MDX: Expected a closing tag for `<Callout>`/ },
  { fixture: "unknown-component", file: "results/en/2-2.mdx", where: ":10:1", says: /found a component <Chart> that does not exist; expected one of the components Callout, KeyFigure/ },
  { fixture: "import-statement", file: "results/en/2-2.mdx", where: ":10:1", says: /found an import statement .*; expected no import or export in content/ },
  { fixture: "export-statement", file: "results/en/2-2.mdx", where: ":10:1", says: /found an export statement .*; expected no import or export in content/ },
  { fixture: "script-element", file: "results/en/2-2.mdx", where: ":10:1", says: /found a <script> element/ },
  { fixture: "iframe-element", file: "results/en/2-2.mdx", where: ":10:1", says: /found an <iframe> element/ },
  { fixture: "object-element", file: "results/en/2-2.mdx", where: ":10:1", says: /found an <object> element/ },
  { fixture: "embed-element", file: "results/en/2-2.mdx", where: ":10:1", says: /found an <embed> element/ },
  { fixture: "style-element", file: "results/en/2-2.md", where: ":10:1", says: /found a <style> element/ },
  { fixture: "on-attribute", file: "results/en/2-2.mdx", where: ":10:1", says: /found an onClick= attribute on <span>, which runs code/ },
  { fixture: "javascript-url", file: "results/en/2-2.mdx", where: ":10:1", says: /found a javascript: link \(javascript:alert\(1\)\)/ },
  { fixture: "data-url", file: "results/en/2-2.mdx", where: ":10:1", says: /found a data: URL/ },
  { fixture: "broken-internal-link", file: "results/en/2-2.mdx", where: ":10:1", says: /found a link to \/en\/objectives\/3\/, a page that does not exist; expected .*\/en\/objectives\/2\// },
  { fixture: "cross-locale-page", file: "results/fr/2-2.md", where: ":8:1", says: /found a link to \/en\/objectives\/1\/, in the en pages, from a fr text; expected the same page in fr: \/fr\/objectifs\/1\// },
  { fixture: "cross-locale-anchor", file: "results/fr/2-2.md", where: ":8:1", says: /found a link to #result-2-1 on \/fr\/objectifs\/2\/, the anchor of result 2\.1 in the en pages; expected its anchor in the fr pages: \/fr\/objectifs\/2\/#resultat-2-1/ },
  { fixture: "js-expression", file: "results/en/2-2.mdx", where: ":10:12", says: /found a JavaScript expression \{new Date\(\)\.getFullYear\(\)\}/ },
  { fixture: "empty-body", file: "results/en/2-2.md", where: ":7", says: /found no text below the frontmatter; expected the published text/ },
  { fixture: "placeholder", file: "results/en/2-2.mdx", where: ":8:1", says: /found the placeholder left by npm run new; expected the text itself/ },
  // 1 and 11: UTF-8 only, said plainly, with the encoding's name; other encodings' traces named.
  { fixture: "windows-1252", file: "results/fr/2-1.md", where: ":6:16", says: /found the byte 0xE9, which is not UTF-8: .*Windows-1252 \(in which this word reads "compréhension"\); expected the file saved as UTF-8/, marks: "é" },
  { fixture: "windows-1252-capability", file: "capabilities/fr/means-1.md", where: ":2:14", says: /found the byte 0xE9, which is not UTF-8: .*"Capacités"/, marks: "é" },
  { fixture: "utf-16", file: "results/en/2-2.md", where: ":1", says: /found a file saved as UTF-16 \(little-endian\); expected the file saved as UTF-8/ },
  { fixture: "utf-16-without-bom", file: "results/en/2-2.md", where: ":1", says: /found a file saved as UTF-16 \(zero bytes between the letters\); expected the file saved as UTF-8/ },
  { fixture: "mojibake", file: "results/fr/2-1.md", where: ":6:16", says: /found "Ã©" where "é" was meant: the text was once read in the wrong encoding/, marks: "Ã" },
  { fixture: "replacement-character", file: "results/fr/2-1.md", where: ":6:16", says: /found a replacement character � \(U\+FFFD\), left where a conversion lost a letter; expected the letter that was lost/, marks: "[U+FFFD]" },
  { fixture: "zero-width-in-number", file: "results/en/2-2.md", where: ':3:9, field "order"', says: /found a zero-width space \(U\+200B\) in the line of order, where it cannot be seen; expected nothing: delete it/, marks: "[U+200B]" },
  { fixture: "typographic-quotes-yaml", file: "results/en/2-2.md", where: ':6:16, field "editorialNote"', says: /found a left double quotation mark “ \(U\+201C\) opening the value of editorialNote, where YAML needs a straight quote; expected straight quotes around the text: editorialNote: "…"/, marks: "“" },
  { fixture: "no-break-space-after-colon", file: "results/en/2-2.md", where: ':2:11, field "objective"', says: /found a no-break space \(U\+00A0\) right after "objective:", where YAML needs an ordinary space; expected an ordinary space after the colon/, marks: "[U+00A0]" },
  { fixture: "em-dash-frontmatter", file: "results/en/2-2.md", where: ":1:1", says: /found an em dash — \(U\+2014\) in the line opening the frontmatter; expected exactly three hyphens ---/, marks: "—" },
  { fixture: "typographic-quotes-attribute", file: "results/en/2-2.mdx", where: ":10:16", says: /found a left double quotation mark “ \(U\+201C\) around the value of title=, where MDX needs a straight quote; expected straight quotes: title="…"/, marks: "“" },
  { fixture: "typographic-quotes-html-attribute", file: "results/en/2-2.md", where: ":10:14", says: /found a left double quotation mark “ \(U\+201C\) around the value of lang=, which HTML does not read as a quote/, marks: "“" },
  { fixture: "zero-width-in-body", file: "results/en/2-2.md", where: ":10:13", says: /found a zero-width space \(U\+200B\), which no reader sees and which splits or joins words for search; expected nothing: delete it/, marks: "[U+200B]" },
  { fixture: "bidi-override", file: "results/en/2-2.md", where: ":10:7", says: /found a right-to-left override \(U\+202E\), which shows the text after it in another order than it is stored/, marks: "[U+202E]" },
  { fixture: "control-character", file: "results/en/2-2.md", where: ":10:18", says: /found a control character \(U\+0008\), a control character that no text of the site holds/, marks: "[U+0008]" },
  // A few lines of YAML aliases expand to millions of items: the message says what the value is, it never prints it.
  {
    fixture: "yaml-alias-expansion",
    file: "results/en/2-2.md",
    where: ':6, field "editorialNote"',
    says: /found a list of 8 items; expected string/,
  },
  {
    fixture: "invisible-character-reference",
    file: "results/en/2-2.md",
    where: ":10:7",
    says: /found the character reference &#x202E;, which writes a right-to-left override \(U\+202E\)/,
    marks: "&#x202E;",
  },
  {
    fixture: "javascript-url-in-braces",
    file: "results/en/2-2.mdx",
    where: ":10:1",
    says: /found a javascript: link \(javascript:alert\(1\)\), which runs code/,
  },
  // 2: raw HTML well formed and balanced, or rejected.
  { fixture: "stray-closing-tags", file: "results/en/2-2.md", where: ":10:6", says: /found a closing tag <\/p> with no opening <p> before it in the same paragraph or block/, marks: "<" },
  { fixture: "malformed-tag", file: "results/en/2-2.md", where: ":10:1", says: /found a tag that is not well formed \(<a\/href="javascript:alert\(1\)">\), shown as text; expected a tag written <name attribute="value">/, marks: "<" },
  { fixture: "unclosed-tag", file: "results/en/2-2.md", where: ":10:6", says: /found an opening tag <span> that is not closed in the same paragraph or block; expected its closing tag <\/span>/, marks: "<" },
  // 3 and 9: no id of the page's own, of a result's anchor, or of another entry on the same page.
  { fixture: "id-main", file: "results/en/2-2.md", where: ":10:1", says: /found the id "main", which the page already gives to the main text, which the skip link leads to/ },
  { fixture: "heading-main", file: "results/en/2-2.md", where: ":10:1", says: /found the id "main", which the page already gives to the main text/ },
  { fixture: "result-anchor-id", file: "results/fr/2-1.md", where: ":6:22", says: /found the id "resultat-2-3", which the page already gives to an expected result's anchor/ },
  { fixture: "duplicate-heading", file: "results/en/2-2.md", where: ":10:1", says: /found the id "context", already given at .*results\/en\/2-1\.md:10:1, which the full-strategy page of "en" shows too/ },
  { fixture: "footnote", file: "results/en/2-2.md", where: ":10:9", says: /found a footnote \[\^…\], which the site cannot publish/ },
  // 4: images from public/ only, with alternative text; attributes that carry words only.
  { fixture: "remote-image", file: "results/en/2-2.md", where: ":10:1", says: /found an image from another site \(https:\/\/www\.interpol\.int\/map\.png\), which the page's security policy blocks; expected the image file copied into public\// },
  { fixture: "image-without-alt", file: "results/en/2-2.md", where: ":10:1", says: /found an image without alternative text/ },
  { fixture: "missing-image", file: "results/en/2-2.md", where: ":10:1", says: /found an image \/map\.png that is not in public\// },
  { fixture: "disallowed-attribute", file: "results/en/2-2.md", where: ":10:5", says: /found an attribute ping= on <a>, which content may not use; expected only .*href=/ },
  // 5: the placeholder in any typography.
  { fixture: "placeholder-narrow-space", file: "results/fr/2-1.md", where: ":6:1", says: /found the placeholder left by npm run new/ },
  { fixture: "placeholder-in-bold", file: "results/en/2-2.md", where: ":10:1", says: /found the placeholder left by npm run new/ },
  // 6, 7 and 10: content files only in locale folders, never links, never folders.
  { fixture: "outside-locale-folder", file: "results/2-5.mdx", where: ":", says: /found a content file outside any locale folder; expected the file in a locale folder, such as .*results\/fr\/2-5\.mdx/ },
  { fixture: "nested-folder", file: "results/fr/old", where: ":", says: /found a folder; expected only content files here/ },
  { fixture: "uppercase-extension", file: "results/fr/2-5.MDX", where: ":", says: /found the extension \.MDX; expected the extension in lower case, \.mdx/ },
  { fixture: "other-file", file: "results/fr/2-5.txt", where: ":", says: /found a file that is not a content file \(\.md or \.mdx\)/ },
  { fixture: "unknown-collection", file: "result", where: ":", says: /found a folder outside the collections; expected content files only under .*results\// },
  { fixture: "symlink-outside", file: "results/fr/2-3.md", where: ":", says: /found a symbolic link to \/.*outside-the-repository-\d+\.md; expected the file itself, copied here/ },
  { fixture: "symlink-inside", file: "results/en/2-3.md", where: ":", says: /found a symbolic link to \.\.\/fr\/2-3\.md; expected the file itself/ },
  { fixture: "dangling-symlink", file: "results/fr/2-3.md", where: ":", says: /found a symbolic link to no-such-file\.md, which does not exist; expected the file itself/ },
  { fixture: "folder-named-like-file", file: "results/fr/2-5.mdx", where: ":", says: /found a folder named like a content file; expected only content files here/ },
];

function run(args: string[], contentDir: string): Promise<{ status: number; output: string }> {
  return new Promise((resolve) => {
    execFile("node", args, { env: { ...process.env, CONTENT_DIR: contentDir } }, (error, stdout, stderr) =>
      resolve({ status: error ? ((error.code as number | undefined) ?? 1) : 0, output: `${stdout}\n${stderr}` }),
    );
  });
}

/** Every file under a folder with its bytes' hash, to prove nothing changed. */
function snapshot(folder: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(folder, file), createHash("sha256").update(readFileSync(file)).digest("hex")];
      }),
  );
}

const contentOf = (fixture: string) =>
  layContent("tests/fixtures/strategy-small", path.join(fixtures, fixture), path.join(root, fixture), { outside });

beforeAll(() => {
  mkdirSync(root, { recursive: true });
  writeFileSync(outside, "A file outside the repository.\n");
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { force: true });
});

describe("a bad input in the content", () => {
  it("has one fixture per case, and one case per fixture", () => {
    const folders = readdirSync(fixtures, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(cases.map((c) => c.fixture).sort()).toEqual(folders.sort());
  });

  describe.concurrent.each(cases)("$fixture", ({ fixture, file, where, says, marks }) => {
    it("fails npm run check:content, naming the file, its line or field, what was found and what is expected", async () => {
      const content = contentOf(fixture);
      const check = await run(["scripts/check-content.ts"], content);
      const location = `${path.relative(".", path.join(content, file))}${where}`;
      expect(check.status, check.output).toBe(1);
      const lines = check.output.split("\n");
      const at = lines.findIndex((l) => l.includes(location));
      expect(lines[at], `the message should name ${location}:\n${check.output}`).toMatch(says);
      expect(check.output).not.toMatch(/^\s+at /m);
      if (marks === undefined) return;
      // The line quoted, then a mark under the culprit character.
      const [quoted = "", mark = ""] = lines.slice(at + 1, at + 3);
      expect(quoted, check.output).toMatch(/^ {4}\d+ \| /);
      expect(mark, check.output).toMatch(/^ {4} +\| +\^$/);
      const column = mark.indexOf("^");
      expect(quoted.slice(column, column + marks.length), check.output).toBe(marks);
    });
  });

  // The build's first step is the same script: one fixture of each kind shows that it stops the build untouched.
  it.concurrent.each(["windows-1252", "stray-closing-tags", "symlink-outside"])(
    "%s stops the README's build at its content checks, and leaves the previous output folder as it was",
    async (fixture) => {
      const content = contentOf(`${fixture}`);
      const out = path.join(root, `${fixture}-site`);
      mkdirSync(path.join(out, "fr"), { recursive: true });
      writeFileSync(path.join(out, "index.html"), `<p>The site published before ${fixture}.</p>\n`);
      writeFileSync(path.join(out, "fr", "index.html"), "<p>Page publiée.</p>\n");
      const before = snapshot(out);

      const build = await run(["scripts/build.ts", "--out", out], content);
      expect(build.status, build.output).not.toBe(0);
      expect(build.output).toContain(path.relative(".", content));
      expect(build.output).toMatch(/✗ Content checks/);
      expect(build.output).toMatch(/Build stopped at "Content checks": nothing was written/);
      expect(build.output).not.toMatch(/▶ Astro pages/);
      expect(snapshot(out)).toEqual(before);
      expect(readdirSync(root).filter((f) => f.startsWith(`${fixture}-site.`))).toEqual([]);
    },
  );
});
