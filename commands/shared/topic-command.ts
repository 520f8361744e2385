/**
 * /incident and /policy share one shape: an optional topic choice and a
 * `public` switch; each topic is a list of facts shown together.
 */
import { defineCommand } from "../../src/core/define-command.ts";
import { option } from "../../src/core/options.ts";
import { keepReply, type Reply } from "../../src/core/reply.ts";
import { type TopicSpec, topicReply } from "./replies.ts";

export function defineTopicCommand(spec: {
  name: string;
  description: string;
  topics: readonly TopicSpec[];
  /** Builds a topic whose layout is not one paragraph per fact (the timeline). */
  custom?: Record<string, (topic: TopicSpec) => Reply>;
}) {
  const [first] = spec.topics;
  if (!first) throw new Error(`/${spec.name} needs at least one topic`);
  const built = new Map<string, Reply>();
  return defineCommand({
    name: spec.name,
    description: spec.description,
    options: {
      topic: option.choice({
        description: `What to show (default: ${first.value})`,
        choices: spec.topics.map((t) => ({
          value: t.value,
          description: t.description,
          aliases: t.aliases,
        })),
      }),
      public: option.boolean({
        description: "Post it in the channel for everyone (default: only you)",
      }),
    },
    examples: spec.topics.slice(0, 3).map((t) => `${spec.name} ${t.value}`),
    run({ topic }) {
      const chosen = spec.topics.find((t) => t.value === topic) ?? first;
      // A topic's reply depends on the facts alone: built on first use, then kept.
      let reply = built.get(chosen.value);
      if (!reply) {
        const build = spec.custom?.[chosen.value];
        reply = keepReply(build ? build(chosen) : topicReply(spec.name, chosen));
        built.set(chosen.value, reply);
      }
      return reply;
    },
  });
}
