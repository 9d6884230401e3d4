import { CURRENT_VERSION, type GraphDocument } from '../../engine/document/schema';
import type { GraphChange } from './changes';

/** The document "New" opens: an empty canvas. */
export function emptyDocument(): GraphDocument {
  return {
    format: 'netcanvas',
    version: CURRENT_VERSION,
    name: 'Untitled',
    description: '',
    nodes: [],
    edges: [],
    runs: [],
  };
}

export const PROJECT_EXTENSION = '.netcanvas.json';

/** "Moons with Adam" → "moons-with-adam.netcanvas.json". */
export function suggestFileName(name: string): string {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'untitled'}${PROJECT_EXTENSION}`;
}

/** "moons.netcanvas.json" → "moons". */
export function stripProjectExtension(fileName: string): string {
  return fileName.replace(/\.netcanvas\.json$/i, '').replace(/\.json$/i, '');
}

/**
 * The changes that turn the canvas's graph into `to`'s (its nodes, edges, name and description), as
 * one undoable step rather than a new document: a lesson's first variant put on the canvas while
 * all its variants train. Canvas A, B → remove A, B; add `to`'s nodes, then its edges; set its name.
 */
export function replaceContentsChanges(from: GraphDocument, to: GraphDocument): GraphChange[] {
  return [
    ...from.nodes.map((n): GraphChange => ({ type: 'removeNode', id: n.id })),
    ...to.nodes.map((node): GraphChange => ({ type: 'addNode', node: structuredClone(node) })),
    ...to.edges.map((edge): GraphChange => ({ type: 'addEdge', edge: structuredClone(edge) })),
    { type: 'setMeta', name: to.name, description: to.description },
  ];
}
