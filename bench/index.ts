/**
 * `npm run bench`: benchmarks on loopback, printing figures (no pass/fail).
 * `npm run bench -- NAME...` runs only those; `npm run bench -- --list`
 * names them. Each part bounds its own request count and time.
 */
interface Bench {
  name: string;
  about: string;
  run(): Promise<void>;
}

const BENCHES: Bench[] = [
  {
    name: "engine",
    about: "the answer engine alone, per question",
    run: async () => (await import("./engine.ts")).benchEngine(),
  },
  {
    name: "pictures",
    about: "the timeline and policy-versions pictures, rendered",
    run: async () => (await import("./pictures.ts")).benchPictures(),
  },
  {
    name: "discord-gateway",
    about: "Discord round trips through the loopback gateway",
    run: async () => (await import("./discord.ts")).benchDiscord(),
  },
  {
    name: "slack-http",
    about: "Slack HTTP mode vs a bare Bolt app, same run (throughput, p99)",
    run: async () => (await import("./slack-http.ts")).benchSlackHttp(),
  },
  {
    name: "discord-http",
    about: "Discord HTTP interactions vs a bare node:http Ed25519 endpoint",
    run: async () => (await import("./discord-http.ts")).benchDiscordHttp(),
  },
  {
    name: "memory",
    about: "peak RSS under 5,000 Slack requests vs a bare Bolt app",
    run: async () => (await import("./memory.ts")).benchMemory(),
  },
  {
    name: "instances",
    about: "two instances on one Redis vs one instance",
    run: async () => (await import("./instances.ts")).benchInstances(),
  },
  {
    name: "load",
    about: "in-process Slack and gateway Discord load (one process for bot and stand-ins)",
    run: async () => (await import("./load.ts")).benchLoad(),
  },
  {
    name: "abuse",
    about: "Slack HTTP mode under a flood of unsigned 4 MB bodies (RSS, p50/p99)",
    run: async () => (await import("./abuse.ts")).benchAbuse(),
  },
];

const args = process.argv.slice(2);
if (args.includes("--list")) {
  for (const b of BENCHES) console.log(`${b.name.padEnd(16)} ${b.about}`);
  process.exit(0);
}
const unknown = args.filter((a) => !BENCHES.some((b) => b.name === a));
if (unknown.length > 0) {
  console.error(
    `Unknown benchmark ${unknown.join(", ")}. Choose from: ${BENCHES.map((b) => b.name).join(", ")}.`,
  );
  process.exit(2);
}
const chosen = args.length > 0 ? BENCHES.filter((b) => args.includes(b.name)) : BENCHES;
for (const [i, bench] of chosen.entries()) {
  if (i > 0) console.log("");
  const started = Date.now();
  await bench.run();
  console.log(`(${bench.name}: ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
