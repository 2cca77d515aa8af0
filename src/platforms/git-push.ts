import { type Git, GitInterruptedError, type GitResult } from "./git.ts";

export type PushOutcome =
  | { ok: true }
  | { ok: false; kind: "race" | "protected" | "blocked" | "rejected" | "interrupted"; message: string };

/** Outputs of a push that the remote refused because the branch moved under us. */
const RACE =
  /fetch first|non-fast-forward|stale info|failed to update ref|cannot lock ref|incorrect old value/i;
/** Branch protection and rulesets (GH006, GH013) or a server-side hook standing in for them. */
const PROTECTED = /GH013|GH006|protected branch|repository rule violations|pre-receive hook declined/i;
/**
 * Secret-scanning push protection and push rulesets also answer GH013, but they refuse the content on
 * every branch, so a pull request branch is refused the same way (PLATFORMS.md, GitHub).
 */
const BLOCKED = /PUSH PROTECTION|Push cannot contain secrets|Push rule violation/i;

/** Within the runner's 7.5 s between the cancel signal and SIGTERM, leaving time to report. */
const PUSH_GRACE_MS = 5000;

/**
 * Pushes `sha` to `refs/heads/<branch>`: never forced; classifies a refusal. A push under way when the
 * run is stopped gets `graceMs` to finish; past that it is stopped (`interrupted`): the remote may or
 * may not hold it, so read `remoteTip` before saying which.
 */
export async function push(
  git: Git,
  target: { remote: string; sha: string; branch: string; graceMs?: number },
): Promise<PushOutcome> {
  const args = ["push", "--porcelain", target.remote, `${target.sha}:refs/heads/${target.branch}`];
  let result: GitResult;
  try {
    result = await git.run(args, {
      auth: true,
      allowFailure: true,
      graceMs: target.graceMs ?? PUSH_GRACE_MS,
    });
  } catch (error) {
    if (!(error instanceof GitInterruptedError)) throw error;
    return { ok: false, kind: "interrupted", message: error.message };
  }
  if (result.exitCode === 0) return { ok: true };
  const text = `${result.stderr}\n${result.stdout}`;
  const message = text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !/^(To |Done$|hint:)/.test(line))
    .slice(-8)
    .join("\n");
  if (BLOCKED.test(text)) return { ok: false, kind: "blocked", message };
  if (PROTECTED.test(text)) return { ok: false, kind: "protected", message };
  if (RACE.test(text)) return { ok: false, kind: "race", message };
  return { ok: false, kind: "rejected", message };
}

/**
 * What the remote's branch holds now ("" when it has no such branch), asked even while the run is being
 * stopped, with a short timeout: a person needs the answer before the runner kills the job. Undefined
 * when the remote could not say.
 */
export async function remoteTip(
  git: Git,
  { remote, branch, timeoutMs = 3000 }: { remote: string; branch: string; timeoutMs?: number },
): Promise<string | undefined> {
  const result = await git
    .run(["ls-remote", remote, `refs/heads/${branch}`], {
      auth: true,
      allowFailure: true,
      ignoreSignal: true,
      timeoutMs,
    })
    .catch(() => undefined);
  if (result?.exitCode !== 0) return undefined;
  return /^([0-9a-f]{40})\s/.exec(result.stdout)?.[1] ?? "";
}
