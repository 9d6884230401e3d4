import { CURRENT_VERSION, type GraphDocument } from '../../engine/document/schema';

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
