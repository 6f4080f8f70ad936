/**
 * Build step, last of all: writes file.gz and file.br beside every text file (build/precompress.ts), for nginx's
 * gzip_static and brotli_static (deploy/nginx.conf.template) or any host that serves precompressed files.
 * Usage: node scripts/precompress.ts [folder]   (default: $OUT_DIR, else dist)
 */
import { precompressFolder } from "../build/precompress.ts";
import { builtFolder } from "./cli.ts";

const totals = await precompressFolder(builtFolder("precompress", "node scripts/precompress.ts [folder]"));
const percent = (n: number) => `${((100 * n) / totals.raw).toFixed(1)} %`;
console.log(
  `Precompressed ${totals.files} files, ${totals.raw} bytes: gzip ${totals.gz} (${percent(totals.gz)}), brotli ${totals.br} (${percent(totals.br)}).`,
);
