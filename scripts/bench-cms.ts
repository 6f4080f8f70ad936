/**
 * The CMS at /admin/ as an editor meets it (bench/cms.ts): builds the site into tmp/, serves it with nginx, and opens
 * the CMS `--runs` times in a fresh Chromium context. Prints each run and the medians.
 * Usage: node scripts/bench-cms.ts [--runs 7]
 */
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import path from "node:path";
import { benchCms } from "../bench/cms.ts";
import { readArgs, stop, wholeNumber } from "./cli.ts";

const command = "bench-cms";
const { values } = readArgs(command, "node scripts/bench-cms.ts [--runs 7]", { runs: { type: "string" } });
const runs = wholeNumber(command, "runs", values.runs, 7);
const out = path.resolve(`tmp/bench-cms-${process.pid}`);
const built = spawnSync("node", ["scripts/build.ts", "--out", out], {
  stdio: "ignore",
  env: { ...process.env, ASTRO_CACHE_DIR: `${out}-cache` },
});
if (built.status !== 0) stop(command, "the build failed: run npm run build to see why.", 1);
const ms = (value: number) => `${Math.round(value)} ms`;
const medians = await benchCms(out, runs, (run, i) =>
  console.log(
    `run ${i + 1}: sign-in screen ${ms(run.signInMs)}, results listed ${ms(run.listMs)}, entry open ${ms(run.entryMs)}, Save to file ${ms(run.saveMs)}, ${(run.listBytes / 1e6).toFixed(2)} MB received`,
  ),
);
console.log(
  `median of ${runs} (load average ${loadavg()[0]!.toFixed(1)}): sign-in screen ${ms(medians.signInMs)}, results listed ${ms(medians.listMs)} after opening /admin/, ` +
    `entry open ${ms(medians.entryMs)}, Save to file written ${ms(medians.saveMs)}, ${(medians.listBytes / 1e6).toFixed(2)} MB received until the list`,
);
spawnSync("rm", ["-rf", out, `${out}-cache`]);
