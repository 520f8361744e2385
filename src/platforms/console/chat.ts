/**
 * The local chat: what `npm start` opens when no platform is configured.
 * Each line goes through the same text routing as a mention on Discord or
 * Slack (dispatcher.handleText). On a terminal it prompts and an empty line
 * shows the help; on a pipe it skips blank lines and exits at the end.
 */
import { createInterface } from "node:readline";
import type { Dispatcher, Requester } from "../../core/dispatch.ts";
import { renderText } from "./render.ts";

const who: Requester = { platform: "console", userId: "console" };

/** Runs one typed line through the same dispatch the platforms use. */
export async function handleLine(dispatcher: Dispatcher, line: string): Promise<string> {
  return renderText(await dispatcher.handleText(line, who));
}

export async function runConsoleChat(
  dispatcher: Dispatcher,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const interactive = Boolean((input as { isTTY?: boolean }).isTTY);
  const rl = createInterface({
    input,
    output: interactive ? output : undefined,
    terminal: interactive,
  });
  if (interactive) {
    output.write(
      "Incident Desk (local chat). Ask about OpenAI suspending ByteDance's API account, or type /help. Type /quit or press Ctrl+D to leave.\n",
    );
    rl.setPrompt("> ");
    rl.prompt();
  }
  for await (const line of rl) {
    if (/^\/(quit|exit)$/i.test(line.trim())) break;
    if (!interactive && !line.trim()) continue;
    output.write(`${await handleLine(dispatcher, line)}\n${interactive ? "" : "\n"}`);
    if (interactive) rl.prompt();
  }
  rl.close();
}
