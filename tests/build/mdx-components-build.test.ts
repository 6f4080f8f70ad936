import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedRoot } from "../../bench/build";
import { writeStrategy } from "../../bench/generate-strategy";
import { localeCodes } from "../../src/lib/locales";
import { pathFor } from "../../src/lib/routes";
import { readPage, text } from "../helpers/site";

// Every second result uses the editors' <Callout>: compiled by MDX, while the plain ones are rendered as Markdown.
const work = path.resolve(`tmp/mdx-components-${process.pid}`);
const content = path.join(work, "content");
const out = path.join(work, "site");
let build: { status: number | null; output: string };

beforeAll(() => {
  writeStrategy(content, { results: 4, perObjective: 2, format: "mdx", calloutEvery: 2 });
  // Its own copy of the sources: Astro writes the list of MDX modules into the project's .astro/, which another
  // build of other content running at the same time would overwrite.
  const root = isolatedRoot(path.join(work, "root"));
  const result = spawnSync("node", ["scripts/build.ts", "--out", out], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, CONTENT_DIR: content, ASTRO_CACHE_DIR: path.join(work, "cache") },
  });
  build = { status: result.status, output: `${result.stdout}\n${result.stderr}` };
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("a strategy whose MDX mixes plain Markdown and the editors' components", () => {
  it("builds", () => {
    expect(build.status, build.output).toBe(0);
  });

  it("renders the component where one is used and plain paragraphs elsewhere, in every locale", () => {
    for (const locale of localeCodes) {
      const page = readPage(out, pathFor(locale, { kind: "objective", objective: 1 }));
      const [plain, withCallout] = page.querySelectorAll("ol.results > li");
      expect(plain!.querySelector(".callout"), locale).toBeNull();
      expect(text(plain!.querySelector("p")), locale).toMatch(/\(1\.1\)\.$/);
      const callout = withCallout!.querySelector(".callout[role=note]");
      expect(text(callout?.querySelector(".callout-title")), locale).toBe("Note");
      expect(text(callout), locale).toMatch(/\(1\.2\)\.$/);
    }
  });
});
