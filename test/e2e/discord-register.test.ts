/**
 * `npm run register` against the loopback Discord: one bulk overwrite to the
 * guild route or the global route, a report of what changed, the invite URL.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { commands } from "../../commands/index.ts";
import { runRegisterCli } from "../../src/cli/register.ts";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/fake-discord.ts";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { out: (l: string) => void out.push(l), err: (l: string) => void err.push(l) },
  };
}

interface SentCommand {
  name: string;
  description: string;
  options: {
    name: string;
    required?: boolean;
    autocomplete?: boolean;
    max_length?: number;
    choices?: { value: string }[];
  }[];
}

describe("npm run register", () => {
  let fake: FakeDiscord;
  let env: NodeJS.ProcessEnv;
  before(async () => {
    fake = await startFakeDiscord();
    env = {
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.ids.applicationId,
      DISCORD_API_URL: fake.apiUrl,
    };
  });
  after(async () => {
    await fake?.close();
  });

  test("with DISCORD_GUILD_ID: reads, then one bulk PUT to the guild route", async () => {
    const c = capture();
    const code = await runRegisterCli([], { ...env, DISCORD_GUILD_ID: fake.ids.guildId }, c.io);
    assert.equal(code, 0, c.err.join("\n"));
    const route = `/applications/${fake.ids.applicationId}/guilds/${fake.ids.guildId}/commands`;
    const calls = fake.requests.filter((r) => r.path === route);
    assert.deepEqual(
      calls.map((r) => r.method),
      ["GET", "PUT"],
    );
    const body = calls[1]?.body as SentCommand[];
    const visible = commands.filter((cmd) => !cmd.hidden);
    assert.deepEqual(body.map((b) => b.name).sort(), visible.map((cmd) => cmd.name).sort());
    assert.ok(
      !body.some((b) => commands.find((cmd) => cmd.name === b.name)?.hidden),
      "no hidden command",
    );

    const ask = body.find((b) => b.name === "ask");
    const question = ask?.options.find((o) => o.name === "question");
    assert.equal(question?.required, true);
    assert.equal(question?.autocomplete, true);
    assert.ok(question?.max_length);
    assert.ok(ask?.options.some((o) => o.name === "public"));
    const topics = body.find((b) => b.name === "incident")?.options.find((o) => o.choices);
    assert.ok(topics?.choices?.some((ch) => ch.value === "timeline"));

    const printed = c.out.join("\n");
    assert.match(
      printed,
      new RegExp(
        `^Registered ${visible.length} commands in guild ${fake.ids.guildId} with one bulk overwrite; they are available there at once\\.$`,
        "m",
      ),
    );
    assert.match(
      printed,
      /^Compared with before: added ask, .+; updated none; removed none; unchanged none\.$/m,
    );
    assert.match(printed, /scope=bot\+applications\.commands/);
    assert.match(printed, /permissions=\d+/);
    assert.ok(!printed.includes(fake.token));
  });

  test("a second run reports nothing changed", async () => {
    const c = capture();
    assert.equal(await runRegisterCli([], { ...env, DISCORD_GUILD_ID: fake.ids.guildId }, c.io), 0);
    const printed = c.out.join("\n");
    assert.match(printed, /added none; updated none; removed none; unchanged ask, /);
  });

  test("without DISCORD_GUILD_ID: one bulk PUT to the global route", async () => {
    const c = capture();
    assert.equal(await runRegisterCli([], env, c.io), 0, c.err.join("\n"));
    const route = `/applications/${fake.ids.applicationId}/commands`;
    const puts = fake.requests.filter((r) => r.path === route && r.method === "PUT");
    assert.equal(puts.length, 1);
    assert.equal(
      (puts[0]?.body as unknown[] | undefined)?.length,
      commands.filter((cmd) => !cmd.hidden).length,
    );
    assert.match(
      c.out.join("\n"),
      /commands globally with one bulk overwrite; they may take up to an hour/,
    );
  });

  test("--clear empties the guild's commands with one PUT of []", async () => {
    const c = capture();
    assert.equal(
      await runRegisterCli(["--clear"], { ...env, DISCORD_GUILD_ID: fake.ids.guildId }, c.io),
      0,
    );
    const route = `/applications/${fake.ids.applicationId}/guilds/${fake.ids.guildId}/commands`;
    const lastPut = fake.requests.filter((r) => r.path === route && r.method === "PUT").at(-1);
    assert.deepEqual(lastPut?.body, []);
    assert.match(
      c.out.join("\n"),
      /^Removed every command in guild \d+ with one bulk overwrite\.$/m,
    );
    assert.match(c.out.join("\n"), /removed ask, /);
  });

  test("--help exits 0 with every flag; an unknown flag is a usage error", async () => {
    const help = capture();
    assert.equal(await runRegisterCli(["--help"], {}, help.io), 0);
    for (const flag of ["--dry-run", "--global", "--clear"])
      assert.ok(help.out.join("\n").includes(flag), flag);
    const wrong = capture();
    assert.equal(await runRegisterCli(["--glboal"], {}, wrong.io), 2);
    assert.match(wrong.err.join("\n"), /--glboal/);
  });

  test("a missing variable is named", async () => {
    const c = capture();
    assert.equal(await runRegisterCli([], { DISCORD_TOKEN: fake.token }, c.io), 1);
    assert.match(c.err.join("\n"), /DISCORD_APPLICATION_ID/);
    assert.ok(!c.err.join("\n").includes(fake.token));
  });

  test("an HTTP-only setup is told to pass DISCORD_TOKEN to this command", async () => {
    const c = capture();
    const httpOnly = {
      DISCORD_APPLICATION_ID: fake.ids.applicationId,
      DISCORD_PUBLIC_KEY: "ab".repeat(32),
    };
    assert.equal(await runRegisterCli([], httpOnly, c.io), 1);
    assert.match(c.err.join("\n"), /DISCORD_TOKEN=\.\.\. npm run register/);
    // With the token as well, it registers as usual.
    const withToken = { ...httpOnly, DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl };
    assert.equal(await runRegisterCli([], withToken, capture().io), 0);
  });

  test("a guild the bot is not in gives the Missing Access fix", async () => {
    const c = capture();
    assert.equal(await runRegisterCli([], { ...env, DISCORD_GUILD_ID: "42" }, c.io), 1);
    assert.match(c.err.join("\n"), /50001 Missing Access.*applications\.commands/s);
  });

  test("a bad token gives the Reset Token fix", async () => {
    const c = capture();
    assert.equal(await runRegisterCli([], { ...env, DISCORD_TOKEN: "wrong" }, c.io), 1);
    assert.match(c.err.join("\n"), /Reset Token/);
  });
});
