/**
 * The command registry. Start-up hands this list to dispatch and to the
 * platform adapters; nothing in src/core imports it.
 */
import type { AnyCommand } from "../src/core/define-command.ts";
import { ask } from "./ask.ts";
import { fact } from "./fact.ts";
import { help } from "./help.ts";
import { incident } from "./incident.ts";
import { policy } from "./policy.ts";
import { sources } from "./sources.ts";

export const commands: readonly AnyCommand[] = [ask, incident, policy, sources, help, fact];
