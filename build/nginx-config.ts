/**
 * The nginx configuration of a built site: deploy/nginx.conf.template with its {{…}} filled in. The host name is the
 * one the site was built for (SITE_URL, read back from the built robots.txt), the locale parts follow
 * src/lib/locales.ts and src/lib/routes.ts, so neither is ever written twice by hand.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { localeCodes } from "../src/lib/locales.ts";
import { dataFiles, dataPath, pathFor } from "../src/lib/routes.ts";

export const nginxTemplate = path.resolve("deploy/nginx.conf.template");

export interface NginxOptions {
  /** The site's public origin, https://host/ (SITE_URL): the only host name served, and the redirects' target. */
  origin: string;
  /** The folder the built site is copied to. */
  root: string;
  certificate: string;
  certificateKey: string;
  /** Addresses for `listen`: HTTPS and plain HTTP. */
  listen: { https: string[]; http: string[] };
  /**
   * Each locale's Pagefind WebAssembly (searchWasm), preloaded with the search page when it is opened with a query;
   * without it, only Pagefind's script is.
   */
  searchWasm?: Record<string, string>;
}

/** The WebAssembly file Pagefind uses for each locale of a built site: its language's, or the one for any language. */
export function searchWasm(siteDir: string): Record<string, string> | undefined {
  const entry = path.join(siteDir, "pagefind", "pagefind-entry.json");
  if (!existsSync(entry)) return undefined;
  let languages: Record<string, { wasm?: string | null }> | undefined;
  try {
    languages = (JSON.parse(readFileSync(entry, "utf8")) as { languages?: typeof languages }).languages;
  } catch {
    // Not a Pagefind entry file (a folder made for a test): no WebAssembly to name.
  }
  if (!languages) return undefined;
  return Object.fromEntries(
    localeCodes.map((locale) => [locale, `wasm.${languages[locale]?.wasm ?? "unknown"}.pagefind`]),
  );
}

/** Production's addresses: every IPv4 and IPv6 address, on the standard ports. */
export const standardListen = { https: ["443", "[::]:443"], http: ["80", "[::]:80"] };

/** Characters that would end an nginx token or change a regular expression: never in a URL segment of ours. */
const unsafe = /[\s"';{}\\$^|()[\]*+?]/;

function safe(value: string, what: string): string {
  if (value === "" || unsafe.test(value))
    throw new Error(`${what}: found "${value}"; expected a value without spaces, quotes, braces or $`);
  return value;
}

/** The text of each placeholder. */
export function placeholders(options: NginxOptions): Record<string, string> {
  const url = new URL(options.origin);
  if (url.protocol !== "https:")
    throw new Error(`SITE_URL: found "${options.origin}"; expected an https:// address, which nginx serves`);
  const listen = (addresses: string[], params: string) =>
    addresses
      .map((address) => {
        if (!/^[\w.:[\]]+$/.test(address))
          throw new Error(`listen address: found "${address}"; expected a port, or an address and a port`);
        return `    listen ${address}${params};`;
      })
      .join("\n");
  // Folders are what the map matches: every locale's open data folder, each once.
  const dataFolders = [
    ...new Set(localeCodes.flatMap((locale) => dataFiles.map((file) => path.posix.dirname(dataPath(locale, file))))),
  ];
  const localeLocations = localeCodes.map((locale) => {
    const notFound = `${pathFor(locale, { kind: "notFound" })}index.html`;
    return [
      `    location ${safe(pathFor(locale, { kind: "home" }), "locale folder")} {`,
      `        error_page 403 404 =404 ${safe(notFound, "404 page")};`,
      "    }",
    ].join("\n");
  });
  // A search page opened with a query (the header's form) gets Pagefind's script and its locale's WebAssembly on
  // their way with its HTML, before its own script asks for them; opened without one, it loads them once painted.
  const searchPreload = localeCodes.map((locale) => {
    const page = safe(pathFor(locale, { kind: "search" }), "search page");
    const wasm = options.searchWasm?.[locale];
    const links = [
      "</pagefind/pagefind.js>; rel=modulepreload",
      ...(wasm ? [`</pagefind/${safe(wasm, "WebAssembly file")}>; rel=preload; as=fetch; crossorigin`] : []),
    ];
    return `    "~^${page.replaceAll(".", "\\.")}(index\\.html)?:." "${links.join(", ")}";`;
  });
  return {
    search_preload: searchPreload.join("\n"),
    host: safe(url.hostname, "host name"),
    host_and_port: safe(url.host, "host"),
    root: safe(options.root, "root"),
    certificate: safe(options.certificate, "certificate"),
    certificate_key: safe(options.certificateKey, "certificate key"),
    listen_https: listen(options.listen.https, " ssl http2"),
    listen_http: listen(options.listen.http, ""),
    listen_https_default: listen(options.listen.https, " ssl http2 default_server"),
    listen_http_default: listen(options.listen.http, " default_server"),
    open_data_folders: dataFolders.map((folder) => `    "~^${safe(folder, "open data folder")}/" "*";`).join("\n"),
    locale_locations: localeLocations.join("\n"),
  };
}

/** The template with every placeholder filled in; throws naming a placeholder the template has and we do not, or the reverse. */
export function nginxConfig(template: string, options: NginxOptions): string {
  const values = placeholders(options);
  const used = new Set([...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!));
  const unknown = [...used].filter((name) => !Object.hasOwn(values, name));
  const unused = Object.keys(values).filter((name) => !used.has(name));
  if (unknown.length > 0 || unused.length > 0)
    throw new Error(
      `deploy/nginx.conf.template: found ${[...unknown.map((n) => `{{${n}}}, which nothing fills in`), ...unused.map((n) => `no {{${n}}}`)].join(", ")}; expected the placeholders of build/nginx-config.ts`,
    );
  const header = `# Written by npm run nginx:config for ${options.origin}: edit deploy/nginx.conf.template, not this file.\n`;
  return header + template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name]!);
}

/** The origin a built site was built for (SITE_URL at build time), from the Sitemap line of its robots.txt. */
export function builtOrigin(siteDir: string): string | undefined {
  const robots = path.join(siteDir, "robots.txt");
  if (!existsSync(robots)) return undefined;
  const sitemap = /^Sitemap:\s*(\S+)/m.exec(readFileSync(robots, "utf8"))?.[1];
  return sitemap ? new URL("/", sitemap).href : undefined;
}
