/**
 * How every script reads its arguments (node:util parseArgs) and stops on a user's mistake: one line naming the
 * command, what was wrong and the usage, exit status 2, never a stack trace.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { parseArgs, type ParseArgsOptionsConfig } from "node:util";

/** Stops the script with a message for the person who ran it. */
export function stop(command: string, message: string, status = 2): never {
  console.error(`${command}: ${message}`);
  process.exit(status);
}

/** The script's options and positionals, or a usage message and exit status 2. */
export function readArgs<O extends ParseArgsOptionsConfig>(
  command: string,
  usage: string,
  options: O,
  { positionals = false, argv = process.argv.slice(2) }: { positionals?: boolean; argv?: string[] } = {},
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: positionals, strict: true });
  } catch (error) {
    return stop(command, `${(error as Error).message}\nUsage: ${usage}`);
  }
}

/** A whole number of at least `min` given as an option, or stop naming the option. */
export function wholeNumber(command: string, option: string, value: string | undefined, fallback: number, min = 1) {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min)
    stop(command, `--${option}: found "${value}"; expected a whole number of ${min} or more.`);
  return number;
}

/**
 * The built site a build step or check works on: its one positional argument, else $OUT_DIR, else dist. A script
 * with options of its own passes the positionals it read.
 */
export function builtFolder(
  command: string,
  usage: string,
  positionals = readArgs(command, usage, {}, { positionals: true }).positionals,
): string {
  if (positionals.length > 1) stop(command, `found ${positionals.length} folders; expected one.\nUsage: ${usage}`);
  const dir = path.resolve(positionals[0] ?? process.env.OUT_DIR ?? "dist");
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory())
    stop(command, `found no folder at ${dir}; expected a built site (run npm run build first).`);
  return dir;
}
