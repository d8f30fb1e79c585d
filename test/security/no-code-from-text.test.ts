/** SECURITY.md: scenario text is data, never code. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors/index.js";
import { loadScenario } from "../../src/core/scenario/index.js";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith(".ts") && !e.name.endsWith(".test.ts")
        ? [join(dir, e.name)]
        : [],
  );
}

describe("scenario text", () => {
  it("never reaches eval, Function or a shell", () => {
    // The one reviewed use of child_process: `corridor serve --open` starts the platform's browser
    // opener with the server's own URL as an argument (no shell, no scenario text).
    const reviewed = new Set([join("src", "node", "server", "serve.ts")]);
    const offenders = sources("src").filter((file) => {
      const text = readFileSync(file, "utf8");
      if (/\beval\s*\(|new\s+Function\s*\(|\bFunction\s*\(|\bexecSync\b|shell:\s*true/.test(text))
        return true;
      return /node:child_process/.test(text) && !reviewed.has(file);
    });
    expect(offenders).toEqual([]);
  });

  it("keeps a !!js/function tag from becoming a function: it is an error at its line", () => {
    const text = readFileSync("scenarios/examples/two-routes.yaml", "utf8").replace(
      /^name: .*$/m,
      "name: !!js/function 'function () { process.exit(7) }'",
    );
    let error: unknown;
    try {
      loadScenario(text, "evil.yaml");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues[0]).toMatchObject({ code: "yaml-unknown-tag", file: "evil.yaml" });
  });

  it("bounds YAML alias expansion, so an alias bomb is an error rather than a hang", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 8; i++)
      bomb.push(
        `${"abcdefgh"[i]}: &${"abcdefgh"[i]} [${Array(10)
          .fill(`*${"abcdefgh"[i - 1]}`)
          .join(", ")}]`,
      );
    expect(() => loadScenario(bomb.join("\n"), "bomb.yaml")).toThrow(InputError);
  });
});
