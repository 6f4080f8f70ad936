/** Differences between two folders' files, for checking that two builds are byte-identical. */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Problem } from "../src/lib/problem.ts";

/** Every file under a folder, as a forward-slash relative path → SHA-256 of its bytes. */
export function fileDigests(dir: string): Map<string, string> {
  const digests = new Map<string, string>();
  for (const relative of readdirSync(dir, { recursive: true, encoding: "utf8" }).sort()) {
    const file = path.join(dir, relative);
    if (statSync(file).isFile())
      digests.set(relative.split(path.sep).join("/"), createHash("sha256").update(readFileSync(file)).digest("hex"));
  }
  return digests;
}

/** Each file present in one tree only, or with other bytes, named by its path. */
export function treeDifferences(first: Map<string, string>, second: Map<string, string>): Problem[] {
  const problems: Problem[] = [];
  for (const [file, digest] of first) {
    if (!second.has(file))
      problems.push({ file, found: "a file the second build did not write", expected: "it in both builds" });
    else if (second.get(file) !== digest)
      problems.push({ file, found: "other bytes in the second build", expected: "identical bytes in both builds" });
  }
  for (const file of second.keys())
    if (!first.has(file))
      problems.push({ file, found: "a file only the second build wrote", expected: "it in both builds" });
  return problems;
}
