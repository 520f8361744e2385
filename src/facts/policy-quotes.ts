/** The competing-models clause, word for word, in each version we hold (FACTS.md "Quote"). */
export const QUOTE_TOU_2023 =
  "You may not ... (iii) use output from the Services to develop models that compete with OpenAI";
export const QUOTE_BUSINESS =
  "use Output ... to develop any artificial intelligence models that compete with our products and services.";
export const QUOTE_TOU_2024 = "Use Output to develop models that compete with OpenAI.";
export const QUOTE_SA_2025 =
  "except for a Permitted Exception, use Output to develop artificial intelligence models that compete with OpenAI's products and services";
