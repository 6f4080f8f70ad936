/** Where the content collections are read from: content/ unless CONTENT_DIR points elsewhere (fixtures, benchmarks). */
import path from "node:path";

export function contentDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.CONTENT_DIR ?? "content");
}
