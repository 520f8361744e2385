/** What this story's desk is about, and where a newcomer should start. */
export const STORY_SCOPE =
  "I answer questions about OpenAI suspending ByteDance's API account in December 2023 and OpenAI's rule against using its output to build competing models.";

/** Facts whose questions are offered when the bot cannot answer. */
export const STARTER_FACT_IDS = ["incident.suspension", "incident.reason", "policy.rule"];
