/**
 * The folders tell the pipeline (README, "Where things live"), and imports keep to it: the site never reaches into
 * tooling, the content model reaches into nothing else, scripts and tests never import each other, and every
 * package imported is declared in package.json.
 */
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = process.cwd();
const sourceFolders = ["src", "build", "editor", "bench", "harness", "scripts", "tests"];
const skipped = new Set(["node_modules", "fixtures"]);

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return skipped.has(entry.name) ? [] : sources(full);
    return /\.(ts|mjs|astro)$/.test(entry.name) ? [full] : [];
  });
}

const files = [...sourceFolders.flatMap(sources), "astro.config.mjs", "vitest.config.ts", "eslint.config.js"];
/** What a file imports, read by TypeScript's own pre-parser (for .astro files, their frontmatter and scripts). */
const specifiers = (source: string) => ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);

/** Each file's imports: repository files relative to the root, and package names. */
const graph = files.map((file) => {
  const found = specifiers(readFileSync(file, "utf8"));
  return {
    file,
    local: found.filter((s) => s.startsWith(".")).map((s) => path.relative(root, path.resolve(path.dirname(file), s))),
    packages: found.filter((s) => !s.startsWith(".")),
  };
});

const under = (folder: string) => (file: string) => file === folder || file.startsWith(`${folder}/`);
const importsOf = (from: (file: string) => boolean) =>
  graph.filter((node) => from(node.file)).flatMap((node) => node.local.map((target) => `${node.file} → ${target}`));

describe("the project's folders and their imports", () => {
  it("reads a good number of files, so the rules below are not vacuous", () => {
    expect(graph.filter((n) => under("src")(n.file)).length).toBeGreaterThan(40);
    expect(graph.filter((n) => n.local.length > 0).length).toBeGreaterThan(100);
  });

  it("keeps the site (src/ and astro.config.mjs) free of build steps, editors' tools, bench, harness, scripts and tests", () => {
    const tooling = ["build", "editor", "bench", "harness", "scripts", "tests"];
    const site = (file: string) => under("src")(file) || file === "astro.config.mjs";
    expect(importsOf(site).filter((edge) => tooling.some((t) => under(t)(edge.split(" → ")[1]!)))).toEqual([]);
  });

  it("keeps the content model (src/lib/) at the bottom: it imports only itself", () => {
    expect(importsOf(under("src/lib")).filter((edge) => !under("src/lib")(edge.split(" → ")[1]!))).toEqual([]);
  });

  it("never lets tests import scripts, nor anything outside tests/ import tests", () => {
    expect(importsOf(under("tests")).filter((edge) => under("scripts")(edge.split(" → ")[1]!))).toEqual([]);
    expect(importsOf((f) => !under("tests")(f)).filter((edge) => under("tests")(edge.split(" → ")[1]!))).toEqual([]);
  });

  it("never imports a script from outside scripts/: scripts are the command-line wrappers, nothing builds on them", () => {
    expect(importsOf((f) => !under("scripts")(f)).filter((edge) => under("scripts")(edge.split(" → ")[1]!))).toEqual(
      [],
    );
  });

  it("declares in package.json every package it imports", () => {
    const manifest = JSON.parse(readFileSync("package.json", "utf8")) as Record<string, Record<string, string>>;
    const declared = new Set(Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }));
    const builtins = new Set(builtinModules);
    const undeclared = graph.flatMap(({ file, packages }) =>
      packages
        .filter((spec) => !spec.startsWith("node:") && !spec.startsWith("astro:") && !builtins.has(spec))
        .map((spec) => (spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!))
        .filter((name) => !declared.has(name))
        .map((name) => `${file} imports ${name}`),
    );
    expect(undeclared).toEqual([]);
  });
});
