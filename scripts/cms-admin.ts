/**
 * Build step: the CMS at /admin/ (build/cms-admin.ts), bundled from node_modules into the built site.
 * Usage: node scripts/cms-admin.ts [folder]   (default: $OUT_DIR, else dist; CONTENT_DIR and SITE_URL as for the build)
 */
import { buildAdmin } from "../build/cms-admin.ts";
import { SettingsError } from "../editor/cms/settings.ts";
import { contentDir } from "../src/lib/content-dir.ts";
import { formatProblem } from "../src/lib/problem.ts";
import { siteUrl } from "../src/site/site-url.ts";
import { builtFolder, stop } from "./cli.ts";

const folder = builtFolder("cms-admin", "node scripts/cms-admin.ts [folder]");
try {
  const { files, bytes, problems } = await buildAdmin(folder, {
    contentDir: contentDir(),
    siteUrl: siteUrl(process.env),
  });
  if (problems.length > 0) {
    for (const problem of problems) console.error(formatProblem(problem));
    process.exit(1);
  }
  console.log(`CMS written to /admin/: ${files} files, ${(bytes / 1e6).toFixed(2)} MB before compression.`);
} catch (error) {
  if (error instanceof SettingsError) stop("cms-admin", error.message, 1);
  // Vite's errors (an adjustment that no longer matches after an upgrade) say what is wrong; the stack says nothing more.
  stop("cms-admin", (error as Error).message, 1);
}
