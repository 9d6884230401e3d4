import type { Diagnosis, DiagnosisCode, LayerStatistics } from './statistics.js';
import type { InspectionTarget } from './targets.js';

/** The diagnoses' thresholds (docs/inside.md gives the figures measured on the lessons). */
export const THRESHOLDS = {
  /** ‖dW‖ of the first weighted layer over the last's, below which gradients vanish. */
  vanishing: 1e-3,
  /** … and above which they explode. */
  exploding: 1e3,
  /** Share of a layer's ReLU units dead for the whole batch (above it)… */
  dead: 0.5,
  /** … in a batch of at least this many examples (one example leaves about half of them at 0). */
  deadRows: 16,
  /** Share of a layer's sigmoid/tanh outputs with |z| > 4 (above it). */
  saturated: 0.5,
  /** The largest ‖ΔW‖/‖W‖ of an update outside [low, high]: two decades around the rule of thumb ~10⁻³. */
  updateRatioHigh: 0.1,
  updateRatioLow: 1e-5,
} as const;

const sci = (x: number): string => (Number.isFinite(x) ? x.toExponential(1) : String(x));
const percent = (x: number): string => `${Math.round(x * 100)}%`;

/**
 * The English wording of each diagnosis, `{name}` standing for its params as `diagnosisVars` formats
 * them. The app's message table takes these as its English and adds the Chinese.
 */
export const DIAGNOSIS_TEMPLATES = {
  SYMMETRY:
    'All {units} units of {layer} are identical: same weights, same gradients, so they stay equal (symmetry: zeros initialization, §1.11). Use random initialization (He for ReLU, Xavier for tanh).',
  VANISHING:
    'Gradients shrink {ratio}× from {last} to {layer} (‖dW‖ {first} vs {lastNorm}): vanishing gradients (§1.10). Use He initialization, BatchNorm or residual connections.',
  EXPLODING:
    'Gradients grow {ratio}× from {last} to {layer} (‖dW‖ {first} vs {lastNorm}): exploding gradients (§1.10). Lower α, or use He/Xavier initialization or BatchNorm.',
  DEAD_RELU:
    '{share} of the ReLU units of {layer} output 0 for the whole mini-batch (dead ReLUs): they get no gradient. Lower α, use He initialization, or Leaky ReLU.',
  SATURATED:
    '{share} of the {g} outputs of {layer} are saturated (|z| > 4, g′ ≈ 0), so little gradient passes (§1.10). Normalize the inputs, use Xavier initialization, BatchNorm, or ReLU.',
  'UPDATE_RATIO.large':
    'Each update moves the weights of {layer} by {ratio} of their size, far from ~10⁻³: α = {alpha} is too large.',
  'UPDATE_RATIO.small':
    'Each update moves the weights of {layer} by {ratio} of their size, far from ~10⁻³: α = {alpha} is too small.',
} as const;

export type DiagnosisTemplate = keyof typeof DIAGNOSIS_TEMPLATES;

/** Which template words a diagnosis (the update ratio has one per direction). */
export const diagnosisTemplate = (d: Pick<Diagnosis, 'code' | 'params'>): DiagnosisTemplate =>
  d.code === 'UPDATE_RATIO' ? `UPDATE_RATIO.${d.params.direction === 'small' ? 'small' : 'large'}` : d.code;

/** A diagnosis's params as its message shows them: ratios and norms as 1.4e-9, shares as 75%. */
export function diagnosisVars(d: Pick<Diagnosis, 'params'>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(d.params).map(([name, v]) => [
      name,
      typeof v === 'string'
        ? v
        : name === 'share'
          ? percent(v)
          : name === 'units' || name === 'alpha'
            ? String(v)
            : sci(v),
    ]),
  );
}

const fill = (template: string, vars: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);

const finding = (
  code: DiagnosisCode,
  nodeId: string,
  params: Record<string, string | number>,
): Diagnosis => ({
  code,
  nodeId,
  params,
  message: fill(DIAGNOSIS_TEMPLATES[diagnosisTemplate({ code, params })], diagnosisVars({ params })),
});

/** Vanishing or exploding: ‖dW‖ of the first weighted layer against the last's. */
function gradientFlow(stats: readonly LayerStatistics[], weighted: ReadonlySet<string>): Diagnosis[] {
  const layers = stats.filter((s) => weighted.has(s.id));
  const first = layers[0];
  const last = layers[layers.length - 1];
  if (!first || !last || first === last) return [];
  const ratio = first.gradNorm / last.gradNorm;
  const params = { layer: first.id, last: last.id, ratio, first: first.gradNorm, lastNorm: last.gradNorm };
  if (!Number.isFinite(first.gradNorm) || !Number.isFinite(last.gradNorm) || ratio > THRESHOLDS.exploding)
    return [finding('EXPLODING', first.id, params)];
  if (last.gradNorm > 0 && ratio < THRESHOLDS.vanishing) return [finding('VANISHING', first.id, params)];
  return [];
}

/** What one layer's own figures show: symmetry, else dead units; saturated units. */
function layerFindings(s: LayerStatistics, target: InspectionTarget, rows: number): Diagnosis[] {
  const found: Diagnosis[] = [];
  if (s.identicalUnits) found.push(finding('SYMMETRY', s.id, { layer: s.id, units: target.units }));
  else if (s.deadFraction !== null && s.deadFraction > THRESHOLDS.dead && rows >= THRESHOLDS.deadRows)
    found.push(finding('DEAD_RELU', s.id, { layer: s.id, share: s.deadFraction }));
  if (s.saturatedFraction !== null && s.saturatedFraction > THRESHOLDS.saturated)
    found.push(
      finding('SATURATED', s.id, { layer: s.id, share: s.saturatedFraction, g: target.activated?.g ?? '' }),
    );
  return found;
}

/**
 * α against the weights: the largest ‖ΔW‖/‖W‖ of the weighted layers, too large above `high`, too
 * small below `low` (the largest, so that layers a vanishing gradient leaves still do not count).
 */
function updateRatio(stats: readonly LayerStatistics[], weighted: ReadonlySet<string>, alpha: number) {
  let largest: LayerStatistics | null = null;
  for (const s of stats) {
    if (!weighted.has(s.id) || s.updateRatio === null) continue;
    if (!largest || !(s.updateRatio <= (largest.updateRatio as number))) largest = s;
  }
  const ratio = largest?.updateRatio ?? null;
  if (!largest || ratio === null) return [];
  const tooLarge = !(ratio <= THRESHOLDS.updateRatioHigh);
  if (!tooLarge && ratio >= THRESHOLDS.updateRatioLow) return [];
  const direction = tooLarge ? 'large' : 'small';
  return [finding('UPDATE_RATIO', largest.id, { layer: largest.id, ratio, alpha, direction })];
}

/**
 * The diagnoses of one inspected update, each naming its layer and its evidence. `alpha` is the
 * update's learning rate, `rows` its mini-batch size. Symmetry hides the same layer's dead units (all
 * of them output the same 0).
 */
export function diagnose(
  targets: readonly InspectionTarget[],
  stats: readonly LayerStatistics[],
  update: { alpha: number; rows: number },
): Diagnosis[] {
  const weighted = new Set(targets.filter((t) => t.momentum === null).map((t) => t.nodeId));
  return [
    ...gradientFlow(stats, weighted),
    ...stats.flatMap((s, i) => layerFindings(s, targets[i] as InspectionTarget, update.rows)),
    ...updateRatio(stats, weighted, update.alpha),
  ];
}
