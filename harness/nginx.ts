/**
 * Serves a built site with Debian's nginx and the repository's deploy/nginx.conf, on free loopback ports, as root or
 * not: only the listen addresses, the certificate (a throwaway self-signed one) and the root are replaced.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";

const deployConfig = path.resolve("deploy/nginx.conf");
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

/** The deploy configuration with test addresses, certificate and root; throws if the file no longer has that shape. */
function templateConfig(config: string, options: { tlsPort: number; httpPort: number; certDir: string; root: string }) {
  const replacements: [RegExp, string][] = [
    [/^(\s*)listen 443 ssl http2;$/m, `$1listen 127.0.0.1:${options.tlsPort} ssl http2;`],
    [/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${options.httpPort};`],
    [/^\s*listen \[::\]:443 ssl http2;\n/m, ""],
    [/^\s*listen \[::\]:80;\n/m, ""],
    [/^(\s*)ssl_certificate\s+\S+;$/m, `$1ssl_certificate ${options.certDir}/cert.pem;`],
    [/^(\s*)ssl_certificate_key\s+\S+;$/m, `$1ssl_certificate_key ${options.certDir}/key.pem;`],
    [/^(\s*)root\s+\S+;$/m, `$1root ${options.root};`],
  ];
  return replacements.reduce((text, [pattern, replacement]) => {
    if (!pattern.test(text))
      throw new Error(`deploy/nginx.conf: found no line matching ${pattern}; the tests need it.`);
    return text.replace(pattern, replacement);
  }, config);
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

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createServer().listen(port, "127.0.0.1");
    // Binding fails while nginx holds the port: that is the signal it is listening.
    socket.once("error", () => resolve(true));
    socket.once("listening", () => socket.close(() => resolve(false)));
  });
}

export interface NginxSite {
  /** https://127.0.0.1:<port>, the site as production serves it. */
  origin: string;
  /** http://127.0.0.1:<port>, which only redirects to HTTPS. */
  httpOrigin: string;
  /** Browser contexts must accept the throwaway certificate. */
  contextOptions: { ignoreHTTPSErrors: true };
  close: () => Promise<void>;
}

/** Starts nginx in the foreground with its own prefix, pid, logs and temp folders under tmp/. */
export async function serveWithNginx(root: string): Promise<NginxSite> {
  const nginx = requireNginx();
  const dir = path.resolve(`tmp/nginx-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  const cert = spawnSync(
    "openssl",
    ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2"]
      .concat(["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"])
      .concat(["-keyout", `${dir}/key.pem`, "-out", `${dir}/cert.pem`]),
    { encoding: "utf8" },
  );
  if (cert.status !== 0) throw new Error(`openssl could not make the test certificate:\n${cert.stderr}`);
  const [tlsPort, httpPort] = [await freePort(), await freePort()];
  const site = templateConfig(readFileSync(deployConfig, "utf8"), {
    tlsPort,
    httpPort,
    certDir: dir,
    root: path.resolve(root),
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
  const stop = () => {
    child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", stop);
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const log = () => `${stderr}${existsSync(`${dir}/error.log`) ? readFileSync(`${dir}/error.log`, "utf8") : ""}`;
  const started = Date.now();
  while (!(await accepts(tlsPort)) || !(await accepts(httpPort))) {
    if (child.exitCode !== null || Date.now() - started > 10_000) {
      child.kill();
      throw new Error(`nginx did not start with deploy/nginx.conf (exit ${child.exitCode}):\n${log()}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    origin: `https://127.0.0.1:${tlsPort}`,
    httpOrigin: `http://127.0.0.1:${httpPort}`,
    contextOptions: { ignoreHTTPSErrors: true },
    close: () =>
      new Promise((resolve) => {
        child.once("exit", () => {
          process.off("exit", stop);
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        // SIGQUIT: graceful shutdown of the master and its worker.
        child.kill("SIGQUIT");
      }),
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as sent, still compressed when Content-Encoding says so. */
  body: Buffer;
}

/** One GET to the test server, trusting its throwaway certificate, without decompressing anything. */
export function get(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const request = url.startsWith("https:") ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, rejectUnauthorized: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}
