import { runContext } from "./context.ts";
import type { Toolkit } from "./toolkit.ts";
import { formatMs } from "./wait.ts";

/** Fits text into a markdown table cell: pipes escaped, line breaks as <br>. */
export function cell(value: unknown): string {
  if (value === undefined || value === null || value === "") return "–";
  return String(value)
    .replace(/\|/g, "\\|")
    .replace(/\r\n|\r|\n/g, "<br>");
}

/** Markdown written on purpose (a link): a table takes it as it is. */
export class Markdown {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  toString(): string {
    return this.text;
  }
}

/**
 * Text from platforms and people (commit messages, reasons, response bodies) made inert: it cannot
 * open links, images, HTML, code spans or emphasis of its own. Underscores inside words stay as they are
 * (`dpl_abc` is not emphasis), so ids read unchanged.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*~[\]<>]/g, "\\$&").replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, "\\_");
}

/** A table; plain values are escaped (`escapeMarkdown`), `Markdown` values (links) kept. */
export function table(header: string[], rows: unknown[][]): string {
  const inert = (value: unknown) =>
    value instanceof Markdown ? value.text : typeof value === "string" ? escapeMarkdown(value) : value;
  const lines = [`| ${header.map(cell).join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`];
  for (const row of rows) lines.push(`| ${row.map((value) => cell(inert(value))).join(" | ")} |`);
  return `${lines.join("\n")}\n`;
}

// Characters that would end a link's destination early; encodeURIComponent leaves the parentheses alone.
const percentEncode = (char: string) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`;

/** A markdown link (text escaped); the plain text when there is no URL. */
export function link(text: string, url: string | undefined): Markdown | string {
  return url ? new Markdown(`[${escapeMarkdown(text)}](${url.replace(/[\s()<>]/g, percentEncode)})`) : text;
}

/**
 * A job summary under construction: a heading with the outcome, sections, then the run's link and
 * duration. Markdown, so the CLI can print the same text.
 */
export class Summary {
  private parts: string[] = [];
  private readonly title: string;
  private readonly started: number;

  constructor(title: string, started = Date.now()) {
    this.title = title;
    this.started = started;
  }

  heading(text: string): this {
    this.parts.push(`### ${text}\n`);
    return this;
  }

  text(markdown: string): this {
    this.parts.push(`${markdown}\n`);
    return this;
  }

  table(header: string[], rows: unknown[][]): this {
    this.parts.push(table(header, rows));
    return this;
  }

  list(items: string[]): this {
    if (items.length) this.parts.push(`${items.map((item) => `- ${item}`).join("\n")}\n`);
    return this;
  }

  details(label: string, markdown: string): this {
    this.parts.push(`<details><summary>${label}</summary>\n\n${markdown}\n</details>\n`);
    return this;
  }

  render(outcome: string, env: Record<string, string | undefined> = {}): string {
    const run = runContext(env).runUrl;
    const footer = `<sub>${formatMs(Date.now() - this.started)}${run ? ` · ${link("workflow run", run)}` : ""}</sub>\n`;
    return [`## ${this.title}: ${outcome}\n`, ...this.parts, footer].join("\n");
  }

  async write(tk: Toolkit, outcome: string): Promise<void> {
    await tk.appendSummary(this.render(outcome, tk.env));
  }
}

export type Outputs = Record<string, string | number | boolean | undefined>;

/** Sets several outputs; undefined values are left unset. */
export function setOutputs(tk: Toolkit, outputs: Outputs): void {
  for (const [name, value] of Object.entries(outputs)) {
    if (value !== undefined) tk.setOutput(name, String(value));
  }
}
