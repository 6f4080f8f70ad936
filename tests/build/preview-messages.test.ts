/**
 * The preview reads content files with the same reader as the checks (src/astro/localized-glob.ts over
 * src/lib/content-file.ts): a file it cannot read stops `astro sync` (what `npm run dev` runs first, with the same
 * content loader) with the very message `npm run check:content` prints, the line quoted and the character marked.
 */
import { execFile } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { layContent } from "../helpers/content-fixtures";

const root = path.resolve(`tmp/preview-messages-${process.pid}`);
const outside = path.join(tmpdir(), `outside-the-repository-preview-${process.pid}.md`);

function run(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number; output: string }> {
  return new Promise((resolve) =>
    execFile(command, args, { env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      resolve({ status: error ? Number(error.code ?? 1) : 0, output: `${stdout}\n${stderr}` }),
    ),
  );
}

beforeAll(() => writeFileSync(outside, "A file outside the repository.\n"));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { force: true });
});

describe("a content file the preview cannot read", () => {
  it.concurrent.each([
    "typographic-quotes-yaml",
    "no-break-space-after-colon",
    "zero-width-in-number",
    "em-dash-frontmatter",
    "windows-1252",
    "utf-16",
    "symlink-outside",
  ])("%s: stops the content loader with the message check:content gives", async (fixture) => {
    const content = layContent(
      "tests/fixtures/strategy-small",
      path.join("tests/fixtures/bad-content", fixture),
      path.join(root, fixture),
      { outside },
    );
    const env = { CONTENT_DIR: content, ASTRO_CACHE_DIR: path.join(root, `${fixture}-cache`) };
    const [preview, check] = await Promise.all([
      run("node", ["node_modules/astro/bin/astro.mjs", "sync"], env),
      run("node", ["scripts/check-content.ts"], env),
    ]);
    expect(preview.status, preview.output).not.toBe(0);
    // The first problem check:content reports about a file, with its quoted line and mark when it has them.
    const lines = check.output.split("\n");
    const first = lines.findIndex((line) => line.startsWith("✗ "));
    const message = [lines[first]!.slice(2), ...lines.slice(first + 1).filter((l, i) => i < 2 && /^ {4}/.test(l))];
    expect(message[0]).toContain(path.relative(".", content));
    expect(preview.output).toContain(message.join("\n"));
  });
});
