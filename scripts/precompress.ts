/**
 * Build step, last of all: writes file.gz and file.br beside every text file, for nginx's gzip_static and
 * brotli_static (deploy/nginx.conf) or any host that serves precompressed files.
 * Usage: node scripts/precompress.ts [folder]   (default: $OUT_DIR, else dist)
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { compress, isCompressible } from "../src/lib/precompress.ts";

const dir = path.resolve(process.argv[2] ?? process.env.OUT_DIR ?? "dist");
const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter(isCompressible);
const totals = { raw: 0, gz: 0, br: 0 };
for (const relative of files) {
  const file = path.join(dir, relative);
  const content = readFileSync(file);
  const { gz, br } = compress(content);
  if (gz) writeFileSync(`${file}.gz`, gz);
  if (br) writeFileSync(`${file}.br`, br);
  totals.raw += content.length;
  totals.gz += (gz ?? content).length;
  totals.br += (br ?? content).length;
}
const percent = (n: number) => `${((100 * n) / totals.raw).toFixed(1)} %`;
console.log(
  `Precompressed ${files.length} files, ${totals.raw} bytes: gzip ${totals.gz} (${percent(totals.gz)}), brotli ${totals.br} (${percent(totals.br)}).`,
);
