/** Gzip and Brotli copies of text files, written beside them at build time for servers that send them as they are. */
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

// Text formats the site publishes; Pagefind's index files (.pf_*, .pagefind) are gzip already and stay as they are.
const compressible = new Set([".html", ".css", ".js", ".mjs", ".json", ".xml", ".txt", ".svg", ".csv", ".map"]);

export function isCompressible(file: string): boolean {
  const dot = file.lastIndexOf(".");
  return dot > file.lastIndexOf("/") && compressible.has(file.slice(dot).toLowerCase());
}

/** Both encodings at their highest levels; one is left out when it would not make the file smaller. */
export function compress(content: Buffer): { gz?: Buffer; br?: Buffer } {
  // zlib writes no timestamp or file name into the gzip header, so the bytes depend on the content alone.
  const gz = gzipSync(content, { level: 9 });
  const br = brotliCompressSync(content, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
    },
  });
  return {
    ...(gz.length < content.length ? { gz } : {}),
    ...(br.length < content.length ? { br } : {}),
  };
}
