/**
 * The Slack baseline: a bare Bolt app on its own HTTPReceiver (signature
 * check included) whose command handler acks a fixed text. PORT and
 * SLACK_SIGNING_SECRET from the environment; /healthz so the bench knows it is up.
 */
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";

const receiver = new HTTPReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? "",
  logLevel: LogLevel.ERROR,
  customRoutes: [{ path: "/healthz", method: ["GET"], handler: (_req, res) => res.end("ok") }],
});
const app = new App({
  receiver,
  logLevel: LogLevel.ERROR,
  authorize: async () => ({ botToken: "xoxb-bench", botId: "BBOT", botUserId: "UBOT" }),
  convoStore: false,
});
app.command(/^\/[\w-]+$/, async ({ ack }) => {
  await ack("Incident Desk is thinking about it.");
});
await app.start({ port: Number(process.env.PORT), host: "127.0.0.1" });
process.once("SIGTERM", () => void app.stop().then(() => process.exit(0)));
