import { writeFile } from "node:fs/promises";
import { drawPicture } from "../pictures/draw.ts";
import { isPictureName, PICTURE_NAMES, renderPicture, type ThemeName } from "../pictures/index.ts";
import { EXIT, type Io, parseCommandLine, stdio, usageError } from "./args.ts";

const USAGE = `Usage: npm run --silent picture -- <${PICTURE_NAMES.join("|")}> [--out FILE] [--theme light|dark]

  --out FILE           where to write it (default <name>.png); a name ending in .svg writes the SVG
  --theme light|dark   the background (default light, as the platforms send it)`;

/** `picture`: one of the pictures drawn from the facts, written to a file. */
export async function runPictureCli(argv: string[], io: Io = stdio): Promise<number> {
  const args = parseCommandLine(
    argv,
    {
      usage: USAGE,
      positionals: true,
      options: { out: { type: "string" }, theme: { type: "string" } },
    },
    io,
  );
  if (typeof args === "number") return args;
  const [name, ...extra] = args.positionals;
  const theme = args.values.theme ?? "light";
  if (!name) return usageError(USAGE, "Which picture?", io);
  if (!isPictureName(name)) {
    io.err(`"${name}" is not a picture I can draw. Try one of: ${PICTURE_NAMES.join(", ")}.`);
    return EXIT.failed;
  }
  if (extra.length)
    return usageError(USAGE, `One picture at a time, not "${extra.join(" ")}".`, io);
  if (theme !== "light" && theme !== "dark")
    return usageError(USAGE, `--theme must be light or dark, not "${theme}".`, io);
  if (args.values.out === "") return usageError(USAGE, "--out needs a file name.", io);
  const file = args.values.out ?? `${name}.png`;
  const options = { theme: theme as ThemeName };
  if (file.endsWith(".svg")) {
    await writeFile(file, drawPicture(name, options).svg);
    io.out(file);
    return EXIT.ok;
  }
  const picture = await renderPicture(name, options);
  await writeFile(file, picture.png);
  io.out(
    `${file} (${picture.width}x${picture.height} px, ${Math.round(picture.png.length / 1024)} KB)`,
  );
  return EXIT.ok;
}
