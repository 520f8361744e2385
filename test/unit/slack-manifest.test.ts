import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { commands } from "../../commands/index.ts";
import { runManifestCli } from "../../src/cli/manifest.ts";
import { createDispatcher } from "../../src/core/dispatch.ts";
import type { OptionSpec } from "../../src/core/options.ts";
import { usageArguments } from "../../src/core/usage.ts";
import { buildManifest } from "../../src/platforms/slack/manifest.ts";

interface SlashCommand {
  command: string;
  description: string;
  usage_hint?: string;
  url?: string;
  should_escape: boolean;
}
interface Manifest {
  features: { slash_commands: SlashCommand[]; bot_user: { display_name: string } };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[]; request_url?: string };
    interactivity: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled: boolean;
    org_deploy_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

const visible = createDispatcher({ commands }).commands;

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io = {
    out: (s: string) => {
      out += `${s}\n`;
    },
    err: (s: string) => {
      err += `${s}\n`;
    },
  };
  const code = await runManifestCli(argv, io, commands);
  return { code, out, err };
}

describe("Slack manifest", () => {
  it("lists every visible command of the registry, and no hidden one", () => {
    const m = buildManifest(commands, { mode: "socket" }) as Manifest;
    const names = m.features.slash_commands.map((c) => c.command);
    assert.deepEqual(
      names,
      visible.map((c) => `/${c.name}`),
    );
    for (const hidden of commands.filter((c) => c.hidden))
      assert.ok(!names.includes(`/${hidden.name}`));
    for (const c of m.features.slash_commands) {
      assert.equal(c.should_escape, false);
      assert.ok(c.description.length > 0 && c.description.length <= 2000);
      assert.equal(c.url, undefined);
    }
  });

  it("builds usage hints from the option declarations", () => {
    for (const command of visible) {
      const hint = usageArguments(command);
      for (const [name, spec] of Object.entries(command.options as Record<string, OptionSpec>)) {
        if (spec.kind === "choice")
          for (const choice of spec.choices) assert.ok(hint.includes(choice.value), hint);
        if (spec.kind === "string")
          assert.ok(hint.includes(spec.required ? `<${name}>` : `[${name}]`), hint);
      }
    }
  });

  it("asks for the minimal scopes and subscribes to mentions and DMs", () => {
    const m = buildManifest(commands, { mode: "socket" }) as Manifest;
    assert.deepEqual(m.oauth_config.scopes.bot.sort(), [
      "app_mentions:read",
      "chat:write",
      "commands",
      "files:write", // the pictures' upload (files.uploadV2)
      "im:history",
    ]);
    assert.deepEqual(m.settings.event_subscriptions.bot_events, ["app_mention", "message.im"]);
    assert.equal(m.settings.socket_mode_enabled, true);
    assert.equal(m.settings.interactivity.is_enabled, true);
    assert.equal(m.settings.org_deploy_enabled, false);
    assert.equal(m.settings.token_rotation_enabled, false);
    assert.equal(m.settings.event_subscriptions.request_url, undefined);
  });

  it("points every URL at /slack/events in HTTP mode", () => {
    const m = buildManifest(commands, {
      mode: "http",
      requestUrl: "https://bot.example.com/",
    }) as Manifest;
    const url = "https://bot.example.com/slack/events";
    assert.equal(m.settings.socket_mode_enabled, false);
    assert.equal(m.settings.event_subscriptions.request_url, url);
    assert.equal(m.settings.interactivity.request_url, url);
    for (const c of m.features.slash_commands) assert.equal(c.url, url);
  });

  it("prints YAML that parses back to the same manifest", async () => {
    const { code, out } = await cli(["--mode", "http", "--url", "https://bot.example.com"]);
    assert.equal(code, 0);
    const parsed = parse(out) as Manifest;
    assert.deepEqual(
      parsed,
      buildManifest(commands, { mode: "http", requestUrl: "https://bot.example.com" }),
    );
  });

  it("rejects a bad mode, a missing URL and a non-https URL with exit code 2", async () => {
    assert.equal((await cli(["--mode", "websocket"])).code, 2);
    const missing = await cli(["--mode=http"]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /needs --url/);
    assert.equal((await cli(["--mode", "http", "--url", "http://insecure.example.com"])).code, 2);
  });

  it("refuses --url without --mode http, instead of printing a Socket Mode manifest", async () => {
    const { code, out, err } = await cli(["--url", "https://bot.example.com"]);
    assert.equal(code, 2);
    assert.equal(out, "");
    assert.match(err, /--url is for HTTP mode: add --mode http/);
  });

  it("--help exits 0 with the complete usage", async () => {
    const { code, out, err } = await cli(["--help"]);
    assert.equal(code, 0);
    assert.equal(err, "");
    for (const flag of ["--mode socket|http", "--url"]) assert.ok(out.includes(flag), out);
  });
});
