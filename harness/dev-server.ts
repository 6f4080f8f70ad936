/** `astro dev` on another content folder and a free loopback port, started the same way by tests and bench. */
import { spawn } from "node:child_process";
import { mkdirSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

export interface DevServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** What the dev server printed. */
  logFile: string;
  log: () => string;
  stop: () => Promise<void>;
}

function freePort() {
  return new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts astro dev in `root` on `contentDir`, resolving once `readyPath` (default /) answers 200. */
export async function startDevServer(options: {
  root: string;
  contentDir: string;
  logFile: string;
  env?: Record<string, string>;
  readyPath?: string;
}): Promise<DevServer> {
  const origin = `http://127.0.0.1:${await freePort()}`;
  // Not the test runner's mode (NODE_ENV=test, VITEST…): astro dev must run as an editor runs it.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== "NODE_ENV" && !name.startsWith("VITEST")),
  );
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const out = openSync(options.logFile, "w");
  // Astro run by this Node, whatever `node` the PATH holds; in its own process group, so stopping it stops its children.
  const server = spawn(
    process.execPath,
    [
      path.join(options.root, "node_modules/astro/bin/astro.mjs"),
      "dev",
      "--host",
      "127.0.0.1",
      "--port",
      new URL(origin).port,
    ],
    {
      cwd: options.root,
      env: { ...inherited, CONTENT_DIR: options.contentDir, ASTRO_TELEMETRY_DISABLED: "1", ...options.env },
      stdio: ["ignore", out, out],
      detached: true,
    },
  );
  const stop = async () => {
    try {
      if (server.pid) process.kill(-server.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
    await sleep(300);
  };
  // Ctrl-C does not reach a detached server: stop it, then let the interrupt end the process as it would have.
  const onInterrupt = () => {
    void stop().then(() => process.kill(process.pid, "SIGINT"));
  };
  process.once("SIGINT", onInterrupt);
  const log = () => readFileSync(options.logFile, "utf8");
  const started = performance.now();
  for (;;) {
    const answered = await fetch(`${origin}${options.readyPath ?? "/"}`).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) break;
    if (server.exitCode !== null || performance.now() - started > 120_000) {
      await stop();
      throw new Error(`astro dev did not start within 2 minutes; see ${options.logFile}:\n${log().slice(-2000)}`);
    }
    await sleep(100);
  }
  return {
    origin,
    logFile: options.logFile,
    log,
    stop: async () => {
      process.off("SIGINT", onInterrupt);
      await stop();
    },
  };
}
