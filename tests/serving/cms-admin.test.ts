/** nginx with deploy/nginx.conf serving the CMS at /admin/: its own headers, the site's compression and caching. */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { get, headerOf, serveWithNginx, type NginxSite } from "../../harness/nginx";
import { adminPath } from "../../src/lib/routes";
import { readPage } from "../helpers/site";

const siteDir = inject("siteDir");
let site: NginxSite;
beforeAll(async () => {
  site = await serveWithNginx(siteDir);
});
afterAll(() => site?.close());

describe("nginx serving the CMS at /admin/", () => {
  it("sends it with headers of its own: not indexed, no framing, and sign-in windows allowed to report back", async () => {
    const script = readPage(siteDir, adminPath).querySelector("script")!.getAttribute("src")!;
    for (const response of await Promise.all([adminPath, script].map((p) => get(`${site.origin}${p}`)))) {
      expect(response.status).toBe(200);
      expect(headerOf(response, "x-robots-tag")).toBe("noindex, nofollow");
      expect(headerOf(response, "cross-origin-opener-policy")).toBe("same-origin-allow-popups");
      expect(headerOf(response, "content-security-policy")).toContain("frame-ancestors 'none'");
      expect(headerOf(response, "content-security-policy")).toContain("script-src 'self';");
      for (const name of ["strict-transport-security", "x-content-type-options", "x-frame-options", "referrer-policy"])
        expect(headerOf(response, name), name).not.toBe("");
    }
  });

  it("sends its page and its script compressed, from the build's brotli copies", async () => {
    const script = readPage(siteDir, adminPath).querySelector("script")!.getAttribute("src")!;
    for (const p of [adminPath, script]) {
      const response = await get(`${site.origin}${p}`, { "accept-encoding": "br, gzip" });
      expect(headerOf(response, "content-encoding"), p).toBe("br");
    }
  });

  it("keeps the reading pages' own headers: the CMS's are for /admin/ only", async () => {
    const response = await get(`${site.origin}/`);
    expect(headerOf(response, "cross-origin-opener-policy")).toBe("same-origin");
    expect(headerOf(response, "x-robots-tag")).toBe("");
  });
});
