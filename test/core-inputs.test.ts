import { describe, expect, it } from "vitest";
import { InputError, input, parseDuration, parseList, readInputs } from "../src/core/inputs.ts";
import { redact } from "../src/core/secrets.ts";
import { recordingToolkit } from "../src/core/toolkit.ts";

describe("durations", () => {
  it.each([
    ["90s", 90_000],
    ["5m", 300_000],
    ["1h", 3_600_000],
    ["1h30m", 5_400_000],
    ["300", 300_000],
    ["0", 0],
    ["250ms", 250],
    ["1m30s", 90_000],
    ["1.5s", 1500],
    ["2H", 7_200_000],
  ])("%s is %d ms", (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(["", "5 minutes", "m", "-1s", "1d", "30m1h", "ms"])("%j is not a duration", (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe("lists", () => {
  it("splits on commas and newlines and drops blanks", () => {
    expect(parseList("backend, ai-engine\n\nworker,")).toEqual(["backend", "ai-engine", "worker"]);
  });
});

describe("readInputs", () => {
  const shape = {
    token: input.secret({ required: true, example: "${{ secrets.TOKEN }}" }),
    wait: input.duration("5m"),
    "dry-run": input.boolean(false),
    strategy: input.choice(["rollback", "promote", "auto"] as const, "auto"),
    services: input.list({ required: true, example: "backend, ai-engine" }),
    "api-url": input.url({ default: "https://api.example.com/", example: "https://api.example.com" }),
    reason: input.text({ max: 10 }),
    headers: input.headers(),
  };

  it("applies defaults and types every value", () => {
    const tk = recordingToolkit({ token: "tok_123456", services: "backend" });
    expect(readInputs(tk, shape)).toEqual({
      token: "tok_123456",
      wait: 300_000,
      "dry-run": false,
      strategy: "auto",
      services: ["backend"],
      "api-url": "https://api.example.com",
      reason: "",
      headers: {},
    });
  });

  it("accepts getBooleanInput's spellings only", () => {
    for (const yes of ["true", "True", "TRUE"]) {
      expect(
        readInputs(recordingToolkit({ token: "tok_123456", services: "a", "dry-run": yes }), shape)[
          "dry-run"
        ],
      ).toBe(true);
    }
    expect(() =>
      readInputs(recordingToolkit({ token: "tok_123456", services: "a", "dry-run": "yes" }), shape),
    ).toThrow('Input "dry-run" is "yes", which is not a boolean: use true or false. Example: true');
  });

  it("names every bad input in one error, with an example each", () => {
    const tk = recordingToolkit({ wait: "soon", strategy: "revert", reason: "far too long a reason" });
    let error: unknown;
    try {
      readInputs(tk, shape);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message.split("\n")).toEqual([
      'Input "token" is required and empty. If it comes from a secret, check the secret exists and is passed to this workflow (secrets: inherit or by name). Example: ${{ secrets.TOKEN }}',
      'Input "wait" is "soon", which is not a duration: use seconds ("300") or units h, m, s, ms. Example: "90s", "5m", "1h30m"',
      'Input "strategy" is "revert"; it must be one of: rollback, promote, auto. Example: "auto"',
      'Input "services" is required. Example: backend, ai-engine',
      'Input "reason" is 21 characters long; at most 10 are allowed.',
    ]);
  });

  it("masks secrets and header values as soon as they are read, even when other inputs are bad", () => {
    const tk = recordingToolkit({
      token: "tok_never_shown",
      services: "",
      headers: "Authorization: Bearer hdr_never_shown\nX-Trace: 1",
    });
    expect(() => readInputs(tk, shape)).toThrow(InputError);
    expect(redact("tok_never_shown and Bearer hdr_never_shown")).toBe("*** and ***");
  });

  it("rejects malformed URLs and header lines without echoing header values", () => {
    const tk = recordingToolkit({
      token: "tok_123456",
      services: "a",
      "api-url": "ftp://x",
      headers: "X-Ok: 1\nbroken line with secret_value",
    });
    const message = (() => {
      try {
        readInputs(tk, shape);
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message).toContain('Input "api-url" is "ftp://x": only http and https URLs are supported.');
    expect(message).toContain('Input "headers" line 2 is not a "Name: value" header line.');
    expect(message).not.toContain("secret_value");
  });
});

describe("hostile input", () => {
  it("refuses a URL with credentials in it, naming the input and never quoting the password", () => {
    const tk = recordingToolkit({ "api-url": "https://deploy:hunter2-pass@api.example.com" });
    const read = () => readInputs(tk, { "api-url": input.url({ example: "https://api.example.com" }) });
    expect(read).toThrow(InputError);
    expect(read).toThrow(/^Input "api-url" has a user name or password in it \(https:\/\/user:pass@host\)/);
    expect(() => read()).not.toThrow(/hunter2/);
  });

  it("refuses a duration below its floor (a request timeout of 0)", () => {
    const tk = recordingToolkit({ "request-timeout": "0" });
    expect(() => readInputs(tk, { "request-timeout": input.duration("10s", { min: 100 }) })).toThrow(
      'Input "request-timeout" is "0"; it must be at least 100ms. Example: "10s"',
    );
  });

  it("masks the bare token of a header line, its base64 form, and a Basic password", () => {
    const basic = Buffer.from("ci:basic-pass-77x").toString("base64");
    const tk = recordingToolkit({
      headers: `Authorization: Bearer hdr_tok_55aa66bb\nX-Auth: Basic ${basic}`,
    });
    readInputs(tk, { headers: input.headers() });
    const echoed = `hdr_tok_55aa66bb ${Buffer.from("hdr_tok_55aa66bb").toString("base64")} ci:basic-pass-77x basic-pass-77x`;
    expect(redact(echoed)).toBe("*** *** *** ***");
  });
});
