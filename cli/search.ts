import { writeFile } from 'node:fs/promises';
import { prepareRun } from '../engine/compile/prepare.js';
import { serializeDocument } from '../engine/document/parse.js';
import type { GraphDocument } from '../engine/document/schema.js';
import { hasErrors } from '../engine/problems.js';
import {
  applyValues,
  bestResult,
  DEFAULT_PRUNING,
  defaultSpace,
  localTrialExecutor,
  narrow,
  paramKey,
  pruneEpoch,
  rankResults,
  runSearch,
  SCALES,
  type SearchParam,
  SearchParamSchema,
  type SearchSpace,
  suggestParam,
  type TrialResult,
  validateSpace,
} from '../engine/search/index.js';
import { type NodeExecutorChoice, selectNodeBackend, selectNodeExecutor } from './backend.js';
import { formatProblem, loadDocumentOrExit } from './files.js';
import { INTERRUPTED, type Output } from './output.js';

/** The search's flags, read and checked by the program (cli/program.ts). */
export interface Flags {
  file: string;
  trials: number;
  epochs?: number;
  seed: number;
  jsonl: boolean;
  params: string[];
  baseline: boolean;
  rounds: number;
  keep?: number;
  prune: boolean;
  apply?: string;
  backend: NodeExecutorChoice;
}

/**
 * `--param optimizer.learningRate=log10:1e-4:1` → a SearchParam. The node id is the longest id in the
 * document followed by a dot (ids may hold dots); the rest is the path. Without a range, the notes'.
 */
function readParamFlag(doc: GraphDocument, flag: string): SearchParam | string {
  const [key = '', range] = flag.split(/=(.*)/s);
  const ids = doc.nodes.map((n) => n.id).filter((id) => key.startsWith(`${id}.`));
  const nodeId = ids.sort((a, b) => b.length - a.length)[0] ?? key.split('.')[0] ?? '';
  const path = key.slice(nodeId.length + 1);
  if (!nodeId || !path)
    return `--param ${flag}: write NODE.PATH[=SCALE:MIN:MAX], e.g. optimizer.learningRate=log10:1e-4:1.`;
  if (range === undefined) {
    const suggested = suggestParam(doc, nodeId, path);
    return suggested.ok ? suggested.value : suggested.problems.map((p) => p.message).join(' ');
  }
  const [scale, min, max, ...rest] = range.split(':');
  if (rest.length || min === undefined || max === undefined || min.trim() === '' || max.trim() === '') {
    return `--param ${flag}: the range is SCALE:MIN:MAX, e.g. log10:1e-4:1.`;
  }
  if (!(SCALES as readonly string[]).includes(scale ?? '')) {
    return `--param ${flag}: the scale is one of ${SCALES.join(', ')}, not "${scale}".`;
  }
  const parsed = SearchParamSchema.safeParse({ nodeId, path, scale, min: Number(min), max: Number(max) });
  return parsed.success ? parsed.data : `--param ${flag}: ${parsed.error.issues[0]?.message ?? 'bad range'}`;
}

const fixed = (v: number | null): string => (v === null || !Number.isFinite(v) ? '—' : v.toFixed(4));
const percent = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const STOPPED: Record<TrialResult['reason'], string> = {
  epochs: 'no',
  'early-stopping': 'no (early stopping)',
  pruned: 'pruned',
  nan: 'NaN',
  stopped: 'interrupted',
  invalid: 'invalid',
  error: 'error',
};

type RoundResult = TrialResult & { round: number };

const trialName = (r: RoundResult, rounds: number): string =>
  r.trial === 0 ? 'own' : rounds > 1 ? `${r.round}.${r.trial}` : String(r.trial);

const valuesText = (r: TrialResult): string =>
  Object.entries(r.values)
    .map(([k, v]) => `${k} = ${v}`)
    .join(', ');

/** The results table, best first by dev loss: trial, values, dev loss and accuracy, epochs, stopped. */
export function formatTable(results: readonly RoundResult[], space: SearchSpace, rounds: number): string[] {
  const keys = space.params.map(paramKey);
  const header = ['trial', ...keys, 'dev loss', 'dev acc', 'train acc', 'epochs', 'stopped early'];
  const ranked = rankResults(results) as RoundResult[];
  const cells = ranked.map((r) => [
    trialName(r, rounds),
    ...keys.map((k) => (r.values[k] === undefined ? '—' : String(r.values[k]))),
    fixed(r.devLoss),
    percent(r.devAccuracy),
    percent(r.trainAccuracy),
    String(r.epochs),
    STOPPED[r.reason],
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => (row[c] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...cells.map(line)];
}

const paramFlag = (p: SearchParam): string => `--param ${paramKey(p)}=${p.scale}:${p.min}:${p.max}`;

/** Checks the graph and builds the space; an exit code when that fails. */
async function planSearch(flags: Flags, out: Output) {
  const loaded = await loadDocumentOrExit(flags.file, out);
  if (typeof loaded === 'number') return loaded;
  const { doc, reader } = loaded;
  const params: SearchParam[] = [];
  for (const flag of flags.params) {
    const param = readParamFlag(doc, flag);
    if (typeof param === 'string') {
      out.error(param);
      return 2;
    }
    params.push(param);
  }
  const prepared = await prepareRun(doc, reader);
  for (const p of prepared.problems) out.error(formatProblem(p));
  if (!prepared.ok) return 1;
  const budget = {
    trials: flags.trials,
    epochsPerTrial: flags.epochs ?? prepared.value.plan.training.epochs,
    seed: flags.seed,
  };
  const built = params.length
    ? { ok: true as const, value: { params, ...budget }, problems: [] }
    : defaultSpace(doc, budget);
  for (const p of built.problems) out.error(formatProblem(p));
  if (!built.ok) return 1;
  const problems = validateSpace(doc, built.value);
  for (const p of problems) out.error(formatProblem(p));
  if (hasErrors(problems)) return 1;
  return { doc, reader, space: built.value };
}

/**
 * `netcanvas search FILE --trials N`: random search over the marked params (or α, and β/β₁, by
 * default), trial by trial in this process, results streamed (a line each on stderr, or --jsonl on
 * stdout), then the table best first and the best values. Same file and seed → same trials and, on
 * the CPU backend, the same numbers.
 */
export async function searchCommand(flags: Flags, out: Output): Promise<number> {
  const planned = await planSearch(flags, out);
  if (typeof planned === 'number') return planned;
  const { doc, reader } = planned;
  let space = planned.space;
  await selectNodeBackend(flags.backend === 'cpu' ? 'cpu' : 'wasm');
  // Where trials train is measured once, on the document as it is.
  const base = await prepareRun(doc, reader);
  const { executor, backend } = base.ok
    ? await selectNodeExecutor(flags.backend, base.value.plan, base.value.splits.train)
    : { executor: 'tfjs' as const, backend: flags.backend === 'cpu' ? 'cpu' : 'wasm' };
  const where = executor === 'fast' ? 'the fast float32 executor' : `tf.js ${backend}`;
  const pruning = flags.prune ? DEFAULT_PRUNING : null;
  const at = pruning ? pruneEpoch(space.epochsPerTrial, pruning) : null;
  if (!flags.jsonl) {
    out.error(
      `Searching "${doc.name}" on ${where}: ${flags.rounds > 1 ? `${flags.rounds} rounds of ` : ''}${space.trials} trials × ${space.epochsPerTrial} epochs, seed ${space.seed}${at ? `; a trial worse than the median after epoch ${at} is stopped` : ''}.`,
    );
    for (const p of space.params) out.error(`  ${paramKey(p)}: ${p.scale} [${p.min}, ${p.max}]`);
  }
  const signal = { aborted: false };
  const onSignal = () => {
    signal.aborted = true;
  };
  process.once('SIGINT', onSignal);
  const results: RoundResult[] = [];
  try {
    const execute = localTrialExecutor(reader, { executor });
    for (let round = 1; round <= flags.rounds && !signal.aborted; round++) {
      const roundResults: TrialResult[] = [];
      const options = { execute, pruning, signal, baseline: flags.baseline && round === 1 };
      for await (const r of runSearch(doc, space, options)) {
        roundResults.push(r);
        results.push({ ...r, round });
        if (flags.jsonl) out.line(JSON.stringify({ type: 'trial', round, ...r }));
        else
          out.error(
            `${r.trial === 0 ? 'own values' : `trial ${trialName({ ...r, round }, flags.rounds)}/${space.trials}`}: ${valuesText(r)}  dev loss ${fixed(r.devLoss)}  dev acc ${percent(r.devAccuracy)}  ${r.epochs} epochs${r.reason === 'epochs' ? '' : `  (${r.message})`}`,
          );
      }
      if (round < flags.rounds)
        space = narrow(space, roundResults, flags.keep ?? Math.ceil(space.trials / 4));
    }
  } finally {
    process.off('SIGINT', onSignal);
  }
  const code = await report(doc, space, results, flags, out);
  // Interrupted with Ctrl-C: the table of the trials so far is printed, and the exit says so.
  return signal.aborted ? INTERRUPTED : code;
}

async function report(
  doc: GraphDocument,
  space: SearchSpace,
  results: RoundResult[],
  flags: Flags,
  out: Output,
): Promise<number> {
  const lastRound = results.filter((r) => r.round === Math.max(...results.map((q) => q.round)));
  const next = narrow(space, lastRound, flags.keep ?? Math.ceil(space.trials / 4));
  const best = bestResult(results) as RoundResult | null;
  const baseline = results.find((r) => r.trial === 0) ?? null;
  if (flags.jsonl) {
    const ranking = rankResults(results).map((r) => ({ round: (r as RoundResult).round, trial: r.trial }));
    out.line(
      JSON.stringify({
        type: 'summary',
        trials: results.length,
        best,
        baseline,
        ranking,
        space,
        narrowed: next,
      }),
    );
  } else {
    out.line('');
    for (const l of formatTable(results, space, flags.rounds)) out.line(l);
    out.line('');
    if (best) {
      const who = best.trial === 0 ? 'the file’s own values' : `trial ${trialName(best, flags.rounds)}`;
      out.line(
        `Best: ${who}: ${valuesText(best)} (dev loss ${fixed(best.devLoss)}, dev accuracy ${percent(best.devAccuracy)}, ${best.epochs} epochs).`,
      );
    } else out.line('No trial trained to the end.');
    if (baseline && best && best.trial !== 0) {
      out.line(
        `The file’s own values: ${valuesText(baseline)} (dev loss ${fixed(baseline.devLoss)}, dev accuracy ${percent(baseline.devAccuracy)}).`,
      );
    }
    if (best)
      out.line(
        `To search closer around the best: ${next.params.map(paramFlag).join(' ')} --seed ${next.seed}`,
      );
  }
  if (best && flags.apply) {
    const applied = applyValues(doc, space.params, best.values);
    if (!applied.ok) {
      for (const p of applied.problems) out.error(formatProblem(p));
      return 1;
    }
    await writeFile(flags.apply, serializeDocument(applied.value));
    if (!flags.jsonl) out.error(`Wrote ${flags.apply} with the best values.`);
  }
  return best ? 0 : 1;
}
