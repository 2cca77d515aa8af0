import type { Toolkit } from "./toolkit.ts";
import { runUrl } from "./toolkit.ts";
import { formatMs } from "./wait.ts";

/** Escapes text for a markdown table cell. */
export function cell(value: unknown): string {
  if (value === undefined || value === null || value === "") return "–";
  return String(value).replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

export function table(header: string[], rows: unknown[][]): string {
  const lines = [`| ${header.map(cell).join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`];
  for (const row of rows) lines.push(`| ${row.map(cell).join(" | ")} |`);
  return `${lines.join("\n")}\n`;
}

export function link(text: string, url: string | undefined): string {
  return url ? `[${text}](${url})` : text;
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
    const run = runUrl(env);
    const footer = `<sub>${formatMs(Date.now() - this.started)}${run ? ` · ${link("workflow run", run)}` : ""}</sub>\n`;
    return [`## ${this.title}: ${outcome}\n`, ...this.parts, footer].join("\n");
  }

  async write(tk: Toolkit, outcome: string): Promise<void> {
    await tk.appendSummary(this.render(outcome, tk.env));
  }
}

/** Sets several outputs; undefined values are left unset. */
export function setOutputs(
  tk: Toolkit,
  outputs: Record<string, string | number | boolean | undefined>,
): void {
  for (const [name, value] of Object.entries(outputs)) {
    if (value !== undefined) tk.setOutput(name, String(value));
  }
}
