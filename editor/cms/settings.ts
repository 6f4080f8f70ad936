/**
 * Where the CMS saves in production: the Git host, the repository, its branch and how editors sign in. Set once in
 * deploy/cms-backend.json by whoever sets up the site; environment variables override it at build time.
 */
import { existsSync, readFileSync } from "node:fs";
import { z } from "astro/zod";

export const settingsFile = "deploy/cms-backend.json";

const optionalUrl = z.union([z.literal(""), z.url({ protocol: /^https$/, error: "expected an https:// address" })]);

export const settingsSchema = z.strictObject({
  /** Notes for whoever edits the file. */
  $comment: z.string().optional(),
  /** The Git host: github (github.com or GitHub Enterprise) or gitlab (gitlab.com or self-hosted). */
  backend: z.enum(["github", "gitlab"], { error: 'expected "github" or "gitlab"' }),
  /** owner/name of the repository, as in its address on the Git host. */
  repo: z.string().regex(/^[\w.-]+(?:\/[\w.-]+)+$/, "expected owner/name, such as interpol/ct-strategy"),
  /** The branch the site is built from. */
  branch: z.string().min(1, "expected a branch name, such as main"),
  /** GitHub only: the address of the sign-in service (Sveltia CMS Authenticator); empty to sign in with a token. */
  authUrl: optionalUrl,
  /** GitLab only: the Application ID of the OAuth application (PKCE sign-in). */
  appId: z.string(),
  /** A self-hosted Git host's API, e.g. https://gitlab.example.org/api/v4; empty for github.com or gitlab.com. */
  apiRoot: optionalUrl,
  /** editorial_workflow: each save is a proposed change (pull/merge request) reviewed before it is merged. */
  publishMode: z.enum(["simple", "editorial_workflow"], { error: 'expected "simple" or "editorial_workflow"' }),
});

export type CmsSettings = z.infer<typeof settingsSchema>;

const overrides = {
  CMS_BACKEND: "backend",
  CMS_REPO: "repo",
  CMS_BRANCH: "branch",
  CMS_AUTH_URL: "authUrl",
  CMS_APP_ID: "appId",
  CMS_API_ROOT: "apiRoot",
} as const;

function readSettingsFile(): string | undefined {
  return existsSync(settingsFile) ? readFileSync(settingsFile, "utf8") : undefined;
}

/** A setting that is wrong, with the message to print. */
export class SettingsError extends Error {}

/** The settings from the file, with the environment's overrides, or an error naming the file or variable and field. */
export function readSettings(
  env: Record<string, string | undefined> = process.env,
  text: string | undefined = readSettingsFile(),
): CmsSettings {
  if (text === undefined)
    throw new SettingsError(
      `${settingsFile}: found no such file; expected the CMS's backend settings (README, "Editing in the browser").`,
    );
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new SettingsError(`${settingsFile}: found invalid JSON (${(error as Error).message}); expected JSON.`);
  }
  const from: Record<string, string> = {};
  for (const [variable, key] of Object.entries(overrides))
    if (env[variable] !== undefined) {
      raw[key] = env[variable];
      from[key] = variable;
    }
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0] ?? "");
    const where = from[key] ? `${from[key]} (environment)` : `${settingsFile}, field "${key}"`;
    throw new SettingsError(`${where}: found ${JSON.stringify(raw[key]) ?? "nothing"}; ${issue.message}.`);
  }
  return parsed.data;
}

/** The origins the CMS talks to in production: the Git host's API, and where it shows avatars from. */
export function backendOrigins(settings: CmsSettings): { connect: string[]; images: string[] } {
  if (settings.apiRoot) {
    const origin = new URL(settings.apiRoot).origin;
    return { connect: [origin], images: [origin] };
  }
  return settings.backend === "github"
    ? { connect: ["https://api.github.com"], images: ["https://avatars.githubusercontent.com"] }
    : { connect: ["https://gitlab.com"], images: ["https://gitlab.com", "https://secure.gravatar.com"] };
}

/** The backend part of Sveltia's configuration: without a sign-in service, editors sign in with a personal token. */
export function backendConfig(settings: CmsSettings): Record<string, unknown> {
  const { backend, repo, branch, authUrl, appId, apiRoot } = settings;
  const oauth = backend === "github" ? authUrl !== "" : appId !== "";
  return {
    name: backend,
    repo,
    branch,
    ...(apiRoot ? { api_root: apiRoot } : {}),
    ...(backend === "github" && oauth ? { base_url: authUrl } : {}),
    ...(backend === "gitlab" && oauth ? { auth_type: "pkce", app_id: appId } : {}),
    ...(backend === "gitlab" && oauth && apiRoot ? { base_url: new URL(apiRoot).origin } : {}),
    auth_methods: oauth ? ["oauth", "token"] : ["token"],
  };
}
