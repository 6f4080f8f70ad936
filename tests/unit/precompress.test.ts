import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { compress, compressOffThread, isCompressible } from "../../build/precompress";

const html = Buffer.from(
  `<!DOCTYPE html><html lang="fr"><body>${"<p>Résultat escompté : coopération policière internationale.</p>".repeat(40)}</body></html>`,
);

describe("precompression", () => {
  it("writes gzip and brotli copies that decompress to the original and are much smaller", () => {
    const { gz, br } = compress(html);
    expect(gunzipSync(gz!).equals(html)).toBe(true);
    expect(brotliDecompressSync(br!).equals(html)).toBe(true);
    expect(gz!.length).toBeLessThan(html.length / 5);
    expect(br!.length).toBeLessThan(gz!.length);
  });

  it("produces the same bytes every time, so two builds are identical", () => {
    const first = compress(html);
    const second = compress(Buffer.from(html));
    expect(first.gz!.equals(second.gz!)).toBe(true);
    expect(first.br!.equals(second.br!)).toBe(true);
  });

  it("gives the same bytes off the main thread as on it, as the build step and the weight budget both rely on", async () => {
    const onThread = compress(html);
    const offThread = await compressOffThread(html);
    expect(offThread.gz!.equals(onThread.gz!)).toBe(true);
    expect(offThread.br!.equals(onThread.br!)).toBe(true);
    expect(await compressOffThread(Buffer.from("a"))).toEqual({});
  });

  it("leaves out an encoding that would make a file larger", () => {
    const tiny = compress(Buffer.from("a"));
    expect(tiny.gz).toBeUndefined();
    expect(tiny.br).toBeUndefined();
  });

  it("compresses the site's text formats and leaves Pagefind's already-gzipped files and images alone", () => {
    expect(
      ["index.html", "_astro/a.B2x.css", "pagefind/pagefind.js", "sitemap-0.xml", "favicon.svg"].every(isCompressible),
    ).toBe(true);
    expect(
      ["pagefind/wasm.fr.pagefind", "pagefind/index/fr_1.pf_index", "a.png", "index.html.gz", "README"].some(
        isCompressible,
      ),
    ).toBe(false);
  });
});
