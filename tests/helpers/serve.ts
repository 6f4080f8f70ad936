/** Serves a built site over HTTP on loopback for browser tests: static files, directory indexes, locale 404 pages. */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { localeCodes } from "../../src/lib/locales";
import { pathFor } from "../../src/lib/routes";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
  ".pdf": "application/pdf",
};

export interface Served {
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  close: () => Promise<void>;
}

/** The 404 page for a path: the locale's own when the path is under a locale, else the multilingual one. */
function notFoundFile(root: string, urlPath: string): string {
  const locale = localeCodes.find((code) => urlPath.startsWith(`/${code}/`));
  return locale ? path.join(root, pathFor(locale, { kind: "notFound" }), "index.html") : path.join(root, "404.html");
}

export function serveSite(root: string): Promise<Served> {
  const server = createServer((request, response) => {
    const urlPath = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    let file = path.join(root, urlPath);
    if (!file.startsWith(root)) file = root + "/404.html";
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = notFoundFile(root, urlPath);
    }
    response.writeHead(status, { "Content-Type": types[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
