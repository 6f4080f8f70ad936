/**
 * Every command the editing guides show (docs/*.md: each line of a ```sh block, and each `npm …` in the text) is run
 * here as an editor would type it, in an isolated copy of the project, and does what the guide says. A command the
 * guides show that no runner below knows fails the test, so a new command cannot go into the guides untested.
 */
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedRoot } from "../../bench/build";
import { adminPath, pathFor } from "../../src/lib/routes";
import { defaultLocale, localeCodes } from "../../src/lib/locales";

const guides = readdirSync("docs")
  .filter((f) => f.endsWith(".md"))
  .map((f) => path.join("docs", f));
const work = path.resolve(`tmp/guide-commands-${process.pid}`);
let root: string;
// Not the test runner's mode (NODE_ENV=test, VITEST…): commands run as an editor runs them.
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "NODE_ENV" && !k.startsWith("VITEST"))),
  ASTRO_CACHE_DIR: path.join(work, "cache"),
};

/** Every command the guides show: ```sh lines, and inline `npm …` or `SITE_URL=… npm …` spans. */
function guideCommands(): string[] {
  const found = new Set<string>();
  for (const guide of guides) {
    const text = readFileSync(guide, "utf8");
    for (const block of text.matchAll(/```sh\n([\s\S]*?)```/g))
      for (const line of block[1]!.split("\n").map((l) => l.trim())) if (line && !line.startsWith("#")) found.add(line);
    for (const span of text.matchAll(/`((?:SITE_URL=\S+ )?npm [^`]+)`/g))
      // Templates such as `npm run i18n:translated -- <file>` stand for the concrete commands shown beside them.
      if (!/[<…]/.test(span[1]!)) found.add(span[1]!);
  }
  return [...found];
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const run = (command: string) => spawnSync("sh", ["-c", command], { cwd: root, env, encoding: "utf8" });

/** Runs a command that starts a server (on a free port: the machine is shared), checks it, then stops it. */
async function serving(command: string, check: (origin: string) => Promise<void>) {
  const port = await freePort();
  const server = spawn("sh", ["-c", `${command} -- --host 127.0.0.1 --port ${port}`], {
    cwd: root,
    env,
    stdio: "ignore",
    detached: true,
  });
  const origin = `http://127.0.0.1:${port}`;
  try {
    const started = Date.now();
    while (
      !(await fetch(`${origin}/`).then(
        (r) => r.status > 0,
        () => false,
      ))
    ) {
      if (Date.now() - started > 120_000) throw new Error(`${command} did not serve ${origin} within 2 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await check(origin);
  } finally {
    process.kill(-server.pid!, "SIGTERM");
  }
}

/** How each command the guides show is run and what it must do. */
const runners: { matches: RegExp; run: (command: string) => Promise<void> | void }[] = [
  {
    // The guides' first command; the real install is CI's first step (.ci/run). Here: the lock file installs as is.
    matches: /^npm ci$/,
    run: () => {
      const folder = path.join(work, "npm-ci");
      mkdirSync(folder, { recursive: true });
      for (const file of ["package.json", "package-lock.json"]) copyFileSync(file, path.join(folder, file));
      const result = spawnSync("npm", ["ci", "--dry-run", "--offline", "--ignore-scripts"], {
        cwd: folder,
        encoding: "utf8",
      });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/added \d+ packages/);
      expect(readFileSync(".ci/run", "utf8")).toMatch(/npm ci/);
    },
  },
  {
    matches: /^npm run check:content$/,
    run: (command) => {
      const result = run(command);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/content files checked/);
    },
  },
  {
    matches: /^npm run i18n:status$/,
    run: (command) => {
      const result = run(command);
      // Exit status 1 when something is left to translate: the guide's own examples add entries first.
      expect(result.stdout).toMatch(/^entry +/m);
      expect(result.stdout).toMatch(/Editorial notes/);
    },
  },
  {
    matches: /^npm run new -- (result --objective \d+|objective|capability --file [a-z-]+)$/,
    run: (command) => {
      const result = run(command);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout.match(/✓ created /g)?.length).toBe(localeCodes.length);
    },
  },
  {
    matches: /^npm run i18n:translated -- content\/\S+$/,
    run: (command) => {
      const file = command.split(" ").at(-1)!;
      // The guide records a translation of the result it has just created: make it first if need be.
      if (!existsSync(path.join(root, file))) expect(run("npm run new -- result --objective 2").status).toBe(0);
      const result = run(command);
      expect(result.status, result.stderr).toBe(0);
      expect(readFileSync(path.join(root, file), "utf8")).toMatch(/sourceHash: "[0-9a-f]{12}"/);
    },
  },
  {
    // Named in the text ("the same fingerprint as `npm run i18n:translated`"); alone, each says what it needs.
    matches: /^npm run (new|i18n:translated)$/,
    run: (command) => {
      const result = run(command);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^(new|i18n:translated): .*expected/m);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    },
  },
  {
    matches: /^npm run dev$/,
    run: (command) =>
      serving(command, async (origin) => {
        const started = Date.now();
        let page = 0;
        while (page !== 200 && Date.now() - started < 120_000)
          page = (await fetch(`${origin}${pathFor(defaultLocale, { kind: "home" })}`)).status;
        expect(page).toBe(200);
        expect((await fetch(`${origin}${adminPath}`)).status).toBe(200);
      }),
  },
  {
    matches: /^npm run build && npm run preview$/,
    run: async (command) => {
      const [build, preview] = command.split(" && ");
      expect(run(build!).status).toBe(0);
      await serving(preview!, async (origin) => {
        expect((await fetch(`${origin}${pathFor(defaultLocale, { kind: "search" })}`)).status).toBe(200);
        expect((await fetch(`${origin}/pagefind/pagefind-entry.json`)).status).toBe(200);
        expect((await fetch(`${origin}${adminPath}`)).status).toBe(200);
      });
    },
  },
  {
    matches: /^(SITE_URL=(\S+) )?npm run build$/,
    run: (command) => {
      const result = run(command);
      expect(result.status, result.stderr).toBe(0);
      const site = /^SITE_URL=(\S+)/.exec(command)?.[1] ?? "https://ct-strategy.example.org/";
      expect(readFileSync(path.join(root, "dist/sitemap-0.xml"), "utf8")).toContain(`<loc>${site}`);
    },
  },
];

beforeAll(() => {
  root = isolatedRoot(path.join(work, "root"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the commands the editing guides show", () => {
  const commands = guideCommands();

  it("are found in the guides, and each has a runner below", () => {
    expect(commands.length).toBeGreaterThanOrEqual(8);
    expect(commands.filter((c) => !runners.some((r) => r.matches.test(c)))).toEqual([]);
  });

  it("each run in a copy of the project and do what the guide says", async () => {
    for (const command of commands) {
      // Each on the content as it is: npm run new leaves TODO lines, which the checks and the build refuse.
      rmSync(path.join(root, "content"), { recursive: true, force: true });
      cpSync("content", path.join(root, "content"), { recursive: true });
      await runners.find((r) => r.matches.test(command))!.run(command);
    }
    // Two builds, a preview and a dev server: minutes on a busy machine.
  }, 600_000);
});
