/** The slash-command JSON is generated from the registry, within Discord's limits. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { commands } from "../../commands/index.ts";
import type { OptionSpec } from "../../src/core/options.ts";
import { commandsJson } from "../../src/platforms/discord/command-json.ts";
import { inviteUrl } from "../../src/platforms/discord/invite.ts";
import { diffCommands } from "../../src/platforms/discord/sync-commands.ts";

const json = commandsJson(commands);

test("every visible command, and no hidden one, is registered", () => {
  assert.deepEqual(
    json.map((c) => c.name),
    commands.filter((c) => !c.hidden).map((c) => c.name),
  );
});

test("options carry descriptions, choices, limits and autocomplete from the definitions", () => {
  for (const command of commands.filter((c) => !c.hidden)) {
    const sent = json.find((c) => c.name === command.name);
    assert.ok(sent && sent.description.length <= 100 && /^[a-z0-9_-]{1,32}$/.test(sent.name));
    for (const [name, spec] of Object.entries(command.options as Record<string, OptionSpec>)) {
      const opt = sent.options?.find((o) => o.name === name) as Record<string, unknown> | undefined;
      assert.ok(opt, `${command.name}.${name}`);
      assert.ok(String(opt.description).length > 0 && String(opt.description).length <= 100);
      assert.equal(Boolean(opt.required), spec.required);
      if (spec.kind === "choice") {
        const choices = opt.choices as { name: string; value: string }[];
        assert.deepEqual(
          choices.map((c) => c.value),
          spec.choices.map((c) => c.value),
        );
        for (const c of choices) assert.ok(c.name.length <= 100);
      }
      if (spec.kind === "string") {
        assert.equal(opt.max_length, spec.maxLength);
        assert.equal(opt.autocomplete, Boolean(spec.autocomplete));
      }
      if (spec.kind === "boolean") assert.equal(opt.type, 5);
    }
    const required = (sent.options ?? []).map((o) => Boolean(o.required));
    assert.deepEqual(
      required,
      [...required].sort((a, b) => Number(b) - Number(a)),
      "required options first",
    );
  }
});

test("diff says what was added, updated and removed", () => {
  const existing = [
    { ...json[0], description: "old description" },
    { name: "retired", description: "gone", options: [] },
  ] as Record<string, unknown>[];
  const diff = diffCommands(existing, json);
  assert.deepEqual(diff.updated, [json[0]?.name]);
  assert.deepEqual(diff.removed, ["retired"]);
  assert.equal(diff.added.length, json.length - 1);
});

test("invite URL asks for both scopes and the six permissions", () => {
  const url = new URL(inviteUrl("123"));
  assert.equal(url.searchParams.get("scope"), "bot applications.commands");
  // View Channels, Send Messages, Send Messages in Threads, Embed Links, Attach Files (the
  // pictures), Read Message History, Add Reactions
  const expected =
    (1n << 10n) | (1n << 11n) | (1n << 38n) | (1n << 14n) | (1n << 15n) | (1n << 16n) | (1n << 6n);
  assert.equal(url.searchParams.get("permissions"), expected.toString());
});
