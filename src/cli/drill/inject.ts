// The drill's faults, injected into the simulators: each a thing that goes wrong on a bad day (faults.ts).
import type { FaultName } from "./faults.ts";
import type { World } from "./world.ts";

export function injectFaults(world: World, faults: Set<FaultName>): void {
  if (faults.has("railway-crash")) world.railway.behave("ai-engine", { outcome: ["CRASHED"] });
  if (faults.has("railway-429"))
    world.railway.inject({ kind: "status", status: 429, headers: { "retry-after": "1" } });
  if (faults.has("vercel-503")) world.vercel.inject({ kind: "status", status: 503, times: 2 });
  if (faults.has("vercel-lost-answer"))
    world.vercel.inject({ kind: "drop-after-handle", match: { method: "POST" } });
  if (faults.has("slack-down")) world.chat.inject("slack-api", { kind: "status", status: 500, times: 100 });
  if (faults.has("statuspage-down")) world.statuspage.inject({ kind: "status", status: 503, times: 100 });
  // The first stop Railway is asked for (backend's) is refused; Vercel is already paused by then.
  if (faults.has("traffic-stop-partial"))
    world.railway.inject({
      kind: "graphql-error",
      operation: "DeploymentStop",
      message: "Problem processing request",
    });
  // The second write of the restore (a CopyObject or a DeleteObject) is refused, after the first landed.
  let writes = 0;
  if (faults.has("storage-fails-midway"))
    world.s3.server.inject({
      match: { when: (r) => ["PUT", "DELETE"].includes(r.method) && r.path !== "/" && ++writes === 2 },
      kind: "status",
      status: 403,
      body: "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>",
    });
  // ai-engine's new deployment stays DEPLOYING for three more periods, longer than railway-redeploy waits.
  if (faults.has("railway-still-deploying"))
    world.railway.behave("ai-engine", { outcome: ["DEPLOYING", "DEPLOYING", "DEPLOYING", "SUCCESS"] });
}
