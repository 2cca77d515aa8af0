// smoke-test's `body-matches` engine (re2js, linear time) beside JavaScript's RegExp (backtracking) on a
// catastrophic pattern, and on an ordinary pattern over a large JSON body. Run: node bench/body-matches.ts
import { parseChecks } from "../src/smoke/checks.ts";

async function pattern(source: string) {
  const [check] = await parseChecks(
    JSON.stringify([{ url: "https://x.test", expect: { "body-matches": source } }]),
  );
  const compiled = check?.expect.bodyMatches;
  if (!compiled) throw new Error("no pattern");
  return compiled;
}

function time(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

const catastrophic = await pattern("^(a+)+$");
console.log("^(a+)+$ on n × 'a' then '!' (no match):");
let last = 0;
for (const n of [18, 20, 22, 24, 26]) {
  const text = `${"a".repeat(n)}!`;
  last = time(() => /^(a+)+$/.test(text));
  console.log(
    `  n=${n}: RegExp ${last.toFixed(0)} ms   re2js ${time(() => catastrophic.test(text)).toFixed(2)} ms`,
  );
}
// Each two more characters multiply the backtracking engine's work by about four.
const hours = (last * 4 ** 7) / 3_600_000;
const forty = `${"a".repeat(40)}!`;
console.log(
  `  n=40: RegExp ≈ ${hours.toFixed(1)} h (extrapolated)   re2js ${time(() => catastrophic.test(forty)).toFixed(2)} ms`,
);
const mib = `${"a".repeat(1024 * 1024)}!`;
console.log(
  `  1 MiB body (the most a check reads): re2js ${time(() => catastrophic.test(mib)).toFixed(0)} ms`,
);

const ordinary = await pattern('version":"1\\.4\\.\\d+');
const body = JSON.stringify({
  items: Array.from({ length: 20_000 }, (_, id) => ({ id, ok: true })),
  version: "1.4.2",
});
console.log(`version":"1\\.4\\.\\d+ over ${Math.round(body.length / 1024)} KiB of JSON (match at the end):`);
console.log(
  `  RegExp ${time(() => /version":"1\.4\.\d+/.test(body)).toFixed(2)} ms   re2js ${time(() => ordinary.test(body)).toFixed(2)} ms`,
);
