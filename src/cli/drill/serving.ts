// The drill's last word: one line per Railway service and Vercel project, read back from the simulators, saying
// what serves now and whether traffic is stopped, so nobody has to work it out from the timeline.
import type { World } from "./world.ts";

const IN_FLIGHT = new Set(["INITIALIZING", "BUILDING", "DEPLOYING", "QUEUED", "WAITING"]);

export interface Serving {
  name: string;
  /** Good: the rolled-back version serves; bad: the incident's version; stopped: nothing serves. */
  state: "good" | "bad" | "stopped";
  text: string;
}

export function servingNow(world: World, services: string[], vercelOn: boolean): Serving[] {
  const lines: Serving[] = services.map((service) => {
    const name = `Railway ${service}`;
    const active = world.railway.activeDeployment(service);
    const deploying = world.railway
      .deploymentsOf(service)
      .find((d) => IN_FLIGHT.has(d.status) && d.createdAt > (active?.createdAt ?? 0));
    const after = deploying ? `; ${deploying.id} is still ${deploying.status.toLowerCase()}` : "";
    if (!active || active.stopped)
      return { name, state: "stopped", text: `${name}: nothing serves, traffic STOPPED${after}` };
    const image = String(active.meta.image);
    const bad = world.badImages.has(image);
    return {
      name,
      state: bad ? "bad" : "good",
      text: `${name}: ${active.id} (${image}) serves, ${bad ? "the BAD version" : "the rolled-back version"}, traffic flowing${after}`,
    };
  });
  if (vercelOn) {
    const name = "Vercel shop";
    const project = world.vercel.project("shop");
    const visit = world.vercel.visit(world.shopDomain);
    if (visit.status === 503) {
      lines.push({ name, state: "stopped", text: `${name}: paused, visitors get 503, traffic STOPPED` });
    } else {
      const bad = visit.deploymentId === "dpl_bad";
      // Pinned: auto-assignment off, so the next build does not take production from the rollback.
      const pinned = project?.autoAssignCustomDomains === false ? "pinned" : "not pinned";
      lines.push({
        name,
        state: bad ? "bad" : "good",
        text: `${name}: ${visit.deploymentId} serves ${world.shopDomain} (${pinned}), ${bad ? "the BAD version" : "the rolled-back version"}, traffic flowing`,
      });
    }
  }
  return lines;
}
