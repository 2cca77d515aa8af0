// smoke-test throughput: N checks × S samples against a local server answering after a fixed delay,
// compared with the lower bound the settings allow. Run: node bench/smoke.ts
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import smokeTest from "../src/actions/smoke-test/index.ts";
import { runDefinition } from "../src/core/action.ts";
import { recordingToolkit } from "../src/core/toolkit.ts";

async function server(delayMs: number) {
  const http = createServer((_req, res) => {
    setTimeout(
      () => res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}'),
      delayMs,
    );
  });
  http.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return { http, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };
}

/**
 * Each check makes 1 warm-up + `samples` requests. The slots bound the total; the last check cannot
 * start its warm-up before the earlier batches are done, and then needs its own verification chain.
 */
function lowerBound(
  checks: number,
  samples: number,
  concurrency: number,
  delayMs: number,
  intervalMs: number,
) {
  const slots = Math.ceil((checks * (1 + samples)) / concurrency) * delayMs;
  const lastWarmUp = Math.ceil(checks / concurrency) * delayMs;
  const chain = lastWarmUp + Math.max(0, samples - 1) * Math.max(intervalMs, delayMs) + delayMs;
  return Math.max(slots, chain);
}

async function scenario(
  name: string,
  o: { checks: number; samples: number; concurrency: number; delayMs: number; intervalMs: number },
) {
  const { http, url } = await server(o.delayMs);
  const urls = Array.from({ length: o.checks }, (_, i) => `${url}/health/${i}`).join("\n");
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const tk = recordingToolkit({
      url: urls,
      samples: String(o.samples),
      interval: `${o.intervalMs}ms`,
      concurrency: String(o.concurrency),
    });
    const started = performance.now();
    await runDefinition(smokeTest, tk);
    times.push(performance.now() - started);
    if (tk.outputs.status !== "pass") throw new Error(`${name}: verdict ${tk.outputs.status}`);
  }
  http.close();
  const best = Math.min(...times);
  const median = [...times].sort((a, b) => a - b)[1] ?? best;
  const bound = lowerBound(o.checks, o.samples, o.concurrency, o.delayMs, o.intervalMs);
  const ratio = bound > 0 ? `; lower bound ${bound} ms; ratio ${(median / bound).toFixed(2)}×` : "";
  console.log(`${name}: median ${Math.round(median)} ms, best ${Math.round(best)} ms${ratio}`);
}

await scenario("50 checks × 3 samples, 100 ms server, concurrency 10, interval 0", {
  checks: 50,
  samples: 3,
  concurrency: 10,
  delayMs: 100,
  intervalMs: 0,
});
await scenario("50 checks × 3 samples, 100 ms server, concurrency 50, interval 0", {
  checks: 50,
  samples: 3,
  concurrency: 50,
  delayMs: 100,
  intervalMs: 0,
});
await scenario("50 checks × 3 samples, 100 ms server, concurrency 10, interval 1s", {
  checks: 50,
  samples: 3,
  concurrency: 10,
  delayMs: 100,
  intervalMs: 1000,
});
await scenario("one pass over 50 URLs (1 sample), instant server, concurrency 10", {
  checks: 50,
  samples: 1,
  concurrency: 10,
  delayMs: 0,
  intervalMs: 0,
});
