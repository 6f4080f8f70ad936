/** Content folders for tests: a fixture strategy with another fixture's files laid over it, in a fresh tmp folder. */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";

/**
 * Copies `base` to `out`, then each file of `overlay` over it: a file replaces the one of the same name, any extension.
 * A file named `<name>.symlink` becomes a symbolic link `<name>` to the path it holds, `{outside}` standing for
 * `options.outside` (a file outside the repository): git and every checkout keep the fixture a plain file.
 */
export function layContent(base: string, overlay: string, out: string, options: { outside?: string } = {}): string {
  rmSync(out, { recursive: true, force: true });
  cpSync(base, out, { recursive: true });
  for (const entry of readdirSync(overlay, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === "README.md") continue;
    const relative = path.relative(overlay, path.join(entry.parentPath, entry.name));
    const folder = path.join(out, path.dirname(relative));
    mkdirSync(folder, { recursive: true });
    const link = entry.name.endsWith(".symlink");
    const name = entry.name.replace(/\.symlink$/, "");
    const stem = name.replace(/\.[^.]+$/, "");
    for (const existing of readdirSync(folder))
      if (existing.replace(/\.[^.]+$/, "") === stem) rmSync(path.join(folder, existing), { recursive: true });
    if (!link) cpSync(path.join(overlay, relative), path.join(out, relative));
    else {
      const target = readFileSync(path.join(overlay, relative), "utf8").trim();
      symlinkSync(target.replace("{outside}", options.outside ?? "/nonexistent-outside-file"), path.join(folder, name));
    }
  }
  return out;
}
