/**
 * A sibling module's file, with the extension the caller runs under: `.ts`
 * with `npm start` (tsx), `.js` from `dist/` after `npm run build`.
 */
import { fileURLToPath } from "node:url";

export function siblingModule(callerUrl: string, name: string): string {
  const ext = callerUrl.endsWith(".ts") ? ".ts" : ".js";
  return fileURLToPath(new URL(`./${name}${ext}`, callerUrl));
}

/** Node flags a child process needs to run `file`: tsx for TypeScript, nothing for built JS. */
export function execArgvFor(file: string): string[] {
  return file.endsWith(".ts") ? ["--import", "tsx"] : [];
}
