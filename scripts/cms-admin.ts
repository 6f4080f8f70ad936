/**
 * Build step: the CMS at /admin/ (build/cms-admin.ts), bundled from node_modules into the built site.
 * Usage: node scripts/cms-admin.ts [folder]   (default: $OUT_DIR, else dist; CONTENT_DIR and SITE_URL as for the build)
 *        node scripts/cms-admin.ts --dev      for npm run dev: into Astro's cache, reusing a bundle of the same sources
 */
import { mkdirSync } from "node:fs";
import { buildAdmin } from "../build/cms-admin.ts";
import { SettingsError } from "../editor/cms/settings.ts";
import { adminPreviewFolder, defaultCacheDir } from "../src/astro/admin-preview.ts";
import { contentDir } from "../src/lib/content-dir.ts";
import { formatProblem } from "../src/lib/problem.ts";
import { siteUrl } from "../src/site/site-url.ts";
import { builtFolder, readArgs, stop } from "./cli.ts";

const usage = "node scripts/cms-admin.ts [folder] | --dev";
const dev = process.argv.includes("--dev");
if (dev) readArgs("cms-admin", usage, { dev: { type: "boolean" } });
const folder = dev
  ? adminPreviewFolder(process.env.ASTRO_CACHE_DIR ?? defaultCacheDir)
  : builtFolder("cms-admin", usage);
try {
  mkdirSync(folder, { recursive: true });
  const started = performance.now();
  const built = await buildAdmin(folder, { contentDir: contentDir(), siteUrl: siteUrl(process.env), reuse: dev });
  if (built.problems.length > 0) {
    for (const problem of built.problems) console.error(formatProblem(problem));
    process.exit(1);
  }
  const ms = Math.round(performance.now() - started);
  console.log(
    `CMS written to /admin/: ${built.files} files, ${(built.bytes / 1e6).toFixed(2)} MB before compression, ${ms} ms${built.reused ? " (bundle reused)" : ""}.`,
  );
} catch (error) {
  if (error instanceof SettingsError) stop("cms-admin", error.message, 1);
  // Vite's errors (an adjustment that no longer matches after an upgrade) say what is wrong; the stack says nothing more.
  stop("cms-admin", (error as Error).message, 1);
}
