/**
 * Serves a built site with Debian's nginx and the configuration `npm run nginx:config` would install for it
 * (deploy/nginx.conf.template), on free loopback ports, as root or not: only the listen addresses, the certificate
 * (a throwaway self-signed one) and the root differ. The site keeps its own host name, which clients resolve to loopback.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";
import { builtOrigin, nginxConfig, nginxTemplate, searchWasm, type NginxOptions } from "../build/nginx-config.ts";
import { defaultSiteUrl } from "../src/site/site-url.ts";

const brotliModule = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

/** NGINX_PATH overrides the Debian location. */
function nginxPath(env: Record<string, string | undefined> = process.env): string {
  return env.NGINX_PATH ?? "/usr/sbin/nginx";
}

/** Stops with the name of each missing program and how to install it, rather than skipping. */
function requireNginx(): string {
  const missing: string[] = [];
  const nginx = nginxPath();
  if (!existsSync(nginx)) missing.push(`nginx not found at ${nginx} (sudo apt-get install nginx, or set NGINX_PATH)`);
  if (!existsSync(brotliModule))
    missing.push(
      `nginx's brotli_static module not found at ${brotliModule} (sudo apt-get install libnginx-mod-http-brotli-static)`,
    );
  if (spawnSync("openssl", ["version"]).status !== 0)
    missing.push("openssl not found, needed for the test certificate (sudo apt-get install openssl)");
  if (missing.length > 0) throw new Error(`Cannot serve the site with nginx: ${missing.join("; ")}.`);
  return nginx;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface NginxSite {
  /** https://<host>:<port>, the site as production serves it, under the host name it was built for. */
  origin: string;
  /** http://<host>:<port>, which only redirects to HTTPS. */
  httpOrigin: string;
  /** The site's host name (SITE_URL's when it was built), which only loopback serves here. */
  host: string;
  /** Browser contexts must accept the throwaway certificate. */
  contextOptions: { ignoreHTTPSErrors: true };
  /** Chromium flags that resolve the site's host name to loopback. */
  chromiumArgs: string[];
  /**
   * The certificate's public key hash, for Chromium's --ignore-certificate-errors-spki-list: trusted that way rather
   * than ignored, the site keeps Chromium's HTTP cache, as a real visitor's browser does (benchmarks).
   */
  spki: string;
  close: () => Promise<void>;
}

/** What a site's server block is made of, for the production template or a plain static server. */
type SiteConfig = (options: NginxOptions) => string;

const deployConfig: SiteConfig = (options) =>
  nginxConfig(readFileSync(nginxTemplate, "utf8"), { ...options, searchWasm: searchWasm(options.root) });

/**
 * Another site built from npm packages (the bench's Starlight comparison): the same TLS, HTTP/2, precompressed files
 * and cache rules as ours, without our security headers, whose policy would block its inline scripts.
 */
const staticConfig: SiteConfig = ({ origin, root, certificate, certificateKey, listen }) => {
  const host = new URL(origin).host;
  return `
map $uri $static_cache_control {
    ~^/_astro/                                         "public, max-age=31536000, immutable";
    ~^/pagefind/.+\\.pf_(fragment|index|meta|filter)$   "public, max-age=31536000, immutable";
    default                                            "no-cache";
}
server {
${listen.https.map((a) => `    listen ${a} ssl http2;`).join("\n")}
    ssl_certificate     ${certificate};
    ssl_certificate_key ${certificateKey};
    ssl_protocols TLSv1.2 TLSv1.3;
    root ${root};
    index index.html;
    absolute_redirect off;
    charset utf-8;
    charset_types text/css text/plain text/xml application/javascript application/json image/svg+xml;
    include /etc/nginx/mime.types;
    types { application/javascript mjs; }
    gzip_static on;
    brotli_static on;
    gzip_vary on;
    add_header Cache-Control $static_cache_control always;
    error_page 404 /404.html;
}
server {
${listen.http.map((a) => `    listen ${a};`).join("\n")}
    return 301 https://${host}$request_uri;
}
`;
};

/**
 * Starts nginx in the foreground with its own prefix, pid, logs and temp folders under tmp/. `origin` serves the site
 * under another host name than the one it was built for (the CMS's local mode is offered on localhost only).
 */
export async function serveWithNginx(root: string, options: { origin?: string } = {}): Promise<NginxSite> {
  // A folder that is not a whole build (the caching tests') is served under the build's default host name.
  const origin = options.origin ?? builtOrigin(root) ?? defaultSiteUrl;
  return serve(root, origin, deployConfig);
}

/** A folder served as plain static files under `origin`'s host name, for comparisons with another generator's site. */
export async function serveStatic(root: string, origin: string): Promise<NginxSite> {
  return serve(root, origin, staticConfig);
}

async function serve(root: string, origin: string, siteConfig: SiteConfig): Promise<NginxSite> {
  const nginx = requireNginx();
  const host = new URL(origin).hostname;
  const dir = path.resolve(`tmp/nginx-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  const cert = spawnSync(
    "openssl",
    ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2"]
      .concat(["-subj", `/CN=${host}`, "-addext", `subjectAltName=DNS:${host},IP:127.0.0.1`])
      .concat(["-keyout", `${dir}/key.pem`, "-out", `${dir}/cert.pem`]),
    { encoding: "utf8" },
  );
  if (cert.status !== 0) throw new Error(`openssl could not make the test certificate:\n${cert.stderr}`);
  // A free port may be taken by another process before nginx binds it (the machine is shared): then try others.
  try {
    for (let attempt = 1; ; attempt++) {
      const [tlsPort, httpPort] = [await freePort(), await freePort()];
      const started = await startNginx(nginx, dir, { origin, host, root, tlsPort, httpPort }, siteConfig);
      if ("child" in started) return served(started, dir, host, tlsPort, httpPort, spkiOf(`${dir}/cert.pem`));
      if (!started.portTaken || attempt === 5)
        throw new Error(`nginx did not start with deploy/nginx.conf.template:\n${started.log}`);
    }
  } catch (error) {
    // Nothing is served: the certificate and configuration go with it.
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Writes the configuration for two ports and starts nginx, until it answers as the site's own server. */
async function startNginx(
  nginx: string,
  dir: string,
  options: { origin: string; host: string; root: string; tlsPort: number; httpPort: number },
  siteConfig: SiteConfig,
): Promise<{ child: ChildProcess; stop: () => void } | { portTaken: boolean; log: string }> {
  const { origin, host, root, tlsPort, httpPort } = options;
  rmSync(`${dir}/error.log`, { force: true });
  const site = siteConfig({
    origin,
    root: path.resolve(root),
    certificate: `${dir}/cert.pem`,
    certificateKey: `${dir}/key.pem`,
    listen: { https: [`127.0.0.1:${tlsPort}`], http: [`127.0.0.1:${httpPort}`] },
  });
  writeFileSync(`${dir}/site.conf`, site);
  writeFileSync(
    `${dir}/nginx.conf`,
    [
      `load_module ${brotliModule};`,
      "daemon off;",
      "worker_processes 1;",
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      "events { worker_connections 128; }",
      "http {",
      "  include /etc/nginx/mime.types;",
      "  default_type application/octet-stream;",
      "  access_log off;",
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `  ${t}_temp_path ${dir}/${t};`),
      `  include ${dir}/site.conf;`,
      "}",
    ].join("\n"),
  );
  const child = spawn(nginx, ["-p", `${dir}/`, "-c", `${dir}/nginx.conf`, "-e", `${dir}/error.log`], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  // If the test process ends without close() (a timeout, a crash), nginx must not outlive it.
  const stop = () => child.kill("SIGTERM");
  process.once("exit", stop);
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const log = () => `${stderr}${existsSync(`${dir}/error.log`) ? readFileSync(`${dir}/error.log`, "utf8") : ""}`;
  // Ours answers plain HTTP on its host name with a redirect to it, and HTTPS with a page or a 404: another program
  // that took one of the ports would not. No fixed delay: it is asked until it answers, or exits.
  const answers = async () => {
    try {
      const plain = await get(`http://${host}:${httpPort}/`);
      const secure = await get(`https://${host}:${tlsPort}/`);
      return plain.headers.location === `https://${new URL(origin).host}/` && secure.status > 0;
    } catch {
      return false;
    }
  };
  const deadline = Date.now() + 120_000;
  while (child.exitCode === null && Date.now() < deadline) {
    if (await answers()) return { child, stop };
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill();
  process.off("exit", stop);
  return { portTaken: /Address already in use/.test(log()), log: log() };
}

/** The running server, and how to stop it; nginx never outlives the process that started it. */
function served(
  { child, stop }: { child: ChildProcess; stop: () => void },
  dir: string,
  host: string,
  tlsPort: number,
  httpPort: number,
  spki: string,
): NginxSite {
  const removeFiles = () => rmSync(dir, { recursive: true, force: true });
  process.once("exit", removeFiles);
  return {
    origin: `https://${host}:${tlsPort}`,
    httpOrigin: `http://${host}:${httpPort}`,
    host,
    contextOptions: { ignoreHTTPSErrors: true },
    chromiumArgs: [`--host-resolver-rules=MAP ${host} 127.0.0.1`],
    spki,
    close: () =>
      new Promise((resolve) => {
        child.once("exit", () => {
          process.off("exit", stop);
          process.off("exit", removeFiles);
          removeFiles();
          resolve();
        });
        // SIGQUIT: graceful shutdown of the master and its worker.
        child.kill("SIGQUIT");
      }),
  };
}

/** The base64 SHA-256 of a certificate's public key, as Chromium's --ignore-certificate-errors-spki-list takes it. */
function spkiOf(certificate: string): string {
  const key = spawnSync("openssl", ["x509", "-in", certificate, "-pubkey", "-noout"], { encoding: "utf8" }).stdout;
  const der = spawnSync("openssl", ["pkey", "-pubin", "-outform", "der"], { input: key }).stdout;
  return createHash("sha256").update(der).digest("base64");
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Names and values as sent, alternating, duplicates kept. */
  rawHeaders: string[];
  /** The bytes as sent, still compressed when Content-Encoding says so. */
  body: Buffer;
}

/** A response header's value, "" when absent; a header sent twice reads as its copies joined by commas. */
export const headerOf = (response: RawResponse, name: string): string => String(response.headers[name] ?? "");

/** Every host name resolves to loopback: the test server is the only one these requests may reach. */
const loopback: LookupFunction = (_hostname, options, callback) =>
  options.all ? callback(null, [{ address: "127.0.0.1", family: 4 }]) : callback(null, "127.0.0.1", 4);

/** What a request may change besides its headers: method, a raw request target, the TLS server name (SNI). */
export interface RequestOptions {
  method?: string;
  /** Sent as is on the request line, e.g. an absolute http://other.example/ target. */
  target?: string;
  /** The name sent in the TLS handshake; the URL's host by default. */
  servername?: string;
}

/**
 * One request to the test server (a GET by default), trusting its throwaway certificate, without decompressing
 * anything; raw headers keep each copy of a header sent twice.
 */
export function get(
  url: string,
  headers: Record<string, string> = {},
  options: RequestOptions = {},
): Promise<RawResponse> {
  const parsed = new URL(url);
  const request = parsed.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        protocol: parsed.protocol,
        hostname: parsed.hostname,
        port: parsed.port,
        path: options.target ?? `${parsed.pathname}${parsed.search}`,
        method: options.method ?? "GET",
        headers,
        lookup: loopback,
        rejectUnauthorized: false,
        ...(options.servername ? { servername: options.servername } : {}),
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            rawHeaders: response.rawHeaders,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}
