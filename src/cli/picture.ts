import { writeFile } from "node:fs/promises";
import {
  drawPicture,
  isPictureName,
  PICTURE_NAMES,
  renderPicture,
  type ThemeName,
} from "../pictures/index.ts";

const USAGE = `Usage: npm run --silent picture -- <${PICTURE_NAMES.join("|")}> [--out FILE] [--theme light|dark]
  Writes the picture as PNG (or as SVG when FILE ends in .svg); FILE defaults to <name>.png.`;

/** The value after `--flag`, or undefined; "" when the flag is last. */
function flag(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i < 0 ? undefined : (args[i + 1] ?? "");
}

/** What is wrong with the arguments, in a sentence, or undefined. */
function problemWith(name: string | undefined, out: string | undefined, theme: string) {
  if (!name) return "Which picture?";
  if (!isPictureName(name))
    return `"${name}" is not a picture I can draw. Try one of: ${PICTURE_NAMES.join(", ")}.`;
  if (out === "") return "--out needs a file name.";
  if (theme !== "light" && theme !== "dark")
    return `--theme must be light or dark, not "${theme}".`;
  return undefined;
}

/** `picture`: one of the pictures drawn from the facts, written to a file. */
export async function runPictureCli(args: string[]): Promise<number> {
  const name = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
  const out = flag(args, "--out");
  const theme = flag(args, "--theme") ?? "light";
  const problem = problemWith(name, out, theme);
  if (problem || !name || !isPictureName(name)) {
    process.stderr.write(`${problem}\n${USAGE}\n`);
    return 1;
  }
  const file = out ?? `${name}.png`;
  const options = { theme: theme as ThemeName };
  if (file.endsWith(".svg")) {
    await writeFile(file, drawPicture(name, options).svg);
    process.stdout.write(`${file}\n`);
    return 0;
  }
  const picture = await renderPicture(name, options);
  await writeFile(file, picture.png);
  process.stdout.write(
    `${file} (${picture.width}x${picture.height} px, ${Math.round(picture.png.length / 1024)} KB)\n`,
  );
  return 0;
}
