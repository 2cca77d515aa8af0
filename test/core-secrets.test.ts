import { describe, expect, it } from "vitest";
import { neutralise, redact, registerSecret } from "../src/core/secrets.ts";

const b64 = (text: string) => Buffer.from(text).toString("base64");

describe("registerSecret and redact", () => {
  it("masks the bare credential after any scheme, not only the whole header value", () => {
    for (const scheme of ["Bearer", "token", "Bot", "Basic", "Digest"]) {
      const credential = `cred_${scheme}_7f3a9c2e1b`;
      registerSecret(`${scheme} ${credential}`);
      expect(redact(`server said: invalid credential ${credential}`)).toBe(
        "server said: invalid credential ***",
      );
    }
  });

  it("masks the decoded user:pass of a Basic credential and the password alone", () => {
    registerSecret(`Basic ${b64("deploy-bot:s3cret-pa55word")}`);
    expect(redact("login deploy-bot:s3cret-pa55word refused")).toBe("login *** refused");
    expect(redact('{"password":"s3cret-pa55word"}')).toBe('{"password":"***"}');
  });

  it("masks base64 and base64url forms, whole and inside a longer encoded text", () => {
    const secret = "tok?>>~live~9d8c7b6a";
    registerSecret(secret);
    expect(redact(b64(secret))).not.toContain(b64(secret).slice(0, 12));
    expect(redact(Buffer.from(secret).toString("base64url"))).toBe("***");
    // The secret at every byte offset inside a Basic credential or a JWT-like blob.
    for (const prefix of ["u:", "us:", "use:"]) {
      for (const encode of ["base64", "base64url"] as const) {
        const blob = Buffer.from(`${prefix}${secret}!`).toString(encode);
        const shown = redact(`Authorization: Basic ${blob}`);
        expect(shown).toContain("***");
        // Masked: every character that encodes the secret's bytes alone.
        const survived = shown.replace("Authorization: Basic ", "").replace("***", "").length;
        expect(blob.length - survived).toBeGreaterThanOrEqual(Math.floor((secret.length * 4) / 3) - 1);
      }
    }
  });

  it("masks URL-encoded and JSON-escaped forms", () => {
    const secret = 'p@ss "word"/42';
    registerSecret(secret);
    expect(redact(`https://hooks.example/x?k=${encodeURIComponent(secret)}`)).toBe(
      "https://hooks.example/x?k=***",
    );
    expect(redact(JSON.stringify({ token: secret }))).toBe('{"token":"***"}');
  });

  it("returns each new form once, for the runner to mask too", () => {
    const forms = registerSecret("Bearer once_only_abcdef123");
    expect(forms[0]).toBe("Bearer once_only_abcdef123");
    expect(forms).toContain("once_only_abcdef123");
    expect(forms).toContain(b64("once_only_abcdef123"));
    expect(registerSecret("Bearer once_only_abcdef123")).toEqual([]);
  });

  it("leaves short values alone rather than masking ordinary words", () => {
    registerSecret("abc");
    expect(redact("abc abcdef")).toBe("abc abcdef");
  });
});

describe("neutralise", () => {
  it("defuses workflow commands at the start of any line", () => {
    const text = "deploy failed\n::error::fake\r\n  ::set-output name=x::y\r##[error]old style";
    const out = neutralise(text);
    for (const line of out.split(/\r\n|\r|\n/)) expect(line.trimStart().startsWith("::")).toBe(false);
    for (const line of out.split(/\r\n|\r|\n/)) expect(line.trimStart().startsWith("##[")).toBe(false);
    expect(out.replace(/\u200B/g, "")).toBe(text);
  });

  it("leaves ordinary text and commands in the middle of a line unchanged", () => {
    expect(neutralise("status: a::b and ::c")).toBe("status: a::b and ::c");
  });
});

describe("short Basic passwords", () => {
  it("masks a password as short as any secret may be", () => {
    registerSecret(`Basic ${Buffer.from("ops:hunt2").toString("base64")}`);
    expect(redact("bad password hunt2 for ops:hunt2")).toBe("bad password *** for ***");
  });
});

describe("control characters", () => {
  it("drops escape sequences a platform could use to recolour or hide log text, keeps tabs and breaks", () => {
    expect(neutralise("ok\u001b[8mhidden\u001b[0m\tend\n\u001b]8;;https://evil.example\u0007link")).toBe(
      "ok[8mhidden[0m\tend\n]8;;https://evil.examplelink",
    );
  });
});
