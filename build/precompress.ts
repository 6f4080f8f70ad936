/** Gzip and Brotli copies of text files, written beside them at build time for servers that send them as they are. */
import { readdirSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from "node:zlib";

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

// Text formats the site publishes; Pagefind's index files (.pf_*, .pagefind) are gzip already and stay as they are.
const compressible = new Set([".html", ".css", ".js", ".mjs", ".json", ".xml", ".txt", ".svg", ".csv", ".map"]);

export function isCompressible(file: string): boolean {
  const dot = file.lastIndexOf(".");
  return dot > file.lastIndexOf("/") && compressible.has(file.slice(dot).toLowerCase());
}

const brotliOptions = (content: Buffer) => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
  },
});

function smallerOnly(content: Buffer, gz: Buffer, br: Buffer): { gz?: Buffer; br?: Buffer } {
  return {
    ...(gz.length < content.length ? { gz } : {}),
    ...(br.length < content.length ? { br } : {}),
  };
}

/** Both encodings at their highest levels; one is left out when it would not make the file smaller. */
export function compress(content: Buffer): { gz?: Buffer; br?: Buffer } {
  // zlib writes no timestamp or file name into the gzip header, so the bytes depend on the content alone.
  return smallerOnly(content, gzipSync(content, { level: 9 }), brotliCompressSync(content, brotliOptions(content)));
}

/** The same bytes as compress(), computed on libuv's thread pool so that several files use several cores. */
export async function compressOffThread(content: Buffer): Promise<{ gz?: Buffer; br?: Buffer }> {
  const [gz, br] = await Promise.all([gzipAsync(content, { level: 9 }), brotliAsync(content, brotliOptions(content))]);
  return smallerOnly(content, gz, br);
}

/** Writes file.gz and file.br beside every text file of a folder; returns the bytes before and after. */
export async function precompressFolder(dir: string) {
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter(isCompressible);
  const totals = { files: files.length, raw: 0, gz: 0, br: 0 };
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
  return totals;
}
