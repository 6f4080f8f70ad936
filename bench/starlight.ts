/**
 * The anchor of the search benchmark: a Starlight site (Astro's documentation framework, searched with Pagefind's own
 * interface) holding the same text as ours, built from npm packages alone in a folder under tmp/, never committed.
 * Each locale gets a home page (introduction and mandate), one page per objective (its statement, then a section per
 * expected result) and a capabilities page, under the same paths in every locale, as Starlight pairs translations by
 * path. Its files are precompressed like ours, so that nginx serves both alike.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readContentFiles } from "../src/checks/content-files.ts";
import { getLocale, localeCodes, type Locale } from "../src/lib/locales.ts";
import { precompressFolder } from "../build/precompress.ts";

/** The Starlight release compared against; Astro is the project's own version. */
export const starlightVersion = "0.42.4";
/** The host name the comparison site is built for and served under. */
export const starlightOrigin = "https://starlight.example.org";

export interface StarlightSite {
  dist: string;
  pages: number;
  versions: Record<string, string>;
  installMs: number;
  buildMs: number;
}

const yamlString = (text: string) => JSON.stringify(text);

function dictionary(locale: Locale): Record<string, string> {
  return JSON.parse(readFileSync(`src/i18n/${locale}.json`, "utf8")) as Record<string, string>;
}
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ""));

/** The Markdown pages of the comparison site, by path under src/content/docs/, from a content folder. */
export function starlightPages(contentDir: string): Map<string, string> {
  const { files } = readContentFiles(contentDir);
  const pages = new Map<string, string>();
  for (const locale of localeCodes) {
    const t = dictionary(locale);
    const of = (collection: string) => files.filter((f) => f.collection === collection && f.locale === locale);
    const strategy = of("strategy")[0]!;
    const data = strategy.data as { title: string; organization: string; mandate: string; capabilitiesTitle: string };
    pages.set(
      `${locale}/index.md`,
      `---\ntitle: ${yamlString(`${data.organization} — ${data.title}`)}\n---\n\n${strategy.body.trim()}\n\n` +
        `## ${t["home.mandate"]}\n\n> ${data.mandate}\n`,
    );
    const results = of("results");
    for (const objective of of("objectives")) {
      const number = Number(objective.data.number);
      const own = results
        .filter((r) => Number(r.data.objective) === number)
        .sort((a, b) => Number(a.data.order) - Number(b.data.order));
      const sections = own.map(
        (r) => `## ${fill(t["result.title"]!, { number: `${number}.${String(r.data.order)}` })}\n\n${r.body.trim()}\n`,
      );
      pages.set(
        `${locale}/objectifs/${number}.md`,
        `---\ntitle: ${yamlString(fill(t["objective.title"]!, { number }))}\nsidebar:\n  order: ${number}\n---\n\n` +
          `${objective.body.trim()}\n\n${sections.join("\n")}`,
      );
    }
    const capabilities = of("capabilities").sort((a, b) => Number(a.data.order) - Number(b.data.order));
    pages.set(
      `${locale}/capacites.md`,
      `---\ntitle: ${yamlString(data.capabilitiesTitle)}\nsidebar:\n  order: 10\n---\n\n` +
        capabilities.map((c) => `- ${String(c.data.name)}`).join("\n") +
        "\n",
    );
  }
  return pages;
}

function run(command: string, args: string[], cwd: string): number {
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0)
    throw new Error(
      `Starlight comparison site: ${command} ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`,
    );
  return performance.now() - started;
}

/** Writes, installs (npm) and builds the comparison site in `folder`; its node_modules are kept between runs. */
export async function buildStarlight(contentDir: string, folder: string): Promise<StarlightSite> {
  for (const entry of ["src", "dist", ".astro", "astro.config.mjs", "package.json"])
    rmSync(path.join(folder, entry), { recursive: true, force: true });
  mkdirSync(path.join(folder, "src/content/docs"), { recursive: true });
  const astro = (JSON.parse(readFileSync("node_modules/astro/package.json", "utf8")) as { version: string }).version;
  writeFileSync(
    path.join(folder, "package.json"),
    JSON.stringify(
      {
        name: "starlight-comparison",
        private: true,
        type: "module",
        dependencies: { astro, "@astrojs/starlight": starlightVersion },
      },
      null,
      2,
    ),
  );
  const starlightLocales = Object.fromEntries(
    localeCodes.map((code) => {
      const { label, dir } = getLocale(code);
      return [code, { label, lang: code, dir }];
    }),
  );
  writeFileSync(
    path.join(folder, "astro.config.mjs"),
    `import { defineConfig } from "astro/config";
import starlight from "@astrojs/starlight";

export default defineConfig({
  site: ${JSON.stringify(starlightOrigin)},
  telemetry: false,
  integrations: [
    starlight({
      title: "INTERPOL",
      defaultLocale: ${JSON.stringify(localeCodes[0])},
      locales: ${JSON.stringify(starlightLocales)},
    }),
  ],
});
`,
  );
  writeFileSync(
    path.join(folder, "src/content.config.ts"),
    `import { defineCollection } from "astro:content";
import { docsLoader } from "@astrojs/starlight/loaders";
import { docsSchema } from "@astrojs/starlight/schema";

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  const pages = starlightPages(contentDir);
  for (const [file, markdown] of pages) {
    const target = path.join(folder, "src/content/docs", file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, markdown);
  }
  const installMs = run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], folder);
  const buildMs = run(process.execPath, [path.join(folder, "node_modules/astro/bin/astro.mjs"), "build"], folder);
  const dist = path.join(folder, "dist");
  await precompressFolder(dist);
  const version = (name: string) =>
    (JSON.parse(readFileSync(path.join(folder, "node_modules", name, "package.json"), "utf8")) as { version: string })
      .version;
  const versions = Object.fromEntries(["astro", "@astrojs/starlight", "pagefind"].map((name) => [name, version(name)]));
  return { dist, pages: pages.size, versions, installMs, buildMs };
}
