import { z } from 'zod';
import { readDocument, schemaProblems } from '../../engine/document/parse';
import type { GraphDocument } from '../../engine/document/schema';
import { error, fail, ok, type Problem, type Result } from '../../engine/problems';
import type { Language } from '../i18n/messages';

/** A text of the catalog in both UI languages. */
const TextSchema = z.object({ en: z.string(), zh: z.string() });
export type LessonText = z.infer<typeof TextSchema>;

/** `presets/catalog.json`: one entry per lesson of the notes, each with its preset files. */
const CatalogSchema = z.object({
  lessons: z.array(
    z.object({
      id: z.string().min(1),
      /** Sections of the notes, "1.10–1.11". */
      notes: z.string(),
      title: TextSchema,
      shows: TextSchema,
      lookAt: TextSchema,
      tryNext: TextSchema,
      variants: z.array(z.object({ label: z.string(), file: z.string() })).min(1),
    }),
  ),
});
export type Catalog = z.infer<typeof CatalogSchema>;
export type Lesson = Catalog['lessons'][number];

/** A lesson's variant with its document loaded (or why it could not be). */
export interface LoadedVariant {
  label: string;
  file: string;
  doc: GraphDocument | null;
  problems: Problem[];
}

export interface LoadedLesson extends Omit<Lesson, 'variants'> {
  variants: LoadedVariant[];
}

// Lazy: the presets and their catalog are fetched when the gallery first opens, not at start.
const PRESET_FILES = import.meta.glob<unknown>('../../presets/*.netcanvas.json', { import: 'default' });
const loadCatalogJson = () => import('../../presets/catalog.json').then((m) => m.default as unknown);

/** The catalog checked against its schema; a malformed one is problems, never a throw. */
export function readCatalog(json: unknown): Result<Catalog> {
  const parsed = CatalogSchema.safeParse(json);
  return parsed.success ? ok(parsed.data) : fail(schemaProblems(parsed.error.issues, json));
}

/** The preset file names the bundle holds: "moons-adam.netcanvas.json", … */
export const presetFileNames = (): string[] =>
  Object.keys(PRESET_FILES).map((path) => path.slice(path.lastIndexOf('/') + 1));

/** Loads one preset of `presets/` by file name and reads it as a document. */
export async function loadPreset(file: string): Promise<Result<GraphDocument>> {
  const load = PRESET_FILES[`../../presets/${file}`];
  if (!load) return fail([error('NOT_A_DOCUMENT', null, `The gallery has no preset "${file}".`)]);
  return readDocument(await load());
}

/** The catalog with every variant's document, for the gallery's cards and thumbnails. */
export async function loadGallery(): Promise<Result<LoadedLesson[]>> {
  const catalog = readCatalog(await loadCatalogJson());
  if (!catalog.ok) return fail(catalog.problems);
  const lessons = await Promise.all(
    catalog.value.lessons.map(async (lesson) => ({
      ...lesson,
      variants: await Promise.all(
        lesson.variants.map(async (v): Promise<LoadedVariant> => {
          const read = await loadPreset(v.file);
          return { ...v, doc: read.ok ? read.value : null, problems: read.problems };
        }),
      ),
    })),
  );
  return ok(lessons);
}

/** The text in the UI's language. */
export const inLanguage = (text: LessonText, language: Language): string => text[language] || text.en;
