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
  return {
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
