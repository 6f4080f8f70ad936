/** Content folders for tests: a fixture strategy with another fixture's files laid over it, in a fresh tmp folder. */
import { cpSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";

/** Copies `base` to `out`, then each file of `overlay` over it: a file replaces the one of the same name, any extension. */
export function layContent(base: string, overlay: string, out: string): string {
  rmSync(out, { recursive: true, force: true });
  cpSync(base, out, { recursive: true });
  for (const entry of readdirSync(overlay, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === "README.md") continue;
    const relative = path.relative(overlay, path.join(entry.parentPath, entry.name));
    const folder = path.join(out, path.dirname(relative));
    mkdirSync(folder, { recursive: true });
    const stem = entry.name.replace(/\.[^.]+$/, "");
    for (const existing of readdirSync(folder))
      if (existing.replace(/\.[^.]+$/, "") === stem) rmSync(path.join(folder, existing));
    cpSync(path.join(overlay, relative), path.join(out, relative));
  }
  return out;
}
