/**
 * Build step, last of all: writes file.gz and file.br beside every text file, for nginx's gzip_static and
 * brotli_static (deploy/nginx.conf) or any host that serves precompressed files.
 * Usage: node scripts/precompress.ts [folder]   (default: $OUT_DIR, else dist)
 */
import { readFile, writeFile } from "node:fs/promises";
import { readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { compressOffThread, isCompressible } from "../src/lib/precompress.ts";

const dir = path.resolve(process.argv[2] ?? process.env.OUT_DIR ?? "dist");
const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter(isCompressible);
const totals = { raw: 0, gz: 0, br: 0 };
// One file at a time per core: brotli at quality 11 is the slowest step of a large build.
let next = 0;
async function worker() {
  while (next < files.length) {
    const file = path.join(dir, files[next++]!);
    const content = await readFile(file);
    const { gz, br } = await compressOffThread(content);
    if (gz) await writeFile(`${file}.gz`, gz);
    if (br) await writeFile(`${file}.br`, br);
    totals.raw += content.length;
    totals.gz += (gz ?? content).length;
    totals.br += (br ?? content).length;
  }
}
await Promise.all(Array.from({ length: availableParallelism() }, worker));
const percent = (n: number) => `${((100 * n) / totals.raw).toFixed(1)} %`;
console.log(
  `Precompressed ${files.length} files, ${totals.raw} bytes: gzip ${totals.gz} (${percent(totals.gz)}), brotli ${totals.br} (${percent(totals.br)}).`,
);
