import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { localeCodes } from "../../src/lib/locales";
import { dataFiles, dataPath, pathFor } from "../../src/lib/routes";
import { get, headerOf, serveWithNginx, type NginxSite, type RawResponse } from "../../harness/nginx";
import { builtPaths, fileFor } from "../helpers/site";

const siteDir = inject("siteDir");
let site: NginxSite;

beforeAll(async () => {
  site = await serveWithNginx(siteDir);
});
afterAll(() => site?.close());

const policy = (response: RawResponse) =>
  new Map(
    headerOf(response, "content-security-policy")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...sources]) => [name!, sources]),
  );

describe("nginx with the configuration npm run nginx:config writes", () => {
  it("serves / as the bilingual landing page that leads into every locale", async () => {
    const response = await get(`${site.origin}/`);
    expect(response.status).toBe(200);
    expect(headerOf(response, "content-type")).toBe("text/html; charset=utf-8");
    expect(response.body.equals(readFileSync(path.join(siteDir, "index.html")))).toBe(true);
    for (const locale of localeCodes)
      expect(response.body.toString()).toContain(`href="${pathFor(locale, { kind: "home" })}"`);
  });

  it("sends the security headers on pages, on 404s, on redirects and on other files", async () => {
    const responses = await Promise.all(
      ["/fr/", "/en/no-such-page/", "/fr", "/favicon.svg", "/sitemap-index.xml"].map((p) => get(`${site.origin}${p}`)),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 404, 301, 200, 200]);
    for (const response of responses) {
      expect(headerOf(response, "strict-transport-security")).toMatch(/^max-age=(\d+); includeSubDomains$/);
      expect(Number(/max-age=(\d+)/.exec(headerOf(response, "strict-transport-security"))![1])).toBeGreaterThanOrEqual(
        31_536_000,
      );
      expect(headerOf(response, "x-content-type-options")).toBe("nosniff");
      expect(headerOf(response, "referrer-policy")).toBe("no-referrer");
      expect(headerOf(response, "permissions-policy")).toContain("camera=()");
      expect(headerOf(response, "x-frame-options")).toBe("DENY");
      const csp = policy(response);
      expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
      expect(csp.get("object-src")).toEqual(["'none'"]);
      expect(csp.get("base-uri")).toEqual(["'none'"]);
      expect(csp.get("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(headerOf(response, "content-security-policy")).not.toContain("unsafe-inline");
      expect(headerOf(response, "server")).toBe("nginx");
    }
    // Files that are not pages have no <meta> policy of their own, so the header closes everything else.
    expect(policy(responses[3]!).get("default-src")).toEqual(["'self'"]);
  });

  it("sends every page brotli- or gzip-compressed from the build's copies, identical once decompressed", async () => {
    const totals = { identity: 0, gzip: 0, br: 0 };
    for (const urlPath of builtPaths(siteDir)) {
      const original = readFileSync(fileFor(siteDir, urlPath));
      const [br, gzip, identity] = await Promise.all(
        ["br, gzip", "gzip", "identity"].map((encoding) =>
          get(`${site.origin}${urlPath}`, { "accept-encoding": encoding }),
        ),
      );
      expect(headerOf(br!, "content-encoding"), urlPath).toBe("br");
      expect(brotliDecompressSync(br!.body).equals(original), urlPath).toBe(true);
      expect(headerOf(gzip!, "content-encoding"), urlPath).toBe("gzip");
      expect(gunzipSync(gzip!.body).equals(original), urlPath).toBe(true);
      expect(headerOf(identity!, "content-encoding"), urlPath).toBe("");
      expect(identity!.body.equals(original), urlPath).toBe(true);
      expect(headerOf(br!, "vary"), urlPath).toBe("Accept-Encoding");
      totals.identity += identity!.body.length;
      totals.gzip += gzip!.body.length;
      totals.br += br!.body.length;
    }
    expect(totals.br).toBeLessThan(totals.gzip);
    expect(totals.gzip).toBeLessThan(totals.identity / 2);
    const ratio = (n: number) => `${((100 * n) / totals.identity).toFixed(1)} %`;
    console.log(
      `HTML as served: ${totals.identity} bytes; gzip ${totals.gzip} (${ratio(totals.gzip)}); brotli ${totals.br} (${ratio(totals.br)})`,
    );
  });

  it("sends a search page opened with a query the Link header that preloads Pagefind and its locale's WebAssembly", async () => {
    const entry = JSON.parse(readFileSync(path.join(siteDir, "pagefind/pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { wasm: string | null }>;
    };
    for (const locale of localeCodes) {
      const search = pathFor(locale, { kind: "search" });
      const wasm = `/pagefind/wasm.${entry.languages[locale]?.wasm ?? "unknown"}.pagefind`;
      const withQuery = headerOf(await get(`${site.origin}${search}?q=x`), "link");
      expect(withQuery, locale).toBe(
        `</pagefind/pagefind.js>; rel=modulepreload, <${wasm}>; rel=preload; as=fetch; crossorigin`,
      );
      const wasmFile = await get(`${site.origin}${wasm}`);
      expect(wasmFile.status, wasm).toBe(200);
      // Opened without a query, the page loads Pagefind once painted; reading pages never load it.
      for (const other of [search, `${search}?q=`, pathFor(locale, { kind: "home" }) + "?q=x"])
        expect(headerOf(await get(`${site.origin}${other}`), "link"), other).toBe("");
    }
  });

  it("lets any web page fetch the open data files of every locale, and only those", async () => {
    for (const urlPath of localeCodes.flatMap((locale) => dataFiles.map((file) => dataPath(locale, file)))) {
      const response = await get(`${site.origin}${urlPath}`, { origin: "https://elsewhere.example" });
      expect(response.status, urlPath).toBe(200);
      expect(headerOf(response, "access-control-allow-origin"), urlPath).toBe("*");
      expect(headerOf(response, "cross-origin-resource-policy"), urlPath).toBe("cross-origin");
    }
    for (const urlPath of ["/fr/", "/en/search/", "/favicon.svg"]) {
      const response = await get(`${site.origin}${urlPath}`, { origin: "https://elsewhere.example" });
      expect(headerOf(response, "access-control-allow-origin"), urlPath).toBe("");
      expect(headerOf(response, "cross-origin-resource-policy"), urlPath).toBe("same-origin");
    }
  });

  it("makes browsers revalidate pages, answering 304 while they are unchanged", async () => {
    const first = await get(`${site.origin}/en/results/`);
    expect(headerOf(first, "cache-control")).toBe("no-cache");
    const etag = headerOf(first, "etag");
    expect(etag).not.toBe("");
    const again = await get(`${site.origin}/en/results/`, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it("answers an unknown address with its locale's 404 page, and with the bilingual one outside any locale", async () => {
    const cases = [
      ...localeCodes.flatMap((locale) => [
        [`/${locale}/no-such-page/`, pathFor(locale, { kind: "notFound" })],
        [
          `/${locale}/${pathFor(locale, { kind: "objective", objective: 99 }).split("/")[2]}/99/`,
          pathFor(locale, { kind: "notFound" }),
        ],
      ]),
      ["/no-such-page", "/404.html"],
      ["/xx/page/", "/404.html"],
    ];
    for (const [requested, page] of cases) {
      const response = await get(`${site.origin}${requested}`);
      expect(response.status, requested).toBe(404);
      expect(headerOf(response, "content-type"), requested).toBe("text/html; charset=utf-8");
      expect(response.body.equals(readFileSync(fileFor(siteDir, page!))), `${requested} → ${page}`).toBe(true);
    }
  });

  it("adds the trailing slash to a page address with a relative redirect, and sends plain HTTP to HTTPS", async () => {
    const slash = await get(`${site.origin}/fr/objectifs/2`);
    expect([slash.status, headerOf(slash, "location")]).toEqual([301, "/fr/objectifs/2/"]);
    const plain = await get(`${site.httpOrigin}/en/results/?q=1`);
    expect([plain.status, headerOf(plain, "location")]).toEqual([301, `https://${site.host}/en/results/?q=1`]);
  });

  it("answers a folder that has no page with its locale's 404 page, and with the bilingual one elsewhere", async () => {
    // The open data folders of every locale, and the build's folders of hashed files, hold files but no index.html.
    const folders = [
      ...localeCodes.map((locale) => [
        path.posix.dirname(dataPath(locale, dataFiles[0])) + "/",
        pathFor(locale, { kind: "notFound" }),
      ]),
      ["/pagefind/", "/404.html"],
      ["/_astro/", "/404.html"],
    ];
    for (const [folder, page] of folders) {
      expect(statSync(path.join(siteDir, folder!)).isDirectory(), folder).toBe(true);
      const response = await get(`${site.origin}${folder}`);
      expect(response.status, folder).toBe(404);
      expect(response.body.equals(readFileSync(fileFor(siteDir, page!))), `${folder} → ${page}`).toBe(true);
    }
  });

  it("sends each header exactly once whatever the status, a byte range past the end included", async () => {
    const port = new URL(site.origin).port;
    const requests: [string, Promise<RawResponse>][] = [
      ["page", get(`${site.origin}/en/`)],
      ["redirect", get(`${site.origin}/en`)],
      ["not found", get(`${site.origin}/en/no-such-page/`)],
      ["folder without a page", get(`${site.origin}/_astro/`)],
      ["byte range past the end", get(`${site.origin}/en/results/`, { range: "bytes=99999999-" })],
      ["byte range", get(`${site.origin}/en/results/`, { range: "bytes=0-9" })],
      ["method not allowed", get(`${site.origin}/en/`, {}, { method: "POST" })],
      ["precondition failed", get(`${site.origin}/en/`, { "if-match": '"no-such-etag"' })],
      ["URI too long", get(`${site.origin}/${"a".repeat(9000)}`)],
      ["bad request", get(`https://${site.host}:${port}/`, {}, { target: "/%" })],
    ];
    const statuses: Record<string, number> = {};
    for (const [name, request] of requests) {
      const response = await request;
      statuses[name] = response.status;
      const names = response.rawHeaders.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase());
      expect(
        names.filter((n, i) => names.indexOf(n) !== i),
        `${name}: headers sent twice`,
      ).toEqual([]);
      for (const required of ["content-security-policy", "strict-transport-security", "x-frame-options"])
        expect(names, `${name}: ${required}`).toContain(required);
    }
    // Byte ranges are off (nginx 1.22 doubles every header on a 416): a range gets the whole file.
    expect(statuses).toEqual({
      page: 200,
      redirect: 301,
      "not found": 404,
      "folder without a page": 404,
      "byte range past the end": 200,
      "byte range": 200,
      "method not allowed": 405,
      "precondition failed": 412,
      "URI too long": 414,
      "bad request": 400,
    });
  });
});

/** The outcome of a request that the server may refuse: its status and Location, or how the connection ended. */
async function outcome(request: Promise<RawResponse>): Promise<string> {
  try {
    const response = await request;
    return `${response.status} ${headerOf(response, "location")}`.trim();
  } catch (error) {
    const message = (error as Error).message;
    if (message === "socket hang up") return "closed without an answer";
    if (/unrecognized name/.test(message)) return "TLS handshake refused";
    throw error;
  }
}

describe("nginx and host names", () => {
  it("redirects plain HTTP to the site's own host name only, whatever the Host header or the request target names", async () => {
    const http = site.httpOrigin;
    expect(await outcome(get(`${http}/en/results/`))).toBe(`301 https://${site.host}/en/results/`);
    expect(await outcome(get(`${http}/en/results/`, {}, { target: `http://${site.host}/en/results/` }))).toBe(
      `301 https://${site.host}/en/results/`,
    );
    expect(await outcome(get(`${http}/en/results/`, { host: "evil.example" }))).toBe("closed without an answer");
    expect(await outcome(get(`${http}/en/results/`, {}, { target: "http://evil.example/en/results/" }))).toBe(
      "closed without an answer",
    );
    expect(await outcome(get(`${http}/en/results/`, { host: `evil.example` }, { target: "/" }))).toBe(
      "closed without an answer",
    );
  });

  it("refuses HTTPS for any other host name: in the TLS handshake, in the Host header or in the request target", async () => {
    const port = new URL(site.origin).port;
    expect(await outcome(get(`${site.origin}/en/`))).toBe("200");
    expect(await outcome(get(`https://evil.example:${port}/en/`))).toBe("TLS handshake refused");
    // No server name at all, as a client reaching the address directly sends.
    expect(await outcome(get(`https://127.0.0.1:${port}/en/`))).toBe("TLS handshake refused");
    expect(await outcome(get(`${site.origin}/en/`, { host: "evil.example" }, { servername: site.host }))).toBe(
      "closed without an answer",
    );
    expect(await outcome(get(`${site.origin}/en/`, {}, { target: "https://evil.example/en/" }))).toBe(
      "closed without an answer",
    );
  });

  it("never sends a Location that leaves the site, whatever the path asks for", async () => {
    const targets = [
      "//evil.example/",
      "//evil.example/fr",
      "/%2F%2Fevil.example/",
      "/%5Cevil.example/",
      "/fr/..//evil.example",
    ];
    for (const target of targets) {
      const response = await get(`${site.origin}/`, {}, { target });
      const location = headerOf(response, "location");
      if (location) expect(new URL(location, `https://${site.host}/`).host, `${target} → ${location}`).toBe(site.host);
    }
  });
});

describe("nginx caching rules for hashed files", () => {
  // Pagefind's fragments, indexes, metadata and filters carry a content hash in their names; its loader, worker,
  // entry file and WebAssembly do not. Astro's /_astro/ files are always hashed.
  const files: [string, "immutable" | "revalidate"][] = [
    ["_astro/search.Bx81_a9Q.js", "immutable"],
    ["pagefind/fragment/fr_2a36bc8.pf_fragment", "immutable"],
    ["pagefind/index/en_011ef91.pf_index", "immutable"],
    ["pagefind/filter/fr_5d4c1b2.pf_filter", "immutable"],
    ["pagefind/pagefind.fr_a1abcbe637.pf_meta", "immutable"],
    ["pagefind/pagefind.js", "revalidate"],
    ["pagefind/pagefind-worker.js", "revalidate"],
    ["pagefind/pagefind-entry.json", "revalidate"],
    ["pagefind/wasm.fr.pagefind", "revalidate"],
    ["fr/index.html", "revalidate"],
  ];
  const root = path.resolve(`tmp/nginx-cache-rules-${process.pid}`);
  let cacheSite: NginxSite;

  beforeAll(async () => {
    for (const [file] of files) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), "x");
    }
    cacheSite = await serveWithNginx(root);
  });
  afterAll(async () => {
    await cacheSite?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("caches content-hashed files for a year as immutable and revalidates every other file", async () => {
    const found = await Promise.all(
      files.map(async ([file]) => [file, headerOf(await get(`${cacheSite.origin}/${file}`), "cache-control")]),
    );
    expect(found).toEqual(
      files.map(([file, rule]) => [file, rule === "immutable" ? "public, max-age=31536000, immutable" : "no-cache"]),
    );
  });

  it("leaves no file of the real build under a long-cache rule unless its name carries a content hash", async () => {
    const built = readdirSync(siteDir, { recursive: true, encoding: "utf8" }).filter(
      (f) => !/\.(gz|br)$/.test(f) && statSync(path.join(siteDir, f)).isFile(),
    );
    const cached = [];
    for (const file of built) {
      const response = await get(`${site.origin}/${file.split(path.sep).join("/")}`);
      if (headerOf(response, "cache-control").includes("immutable")) cached.push(file);
    }
    for (const file of cached) expect(file).toMatch(/[._][0-9A-Za-z_-]{7,}\.[a-z_]+$/);
    console.log(`Built files with immutable caching: ${cached.length} of ${built.length}`);
  });
});
