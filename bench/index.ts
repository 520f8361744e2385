/**
 * `npm run bench`: every benchmark, one after another, printing figures.
 * Loopback only; each part bounds its own request count and time.
 */
import { benchEngine } from "./engine.ts";

await benchEngine();
console.log("");
const { benchPictures } = await import("./pictures.ts");
await benchPictures();
console.log("");
const { benchDiscord } = await import("./discord.ts");
await benchDiscord();
console.log("");
try {
  const { benchSlack } = await import("./slack.ts");
  await benchSlack();
} catch (err) {
  console.log(`Slack benchmark unavailable: ${(err as Error).message}`);
}
console.log("");
const { benchLoad } = await import("./load.ts");
await benchLoad();
console.log("");
const { benchAbuse } = await import("./abuse.ts");
await benchAbuse();
