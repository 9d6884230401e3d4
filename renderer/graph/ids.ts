/** The first free id for a node of `kind`: "dense1", "dense2", … (the style sequentialDocument uses). */
export function nextNodeId(kind: string, taken: ReadonlySet<string>): string {
  const base = kind.toLowerCase();
  for (let n = 1; ; n++) {
    const id = `${base}${n}`;
    if (!taken.has(id)) return id;
  }
}

/** Edge ids name both ends, like the presets': "data.x->hidden1.in". */
export const edgeIdFor = (source: string, sourcePort: string, target: string, targetPort: string): string =>
  `${source}.${sourcePort}->${target}.${targetPort}`;
