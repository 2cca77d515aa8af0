import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { z } from "zod";
import { actions, loadAction } from "../src/actions/registry.ts";
import { input } from "../src/core/inputs.ts";

interface Metadata {
  name: string;
  description: string;
  inputs?: Record<string, { description?: string; required?: boolean; default?: string }>;
  outputs?: Record<string, { description?: string }>;
  runs: { using: string; main: string };
}

const names = readdirSync("actions").sort();
const read = (name: string) => parse(readFileSync(`actions/${name}/action.yml`, "utf8")) as Metadata;

/** What the action reads for a raw input string: a value, or "rejected". */
function reads(schema: z.ZodType<unknown, string>, raw: string): unknown {
  const result = schema.safeParse(raw);
  return result.success ? result.data : "rejected";
}

const empty = (value: unknown) =>
  value === undefined ||
  value === "" ||
  value === "rejected" ||
  value === false ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === "object" && value !== null && Object.keys(value).length === 0);

describe("every action folder", () => {
  it("is an action the shared bundle knows", () => {
    expect(Object.keys(actions).sort()).toEqual(names);
  });

  for (const name of names) {
    it(`${name}: action.yml declares exactly the inputs the action reads, with the same defaults`, async () => {
      const meta = read(name);
      const definition = await loadAction(name);
      const shape: Record<string, z.ZodType<unknown, string>> = {
        ...definition.inputs,
        "dry-run": input.boolean(false),
      };
      expect(Object.keys(meta.inputs ?? {}).sort(), "inputs declared in action.yml").toEqual(
        Object.keys(shape).sort(),
      );
      for (const [inputName, declared] of Object.entries(meta.inputs ?? {})) {
        const schema = shape[inputName] as z.ZodType<unknown, string>;
        expect(declared.description, `${inputName} has a description`).toBeTruthy();
        const unset = reads(schema, "");
        // The runner passes the declared default when the input is unset; github.token is its own.
        if (declared.default === undefined || /\$\{\{/.test(declared.default)) {
          expect(empty(unset), `${inputName}: no default in action.yml, so none in the schema`).toBe(true);
        } else {
          expect(
            unset,
            `${inputName}: the schema's default equals action.yml's "${declared.default}"`,
          ).toEqual(reads(schema, declared.default));
        }
      }
    });

    it(`${name}: runs on node24 from its own entry in dist/, and says what every output is`, () => {
      const meta = read(name);
      expect(meta.runs).toEqual({ using: "node24", main: `../../dist/${name}/index.js` });
      expect(meta.description).toBeTruthy();
      for (const [output, spec] of Object.entries(meta.outputs ?? {}))
        expect(spec.description, `output ${output}`).toBeTruthy();
      expect(Object.keys(meta.outputs ?? {})).toContain("status");
    });
  }
});
