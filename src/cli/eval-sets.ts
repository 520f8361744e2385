/**
 * Where the blind sets live. Every tool that needs them (the decontamination
 * test, `ablation --blind`) lists them here, so a new blind set is picked up
 * by all of them at once instead of being added to each list by hand.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";

const BLIND_FILE = /^blind(\d*)\.json$/;

/** The blind sets in `dir` (blind.json, blind2.json, ...), oldest first. */
export function blindSetFiles(dir = "test/eval"): string[] {
  const order = (file: string) => Number(BLIND_FILE.exec(file)?.[1] || 1);
  return readdirSync(dir)
    .filter((file) => BLIND_FILE.test(file))
    .sort((a, b) => order(a) - order(b))
    .map((file) => join(dir, file));
}
