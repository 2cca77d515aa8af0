import { expect } from "vitest";

// Structural checks written from each platform's documentation, independent of the renderers:
// Block Kit (api.slack.com/reference/block-kit/blocks), Discord's embed object
// (discord.com/developers/docs/resources/message#embed-object), and the Teams workflow's message with an
// Adaptive Card attachment (adaptivecards.io/explorer, learn.microsoft.com Teams webhooks).

type Json = Record<string, unknown>;
const obj = (value: unknown) => value as Json;
const arr = (value: unknown) => value as unknown[];

function textObject(value: unknown, max: number, types = ["plain_text", "mrkdwn"]) {
  const text = obj(value);
  expect(types).toContain(text.type);
  expect(typeof text.text).toBe("string");
  expect((text.text as string).length).toBeGreaterThan(0);
  expect((text.text as string).length).toBeLessThanOrEqual(max);
}

/** A chat.postMessage / incoming-webhook body with Block Kit blocks. */
export function expectSlackMessage(payload: unknown) {
  const body = obj(payload);
  // `text` is the notification fallback, required with blocks for accessibility.
  expect(typeof body.text).toBe("string");
  const blocks = arr(body.blocks);
  expect(Array.isArray(blocks)).toBe(true);
  expect(blocks.length).toBeGreaterThan(0);
  expect(blocks.length).toBeLessThanOrEqual(50);
  for (const raw of blocks) {
    const block = obj(raw);
    switch (block.type) {
      case "header":
        textObject(block.text, 150, ["plain_text"]);
        break;
      case "section": {
        expect(block.text !== undefined || block.fields !== undefined).toBe(true);
        if (block.text !== undefined) textObject(block.text, 3000);
        if (block.fields !== undefined) {
          const fields = arr(block.fields);
          expect(fields.length).toBeGreaterThan(0);
          expect(fields.length).toBeLessThanOrEqual(10);
          for (const field of fields) textObject(field, 2000);
        }
        break;
      }
      case "context": {
        const elements = arr(block.elements);
        expect(elements.length).toBeGreaterThan(0);
        expect(elements.length).toBeLessThanOrEqual(10);
        for (const element of elements) textObject(element, 3000);
        break;
      }
      case "actions": {
        const elements = arr(block.elements);
        expect(elements.length).toBeGreaterThan(0);
        expect(elements.length).toBeLessThanOrEqual(25);
        for (const raw of elements) {
          const button = obj(raw);
          expect(button.type).toBe("button");
          textObject(button.text, 75, ["plain_text"]);
          expect(String(button.url).length).toBeLessThanOrEqual(3000);
          if (button.style !== undefined) expect(["primary", "danger"]).toContain(button.style);
        }
        break;
      }
      default:
        throw new Error(`unexpected block type ${String(block.type)}`);
    }
  }
  return blocks.map((block) => obj(block));
}

/** An execute-webhook body with embeds, within every embed limit. */
export function expectDiscordMessage(payload: unknown) {
  const body = obj(payload);
  const embeds = arr(body.embeds);
  expect(embeds.length).toBeGreaterThan(0);
  expect(embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  const len = (value: unknown) => (typeof value === "string" ? value.length : 0);
  for (const raw of embeds) {
    const embed = obj(raw);
    expect(len(embed.title)).toBeLessThanOrEqual(256);
    expect(len(embed.description)).toBeLessThanOrEqual(4096);
    expect(Number.isInteger(embed.color)).toBe(true);
    expect((embed.color as number) >= 0 && (embed.color as number) <= 0xffffff).toBe(true);
    expect(Number.isNaN(Date.parse(String(embed.timestamp)))).toBe(false);
    const fields = arr(embed.fields ?? []);
    expect(fields.length).toBeLessThanOrEqual(25);
    for (const raw of fields) {
      const field = obj(raw);
      expect(len(field.name)).toBeGreaterThan(0);
      expect(len(field.name)).toBeLessThanOrEqual(256);
      expect(len(field.value)).toBeGreaterThan(0);
      expect(len(field.value)).toBeLessThanOrEqual(1024);
      if (field.inline !== undefined) expect(typeof field.inline).toBe("boolean");
      total += len(field.name) + len(field.value);
    }
    const footer = obj(embed.footer ?? {});
    expect(len(footer.text)).toBeLessThanOrEqual(2048);
    total += len(embed.title) + len(embed.description) + len(footer.text) + len(obj(embed.author ?? {}).name);
  }
  expect(total).toBeLessThanOrEqual(6000);
  return obj(embeds[0]);
}

/** A Teams workflow message: one Adaptive Card attachment, under ~28 KB. */
export function expectTeamsMessage(payload: unknown) {
  expect(Buffer.byteLength(JSON.stringify(payload), "utf8")).toBeLessThanOrEqual(28 * 1024);
  const body = obj(payload);
  expect(body.type).toBe("message");
  const attachments = arr(body.attachments);
  expect(attachments).toHaveLength(1);
  const attachment = obj(attachments[0]);
  expect(attachment.contentType).toBe("application/vnd.microsoft.card.adaptive");
  const card = obj(attachment.content);
  expect(card.type).toBe("AdaptiveCard");
  expect(card.version).toMatch(/^1\.\d$/);
  expect(card.$schema).toBe("http://adaptivecards.io/schemas/adaptive-card.json");
  const elements = arr(card.body).map(obj);
  expect(elements.length).toBeGreaterThan(0);
  for (const element of elements) {
    expect(["TextBlock", "FactSet", "Container", "ColumnSet"]).toContain(element.type);
    if (element.type === "TextBlock") expect(typeof element.text).toBe("string");
    if (element.type === "FactSet") {
      for (const fact of arr(element.facts).map(obj)) {
        expect(typeof fact.title).toBe("string");
        expect(typeof fact.value).toBe("string");
      }
    }
  }
  for (const action of arr(card.actions ?? []).map(obj)) {
    expect(action.type).toBe("Action.OpenUrl");
    expect(typeof action.title).toBe("string");
    expect(() => new URL(String(action.url))).not.toThrow();
  }
  return { card, elements };
}
