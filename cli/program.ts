import { Command, Option } from 'commander';
import { LIMITS, wholeNumber } from './args.js';
import { NODE_EXECUTOR_CHOICES, type NodeExecutorChoice } from './executor-choices.js';
import type { Output } from './output.js';

/** Where a command's action puts its exit code (commander's actions return nothing). */
interface Outcome {
  code: number;
}

type Numbers = Record<string, [value: unknown, min: number]>;

/** The flags' whole numbers, or a usage error (exit 2) for the first wrong one. */
function readNumbers<T extends Numbers>(cmd: Command, numbers: T): { [K in keyof T]: number | undefined } {
  const read: Record<string, number | undefined> = {};
  for (const [name, [value, min]] of Object.entries(numbers)) {
    const n = wholeNumber(name as keyof typeof LIMITS, value, min);
    if (typeof n === 'string') cmd.error(n, { exitCode: 2, code: 'netcanvas.number' });
    read[name] = n as number | undefined;
  }
  return read as { [K in keyof T]: number | undefined };
}

const backendOption = (choices: readonly string[], fallback: string) =>
  new Option('--backend <name>', 'where tf.js trains (Node has no WebGPU)')
    .choices(choices)
    .default(fallback);

const FILE = '<file>';

/** A command module that trains: tf.js is loaded first (see cli/tfjs-lazy.ts). */
async function trainingModule<T>(load: () => Promise<T>): Promise<T> {
  const { loadTfjs } = await import('./tfjs-lazy.js');
  await loadTfjs();
  return load();
}

/**
 * The `netcanvas` commands: one frame for parsing, help and usage errors. Each action loads its
 * command module only when it runs, so `validate` and `--help` never load tf.js.
 */
export function buildProgram(out: Output, outcome: Outcome): Command {
  const program = new Command('netcanvas')
    .description('Validate, train, check and export NetCanvas graphs (.netcanvas.json).')
    .showSuggestionAfterError(true);

  program
    .command('validate')
    .argument(FILE, 'the graph document')
    .description(
      'exit 0 when the graph is valid, 1 with one "nodeId CODE message" line per problem, 2 when the file cannot be read or parsed',
    )
    .action(async (file: string) => {
      const { validateCommand } = await import('./validate.js');
      outcome.code = await validateCommand(file, out);
    });

  program
    .command('train')
    .argument(FILE, 'the graph document')
    .description(
      'train the graph with a progress bar (or --jsonl events); exit 0 done, 1 problems or NaN, 2 unreadable file, 130 interrupted',
    )
    .option('--epochs <n>', `epochs (default: the Training node's; at most ${LIMITS.epochs})`)
    .option('--seed <n>', 'seed for initialization, shuffling and dropout')
    .addOption(backendOption(NODE_EXECUTOR_CHOICES, 'auto'))
    .option('--out <dir>', 'write model.json, weights.bin and normalization.json to this folder')
    .option('--jsonl', 'one JSON event per line on stdout', false)
    .option(
      '--layer-stats-every <n>',
      "measure every layer after the first update and exactly every n-th (0: never; default: the Training node's n, skipped as needed to stay within 5 % of the training time)",
    )
    .addHelpText(
      'after',
      '\n--backend auto times the fast float32 executor and tf.js on WASM and CPU on the graph for a moment\nand trains on the fastest; fast takes the fast executor where the graph allows.\n--layer-stats-every: a "layers" event per measurement with --jsonl, each new diagnosis on stderr otherwise.',
    )
    .action(async (file: string, o: Record<string, string | boolean | undefined>, cmd: Command) => {
      const {
        epochs,
        seed,
        'layer-stats-every': layerStatsEvery,
      } = readNumbers(cmd, {
        epochs: [o.epochs, 1],
        seed: [o.seed, 0],
        'layer-stats-every': [o.layerStatsEvery, 0],
      });
      const { trainCommand } = await trainingModule(() => import('./train.js'));
      outcome.code = await trainCommand(
        file,
        {
          backend: o.backend as NodeExecutorChoice,
          jsonl: o.jsonl === true,
          ...(epochs !== undefined ? { epochs } : {}),
          ...(seed !== undefined ? { seed } : {}),
          ...(layerStatsEvery !== undefined ? { layerStatsEvery } : {}),
          ...(typeof o.out === 'string' ? { out: o.out } : {}),
        },
        out,
      );
    });

  program
    .command('gradcheck')
    .argument(FILE, 'the graph document')
    .description(
      'float64 gradient check (spec §5); exit 0 passed, 3 failed, 1 invalid graph, 2 unreadable file',
    )
    .option('--seed <n>', 'seed for the initial weights')
    .option('--examples <n>', 'training examples to check (default 32)')
    .option('--epochs <n>', 'epochs to train before the check (default 0)')
    .addHelpText(
      'after',
      `
The float64 reference backpropagation and tf.js's float32 autodiff (the gradients the trainer applies)
against two-sided differences of J with ε = 1e-7, at the weights --seed initializes. Dropout is off for
the check. It passes when every difference is ≤ 1e-7 (or within float64 rounding) and tf.js's is
below 1e-3.`,
    )
    .action(async (file: string, o: Record<string, string | undefined>, cmd: Command) => {
      const n = readNumbers(cmd, { seed: [o.seed, 0], examples: [o.examples, 1], epochs: [o.epochs, 0] });
      const { gradcheckCommand } = await trainingModule(() => import('./gradcheck.js'));
      outcome.code = await gradcheckCommand(file, n, out);
    });

  program
    .command('export')
    .argument(FILE, 'the graph document')
    .description(
      'train, then write the network as tf.js, ONNX or PyTorch files; exit 0 written, 1 problems, 2 unreadable file',
    )
    .addOption(
      new Option('--format <format>', 'file format')
        .choices(['tfjs', 'onnx', 'pytorch'])
        .makeOptionMandatory(),
    )
    .requiredOption('--out <dir>', 'folder to write the files into')
    .option('--epochs <n>', "epochs (default: the Training node's)")
    .option('--seed <n>', 'seed for initialization, shuffling and dropout')
    .addOption(backendOption(['wasm', 'cpu'], 'wasm'))
    .action(async (file: string, o: Record<string, string | undefined>, cmd: Command) => {
      const n = readNumbers(cmd, { epochs: [o.epochs, 1], seed: [o.seed, 0] });
      const { exportCommand } = await trainingModule(() => import('./export.js'));
      outcome.code = await exportCommand(
        file,
        { format: o.format!, dir: o.out!, backend: o.backend as 'wasm' | 'cpu', ...n },
        out,
      );
    });

  program
    .command('search')
    .argument(FILE, 'the graph document')
    .description(
      'random hyperparameter search (spec §11); exit 0 when a trial trained fully, 1 problems, 2 unreadable file',
    )
    .requiredOption('--trials <n>', 'trials to train')
    .option('--epochs <n>', "epochs per trial (default: the Training node's)")
    .option('--seed <n>', 'seed for the drawn values (default 1)')
    .option('--jsonl', 'one JSON object per trial, then a summary', false)
    .option('--param <spec...>', 'NODE.PATH[=SCALE:MIN:MAX], e.g. optimizer.learningRate=log10:1e-4:1')
    .option('--baseline', "also train the file's own values", false)
    .option('--rounds <n>', 'narrow the ranges around the best trials and search again (default 1)')
    .option('--keep <k>', 'trials each narrowing keeps (default a quarter)')
    .option('--no-prune', 'never stop a trial early')
    .option('--apply <file>', "write the document with the best trial's values to this file")
    .addOption(backendOption(NODE_EXECUTOR_CHOICES, 'auto'))
    .addHelpText(
      'after',
      `
Each trial draws its values with the seed and trains; results print best first by dev loss. Without
--param: the optimizer's α on log10 [1e-4, 1e-1], and momentum's β or Adam's β₁ on 1 − 10^r
[0.9, 0.999]. Scales: log10, oneMinusLog10, int, pow2, linear (e.g. hidden1.units=int:2:20,
training.batchSize=pow2:16:512); without =SCALE:MIN:MAX, the notes' range for that param. A trial
whose dev loss after a quarter of its epochs is above the median of the finished trials, or NaN, is
stopped (--no-prune: never).`,
    )
    .action(async (file: string, o: Record<string, unknown>, cmd: Command) => {
      const n = readNumbers(cmd, {
        trials: [o.trials, 1],
        epochs: [o.epochs, 1],
        seed: [o.seed, 0],
        rounds: [o.rounds, 1],
        keep: [o.keep, 1],
      });
      const { searchCommand } = await trainingModule(() => import('./search.js'));
      outcome.code = await searchCommand(
        {
          file,
          trials: n.trials!,
          seed: n.seed ?? 1,
          jsonl: o.jsonl === true,
          params: (o.param as string[] | undefined) ?? [],
          baseline: o.baseline === true,
          rounds: n.rounds ?? 1,
          prune: o.prune !== false,
          backend: o.backend as NodeExecutorChoice,
          ...(n.epochs !== undefined ? { epochs: n.epochs } : {}),
          ...(n.keep !== undefined ? { keep: n.keep } : {}),
          ...(typeof o.apply === 'string' ? { apply: o.apply } : {}),
        },
        out,
      );
    });
  return program;
}
