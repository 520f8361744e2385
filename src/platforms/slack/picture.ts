/**
 * A public reply's picture, posted after its text with files.uploadV2 (which
 * asks Slack for an upload URL, sends the PNG there, and completes the upload
 * into the channel or thread). Ephemeral replies cannot carry files, so they
 * stay text only; a failed render or upload is logged once and the text
 * already posted stands.
 */
import type { App } from "@slack/bolt";
import type { Reply } from "../../core/reply.ts";
import { pictureFor } from "../../pictures/index.ts";
import type { ListenerDeps } from "./listeners/shared.ts";

export interface PictureTarget {
  channel: string;
  /** Post into this thread instead of the channel. */
  threadTs?: string;
}

export async function postPicture(
  client: App["client"],
  reply: Reply,
  target: PictureTarget,
  deps: Pick<ListenerDeps, "logger" | "pictures" | "uploadPictures">,
): Promise<void> {
  if (reply.ephemeral || !reply.picture || !deps.uploadPictures) return;
  const picture = await pictureFor(reply, deps.logger, deps.pictures);
  if (!picture) return;
  try {
    const file = {
      file: picture.png,
      filename: picture.fileName,
      title: picture.title,
      alt_text: picture.alt,
    };
    await client.files.uploadV2(
      target.threadTs
        ? { ...file, channel_id: target.channel, thread_ts: target.threadTs }
        : { ...file, channel_id: target.channel },
    );
  } catch (err) {
    deps.logger.warn(
      { err, picture: picture.name },
      "could not upload the picture; the text answer was posted",
    );
  }
}
