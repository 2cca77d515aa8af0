import { describe, expect, it } from "vitest";
import { escapeMarkdown, link, table } from "../src/core/report.ts";

describe("job summary tables from platform and people's text", () => {
  it("keep commit messages, reasons and bodies inert: no links, images, HTML, code or emphasis", () => {
    const subject =
      "Fix ![x](https://t.example/p.gif) <img src=x> [docs](https://evil.example) `rm` **now** _a_ ~~b~~";
    const [, , row] = table(["Commit", "Subject"], [["abc1234", subject]]).split("\n");
    expect(row).toBe(
      "| abc1234 | Fix !\\[x\\](https://t.example/p.gif) \\<img src=x\\> \\[docs\\](https://evil.example) \\`rm\\` \\*\\*now\\*\\* \\_a\\_ \\~\\~b\\~\\~ |",
    );
  });

  it("leave ids with inner underscores as they read, and keep cells on one row", () => {
    const [, , row] = table(["id", "note"], [["dpl_abc_123", "a | b\r\nc\rd"]]).split("\n");
    expect(row).toBe("| dpl_abc_123 | a \\| b<br>c<br>d |");
  });

  it("keep links made on purpose, with their text escaped and the URL unable to break out", () => {
    const [, , row] = table(["commit"], [[link("fix [1]", "https://github.com/a/b/commit/1 (x)")]]).split(
      "\n",
    );
    expect(row).toBe("| [fix \\[1\\]](https://github.com/a/b/commit/1%20%28x%29) |");
    expect(link("plain", undefined)).toBe("plain");
    expect(escapeMarkdown("a\\b")).toBe("a\\\\b");
  });
});
