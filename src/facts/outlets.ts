/**
 * News outlets a statement might name. The loader's honesty check uses it: an
 * outlet named in a statement must be the publisher of one of the fact's
 * citations, so no fact says "as reported by X" about a report we don't cite.
 * Listed here are the outlets that cover AI news, cited by us or not; add one
 * when a statement might name it.
 */
export const NEWS_OUTLETS: readonly string[] = [
  "The Verge",
  "The Decoder",
  "CNN",
  "Hindustan Times",
  "The Register",
  "Reuters",
  "Bloomberg",
  "The Information",
  "Financial Times",
  "South China Morning Post",
  "TechCrunch",
  "Wired",
  "The New York Times",
  "Business Insider",
  "Axios",
];
