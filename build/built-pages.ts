/** The HTML pages of a built site, each with the root-relative path it is served at: build steps, checks and tests read them. */
import { readdirSync } from "node:fs";
import path from "node:path";
import { isAdminPath } from "../src/lib/routes.ts";

export interface BuiltHtml {
  /** Path of the file under the site's folder, in the platform's separators, e.g. fr/objectifs/2/index.html. */
  file: string;
  /** Root-relative URL path, a folder's index.html served at the folder: /fr/objectifs/2/, /404.html. */
  urlPath: string;
}

/** Every .html file under a built site's folder, in the order the file system lists them. */
export function builtHtml(siteDir: string): BuiltHtml[] {
  return readdirSync(siteDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html"))
    .map((file) => ({ file, urlPath: `/${file.split(path.sep).join("/")}`.replace(/\/index\.html$/, "/") }));
}

/** The pages readers read: every built page but the CMS at /admin/, which has its own policy, weight and rules. */
export function readingPages(siteDir: string): BuiltHtml[] {
  return builtHtml(siteDir).filter((page) => !isAdminPath(page.urlPath));
}
