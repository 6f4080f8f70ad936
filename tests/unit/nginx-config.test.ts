import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { builtOrigin, nginxConfig, nginxTemplate, standardListen } from "../../build/nginx-config";
import { localeCodes } from "../../src/lib/locales";
import { dataPath, pathFor } from "../../src/lib/routes";

const template = readFileSync(nginxTemplate, "utf8");
const options = {
  origin: "https://strategy.example.net/",
  root: "/var/www/ct-strategy",
  certificate: "/etc/ssl/s/fullchain.pem",
  certificateKey: "/etc/ssl/s/privkey.pem",
  listen: standardListen,
};
const dir = path.resolve(`tmp/nginx-config-${process.pid}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]): Promise<{ status: number; output: string }> {
  return new Promise((resolve) =>
    execFile("node", ["scripts/nginx-config.ts", ...args], (error, stdout, stderr) =>
      resolve({ status: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
    ),
  );
}

describe("the nginx configuration of a built site", () => {
  const config = nginxConfig(template, options);

  it("fills in every placeholder of deploy/nginx.conf.template and leaves none", () => {
    expect(config).not.toMatch(/\{\{\w+\}\}/);
    expect(config.split("\n")[0]).toBe(
      "# Written by npm run nginx:config for https://strategy.example.net/: edit deploy/nginx.conf.template, not this file.",
    );
    expect(() => nginxConfig(`${template}\n# {{unknown}}`, options)).toThrow(
      /found \{\{unknown\}\}, which nothing fills in/,
    );
    expect(() => nginxConfig(template.replace("{{root}}", "/x"), options)).toThrow(/found no \{\{root\}\}/);
  });

  it("preloads Pagefind and each locale's WebAssembly for its search page opened with a query, and only there", () => {
    const searchWasm = Object.fromEntries(localeCodes.map((l) => [l, `wasm.${l}.pagefind`]));
    const withWasm = nginxConfig(template, { ...options, searchWasm });
    for (const locale of localeCodes) {
      const page = pathFor(locale, { kind: "search" }).replaceAll(".", "\\.");
      expect(withWasm).toContain(
        `"~^${page}(index\\.html)?:." "</pagefind/pagefind.js>; rel=modulepreload, </pagefind/wasm.${locale}.pagefind>; rel=preload; as=fetch; crossorigin";`,
      );
      expect(config).toContain(`"~^${page}(index\\.html)?:." "</pagefind/pagefind.js>; rel=modulepreload";`);
    }
    expect(config).toContain("add_header Link $ct_strategy_search_preload;");
  });

  it("serves and redirects to the host name the site was built for, and nothing else", () => {
    expect(config.match(/^\s*server_name .*;$/gm)).toEqual([
      "    server_name strategy.example.net;",
      "    server_name strategy.example.net;",
    ]);
    expect(config).toContain("return 301 https://strategy.example.net$request_uri;");
    expect(config).not.toContain("$host");
    expect(config.match(/default_server/g)).toHaveLength(standardListen.https.length + standardListen.http.length);
    expect(config).toContain("ssl_reject_handshake on;");
    expect(nginxConfig(template, { ...options, origin: "https://strategy.example.net:8443/" })).toContain(
      "return 301 https://strategy.example.net:8443$request_uri;",
    );
  });

  it("answers every locale's folder with that locale's 404 page, and opens every locale's data folder to other sites", () => {
    for (const locale of localeCodes) {
      const home = pathFor(locale, { kind: "home" });
      expect(config).toContain(
        `location ${home} {\n        error_page 403 404 =404 ${pathFor(locale, { kind: "notFound" })}index.html;`,
      );
      expect(config).toContain(`"~^${path.posix.dirname(dataPath(locale, "resultsCsv"))}/" "*";`);
    }
    expect(config.match(/^ {4}location /gm)).toHaveLength(localeCodes.length);
  });

  it("refuses an origin nginx cannot serve and values that would break the file", () => {
    expect(() => nginxConfig(template, { ...options, origin: "http://strategy.example.net/" })).toThrow(
      /SITE_URL: found "http:\/\/strategy\.example\.net\/"; expected an https:\/\/ address/,
    );
    expect(() => nginxConfig(template, { ...options, root: "/var/www/x; return 200" })).toThrow(/root: found/);
    expect(() => nginxConfig(template, { ...options, listen: { https: ["443 ssl; evil"], http: ["80"] } })).toThrow(
      /listen address/,
    );
  });

  it("is printed by npm run nginx:config for a site built for its real address, and refused for the placeholder", async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, "robots.txt"),
      "User-agent: *\nAllow: /\n\nSitemap: https://strategy.example.net/sitemap-index.xml\n",
    );
    expect(builtOrigin(dir)).toBe("https://strategy.example.net/");
    const printed = await cli(["--root", "/srv/site", dir]);
    expect(printed.status, printed.output).toBe(0);
    expect(printed.output).toBe(
      nginxConfig(template, {
        ...options,
        root: "/srv/site",
        certificate: "/etc/ssl/ct-strategy/fullchain.pem",
        certificateKey: "/etc/ssl/ct-strategy/privkey.pem",
      }),
    );

    writeFileSync(path.join(dir, "robots.txt"), "Sitemap: https://ct-strategy.example.org/sitemap-index.xml\n");
    const placeholder = await cli([dir]);
    expect(placeholder.status).toBe(2);
    expect(placeholder.output).toMatch(
      /^nginx:config: found .* built for the placeholder address https:\/\/ct-strategy\.example\.org\/; expected the site's public address: build with SITE_URL=/,
    );
    const none = await cli([path.join(dir, "missing")]);
    expect(none.status).toBe(2);
    expect(none.output).toMatch(/found no folder at .*missing; expected a built site/);
  });
});
