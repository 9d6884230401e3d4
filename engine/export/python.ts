/** A Python literal for plain data (numbers, strings, booleans, null, arrays, objects). */
export function pythonLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : `float('${value}')`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pythonLiteral).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${pythonLiteral(v)}`).join(', ')}}`;
}

/** Names the generated forward pass uses itself, and nn.ModuleDict's own attributes. */
const RESERVED = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except finally ' +
    'for from global if import in is lambda nonlocal not or pass raise return try while with yield ' +
    'self x z logits torch nn F math activate sum min max abs len range list dict int float input id ' +
    'training train eval forward type double half cuda cpu to apply parameters buffers children ' +
    'modules state_dict load_state_dict zero_grad keys items values update pop clear'
  ).split(' '),
);

/**
 * Python identifiers for node ids, unique and clear of the names above: "dense-1" → "dense_1",
 * "2a" → "layer_2a", "x" → "x_2". Used as module names and as the forward pass's variables.
 */
export function pythonNames(ids: readonly string[]): string[] {
  const used = new Set<string>();
  return ids.map((id) => {
    let base = id.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z_]/.test(base)) base = `layer_${base}`;
    let name = base;
    for (let i = 2; used.has(name) || RESERVED.has(name); i++) name = `${base}_${i}`;
    used.add(name);
    return name;
  });
}
