/**
 * Build step: the CMS at /admin/. Bundles Sveltia CMS from its npm package with the admin's code (editor/cms/main.ts)
 * using Vite, so the page loads nothing from another origin, and writes its page and one configuration per locale.
 * The package is adjusted while bundling, each adjustment checked so that an upgrade that changes it stops the build:
 * no font stylesheet from cdn.jsdelivr.net (the package also loads its bundled copies of the same fonts), no Git host
 * status check (www.githubstatus.com), and none of the code this site's editors cannot reach (code highlighting
 * grammars, image conversion, maps), which made 16 MB of files to compress and serve.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { build, type Plugin } from "vite";
import { adminPolicy, withPolicy } from "./csp.ts";
import { readContentFiles } from "../src/checks/content-files.ts";
import { adminPath } from "../src/lib/routes.ts";
import type { Problem } from "../src/lib/problem.ts";
import { adminConfigs, contentFacts, readDictionaries } from "../editor/cms/config.ts";
import { backendOrigins, readSettings } from "../editor/cms/settings.ts";
import { defaultLocale, localeCodes } from "../src/lib/locales.ts";

const packageEntry = "@sveltia/cms/npm/index.js";

/** Modules the editors cannot reach here, and what stands in for each. */
const stubs: { pattern: RegExp; module: string }[] = [
  // Code block highlighting: the editor offers no code block; a grammar that is not there leaves code unhighlighted.
  { pattern: /^@shikijs\/langs\//, module: "export default [];" },
  // Image conversion and optimization (no image uploads here), maps (no map field).
  {
    pattern: /(?:\/chunks\/(?:heic|webp_enc)[^/]*\.js|^svgo\/|^leaflet\/|^terra-draw|^exifr\/)/,
    module: 'throw new Error("Not part of this site\'s CMS (build/cms-admin.ts)");',
  },
];

/** One adjustment of the package's code: what to find, how often it must be found, and what to put instead. */
interface Adjustment {
  why: string;
  pattern: RegExp;
  count: number;
  replace: (match: string, ...groups: string[]) => string;
}

/** Whether the CMS keeps its own translation into a language: the site's languages, and its default English. */
const keptUiLanguage = (code: string) => code === "en-US" || (localeCodes as string[]).includes(code.split("-")[0]!);

export const adjustments: Adjustment[] = [
  {
    why: "the @font-face rules loading Source Sans 3, Noto Mono and Material Symbols from cdn.jsdelivr.net",
    pattern: /@font-face \{[^}]*url\(https:\/\/cdn\.jsdelivr\.net\/[^}]*\}/g,
    count: 3,
    replace: () => "",
  },
  {
    why: "the Git host status checks (www.githubstatus.com, status-api.hostedstatus.com), polled every 5 minutes",
    pattern: /statusDashboardURL:\w+,checkStatus:\w+/g,
    count: 2,
    replace: (match) => match.replace(/checkStatus:\w+$/, "checkStatus:void 0"),
  },
  {
    why: "the HEIC decoder and map marker files, which only image uploads and map fields use",
    pattern: /new URL\(`assets\/(?:heic|marker-icon)[^`]*`,import\.meta\.url\)/g,
    count: 3,
    replace: () => 'new URL("about:blank")',
  },
  {
    why: "the CMS's list of its own interface languages, cut to this site's languages (others see English)",
    pattern: /`((?:[a-z]{2}(?:-[A-Z]{2})?,)+en-US(?:,[a-z]{2}(?:-[A-Z]{2})?)+)`/g,
    count: 1,
    replace: (_match, list) => `\`${list!.split(",").filter(keptUiLanguage).join(",")}\``,
  },
  {
    why: "the CMS's interface translations into languages this site does not have",
    pattern: /"?([\w-]+)"?:\(\)=>\w+\(\(\)=>import\(`\.\.\/locales\/[\w-]+\.json`\),\[\],import\.meta\.url\),?/g,
    count: 28,
    replace: (match, code) => (keptUiLanguage(code!) ? match : ""),
  },
];

/** The package's code with every adjustment made, or the adjustments that no longer match. */
export function adjustPackage(code: string): { code: string; problems: string[] } {
  const problems: string[] = [];
  let adjusted = code;
  for (const { why, pattern, count, replace } of adjustments) {
    const found = adjusted.match(pattern)?.length ?? 0;
    if (found !== count) problems.push(`${why}: found ${found} place(s), expected ${count}`);
    adjusted = adjusted.replace(pattern, (match, ...groups: unknown[]) =>
      replace(match, ...groups.filter((g): g is string => typeof g === "string")),
    );
  }
  if (/cdn\.jsdelivr\.net\/fontsource/.test(adjusted.replace(/\/\*[^*]*\*\//g, "")))
    problems.push("a font URL on cdn.jsdelivr.net is left");
  return { code: adjusted, problems };
}

function sveltiaForThisSite(): Plugin {
  return {
    name: "sveltia-for-this-site",
    enforce: "pre",
    resolveId(id) {
      const stub = stubs.findIndex((s) => s.pattern.test(id));
      return stub >= 0 ? `\0cms-stub:${stub}` : undefined;
    },
    load(id) {
      return id.startsWith("\0cms-stub:") ? stubs[Number(id.slice("\0cms-stub:".length))]!.module : undefined;
    },
    transform(code, id) {
      if (!id.replaceAll("\\", "/").endsWith(packageEntry)) return undefined;
      const { code: adjusted, problems } = adjustPackage(code);
      if (problems.length > 0)
        this.error(
          `@sveltia/cms no longer matches what build/cms-admin.ts adjusts (after an upgrade?): ${problems.join("; ")}`,
        );
      return { code: adjusted, map: null };
    },
  };
}

/** The admin's page: its script, its policy, no indexing. */
export function adminPage(script: string, title: string, noScript: string): string {
  return [
    "<!DOCTYPE html>",
    `<html lang="${defaultLocale}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    `<title>${title}</title>`,
    '<link rel="icon" href="/favicon.svg" type="image/svg+xml">',
    `<script type="module" src="${script}"></script>`,
    "</head>",
    "<body>",
    `<noscript><p>${noScript}</p></noscript>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

export interface AdminBuild {
  files: number;
  bytes: number;
  /** Whether the bundle of a previous build was reused (previews only). */
  reused: boolean;
  problems: Problem[];
}

/** What the bundle is made of: the package, the admin's code and what it imports, this build step. */
function bundleKey(): string {
  const hash = createHash("sha256");
  // The package's code itself: its version is in it, and its package.json is not exported.
  hash.update(readFileSync(createRequire(import.meta.url).resolve("@sveltia/cms")));
  for (const folder of ["editor/cms", "src/lib"])
    for (const file of readdirSync(folder, { withFileTypes: true }).filter((f) => f.isFile()))
      hash.update(file.name).update(readFileSync(path.join(folder, file.name)));
  return hash.update(readFileSync("build/cms-admin.ts")).digest("hex");
}

async function bundle(out: string): Promise<{ entry: string; files: string[] }> {
  rmSync(out, { recursive: true, force: true });
  const result = await build({
    configFile: false,
    logLevel: "warn",
    root: path.resolve("editor/cms"),
    base: adminPath,
    plugins: [sveltiaForThisSite()],
    build: {
      outDir: out,
      emptyOutDir: false,
      assetsDir: "assets",
      target: "es2022",
      modulePreload: false,
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 4096,
      rolldownOptions: { input: path.resolve("editor/cms/main.ts"), checks: { pluginTimings: false } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as {
    output: { type: string; fileName: string; isEntry?: boolean }[];
  }[];
  const emitted = outputs.flatMap((r) => r.output);
  const entry = emitted.find((o) => o.type === "chunk" && o.isEntry);
  if (!entry) throw new Error("Vite wrote no entry chunk for editor/cms/main.ts");
  return { entry: entry.fileName, files: emitted.map((o) => o.fileName) };
}

/**
 * Writes <site>/admin/: the bundle, the page with its policy, and config.<locale>.json for each locale. `reuse`
 * (previews) keeps a bundle made from the same sources, noted in bundle.json; a build always bundles afresh.
 */
export async function buildAdmin(
  site: string,
  options: { contentDir: string; siteUrl: string; reuse?: boolean },
): Promise<AdminBuild> {
  const out = path.resolve(site, adminPath.replace(/^\/|\/$/g, ""));
  const settings = readSettings();
  const { files, problems } = readContentFiles(options.contentDir);
  if (problems.length > 0) return { files: 0, bytes: 0, reused: false, problems };
  const noteFile = path.join(out, "bundle.json");
  const key = options.reuse ? bundleKey() : "";
  const note = existsSync(noteFile)
    ? (JSON.parse(readFileSync(noteFile, "utf8")) as { key: string; entry: string; files: string[] })
    : undefined;
  const reused = options.reuse === true && note?.key === key;
  const bundled = reused ? note! : await bundle(out);
  if (options.reuse) writeFileSync(noteFile, JSON.stringify({ key, ...bundled }));

  const dictionaries = readDictionaries();
  const configs = adminConfigs({ dictionaries, facts: contentFacts(files), settings, siteUrl: options.siteUrl });
  for (const [name, config] of configs) writeFileSync(path.join(out, name), `${JSON.stringify(config, null, 2)}\n`);
  const words = dictionaries[defaultLocale];
  const page = adminPage(`${adminPath}${bundled.entry}`, words["cms.appTitle"], words["cms.noScript"]);
  const file = path.relative(".", path.join(out, "index.html"));
  const withMeta = withPolicy(file, page, adminPolicy(backendOrigins(settings)));
  writeFileSync(path.join(out, "index.html"), withMeta.html);
  const bytes = bundled.files.reduce((sum, f) => sum + statSync(path.join(out, f)).size, 0);
  return { files: bundled.files.length + configs.size + 1, bytes, reused, problems: withMeta.problems };
}
