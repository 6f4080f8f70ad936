/**
 * Every bad input an editor can write, one fixture each (tests/fixtures/bad-content/): the README's build stops at its
 * first step, `npm run check:content` (the same script, so its exit status is the step's), naming the file with its
 * line or field, and leaves the previous output exactly as it was.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { layContent } from "../helpers/content-fixtures";

const fixtures = "tests/fixtures/bad-content";
const root = path.resolve(`tmp/bad-content-${process.pid}`);

/** Each fixture: the file at fault, where in it (line or field), and the words of the message. */
const cases: { fixture: string; file: string; where: string; says: RegExp }[] = [
  { fixture: "missing-field", file: "results/en/1-2.md", where: ', field "order"', says: /found nothing \(the field is missing\); expected the result's order/ },
  { fixture: "wrong-type", file: "results/fr/2-1.md", where: ':2, field "objective"', says: /found "two"; expected the number of an objective/ },
  { fixture: "invalid-yaml", file: "objectives/en/2.md", where: ":3:1", says: /found invalid YAML \(missed comma between flow collection entries\); expected valid YAML frontmatter/ },
  { fixture: "unknown-objective", file: "results/fr/2-3.md", where: ':2, field "objective"', says: /found 3; expected the number of an existing objective .*\(1, 2\)/ },
  { fixture: "duplicate-number", file: "results/fr/2-3.md", where: ':3, field "order"', says: /found 2 under objective 2, already used by .*results\/fr\/2-2\.md/ },
  { fixture: "missing-translation", file: "results/en/2-4.md", where: ":", says: /found no such file, while .*results\/fr\/2-4\.md exists; expected the same entry in every locale/ },
  { fixture: "undeclared-locale", file: "results/de/1-1.md", where: ":", says: /found a folder named "de"; expected one of the declared locales \(fr, en\)/ },
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

beforeAll(() => mkdirSync(root, { recursive: true }));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("a bad input in the content", () => {
  it("has one fixture per case, and one case per fixture", () => {
    const folders = readdirSync(fixtures, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(cases.map((c) => c.fixture).sort()).toEqual(folders.sort());
  });

  describe.concurrent.each(cases)("$fixture", ({ fixture, file, where, says }) => {
    it("stops the build at npm run check:content, naming the file, its line or field and what was expected, and leaves the output folder as it was", async () => {
      const content = layContent("tests/fixtures/strategy-small", path.join(fixtures, fixture), path.join(root, fixture));
      const out = path.join(root, `${fixture}-site`);
      mkdirSync(path.join(out, "fr"), { recursive: true });
      writeFileSync(path.join(out, "index.html"), `<p>The site published before ${fixture}.</p>\n`);
      writeFileSync(path.join(out, "fr", "index.html"), "<p>Page publiée.</p>\n");
      const before = snapshot(out);

      const build = await run(["scripts/build.ts", "--out", out], content);
      const location = `${path.relative(".", path.join(content, file))}${where}`;
      expect(build.status, build.output).not.toBe(0);
      const line = build.output.split("\n").find((l) => l.includes(location));
      expect(line, `the message should name ${location}:\n${build.output}`).toMatch(says);
      expect(build.output).toMatch(/✗ Content checks/);
      expect(build.output).toMatch(/Build stopped at "Content checks": nothing was published/);
      expect(snapshot(out)).toEqual(before);
      expect(readdirSync(root).filter((f) => f.startsWith(`${fixture}-site.`))).toEqual([]);
    });
  });
});
