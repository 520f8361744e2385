/**
 * The local chat: what `npm start` opens when no platform is configured.
 * Each line goes through the same text routing as a mention on Discord or
 * Slack (dispatcher.handleText). On a terminal it prompts and an empty line
 * shows the help; on a pipe it skips blank lines and exits at the end.
 * A reply with a picture has it written as a PNG file, whose path is printed.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Dispatcher, Requester } from "../../core/dispatch.ts";
import type { Logger } from "../../core/logger.ts";
import { silentLogger } from "../../core/logger.ts";
import type { Reply } from "../../core/reply.ts";
import { type PictureRenderer, pictureFor } from "../../pictures/index.ts";
import { renderText } from "./render.ts";

const who: Requester = { platform: "console", userId: "console" };

export interface ConsolePictures {
  /** Pictures are written here (DATA_DIR/pictures); without it the chat is text only. */
  dir: string;
  logger?: Logger;
  render?: PictureRenderer;
}

/** Writes the reply's picture; returns the line that says where, or nothing. */
async function savePicture(answer: Reply, pictures: ConsolePictures): Promise<string> {
  const logger = pictures.logger ?? silentLogger;
  const picture = await pictureFor(answer, logger, pictures.render);
  if (!picture) return "";
  const path = join(pictures.dir, picture.fileName);
  try {
    await mkdir(pictures.dir, { recursive: true });
    await writeFile(path, picture.png);
  } catch (err) {
    logger.warn({ err, path }, "could not write the picture");
    return "";
  }
  return `\nPicture: ${path}`;
}

/** Runs one typed line through the same dispatch the platforms use. */
export async function handleLine(
  dispatcher: Dispatcher,
  line: string,
  pictures?: ConsolePictures,
): Promise<string> {
  const answer = await dispatcher.handleText(line, who);
  const saved = pictures ? await savePicture(answer, pictures) : "";
  return `${renderText(answer)}${saved}`;
}

export async function runConsoleChat(
  dispatcher: Dispatcher,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
  pictures?: ConsolePictures,
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
    output.write(`${await handleLine(dispatcher, line, pictures)}\n${interactive ? "" : "\n"}`);
    if (interactive) rl.prompt();
  }
  rl.close();
}
