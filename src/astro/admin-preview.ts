/**
 * `npm run dev`: serves the CMS at /admin/ from the folder `node scripts/cms-admin.ts --dev` writes before Astro
 * starts, as static files: the page never gets Vite's reload client, so saving an entry does not reload the CMS.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { adminPath } from "../lib/routes.ts";

/** Where Astro keeps its cache unless ASTRO_CACHE_DIR says otherwise (astro.config.mjs). */
export const defaultCacheDir = "./node_modules/.astro";

/** The folder the preview's CMS is written to: <cache>/cms-preview, holding admin/. */
export function adminPreviewFolder(cacheDir: string): string {
  return path.join(cacheDir, "cms-preview");
}

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".woff2": "font/woff2",
};

/** The file behind a path under /admin/, or undefined when there is none (or the path leaves the folder). */
export function previewFile(folder: string, urlPath: string): string | undefined {
  const relative = decodeURIComponent(urlPath.split(/[?#]/)[0]!).replace(/\/$/, "/index.html");
  const file = path.join(folder, relative);
  if (!file.startsWith(path.join(folder, adminPath)) || !existsSync(file) || !statSync(file).isFile()) return undefined;
  return file;
}

export function adminPreview(): AstroIntegration {
  let folder = "";
  return {
    name: "admin-preview",
    hooks: {
      "astro:config:done": ({ config }) => {
        folder = adminPreviewFolder(fileURLToPath(config.cacheDir));
      },
      "astro:server:setup": ({ server, logger }) => {
        if (!existsSync(path.join(folder, adminPath, "index.html")))
          logger.warn(
            `The CMS is not built for the preview: start it with npm run dev (it runs node scripts/cms-admin.ts --dev).`,
          );
        server.middlewares.use((request, response, next) => {
          const url = request.url ?? "";
          if (!url.startsWith(adminPath)) return next();
          const file = previewFile(folder, url);
          if (!file) return next();
          response.writeHead(200, {
            "content-type": types[path.extname(file)] ?? "application/octet-stream",
            "cache-control": "no-cache",
          });
          response.end(readFileSync(file));
        });
      },
    },
  };
}
