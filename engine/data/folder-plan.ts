import { MAX_DATA_VALUES, MAX_FOLDER_IMAGES, thousands, valuesProblem } from './limits.js';
import { bad, good, type Outcome } from './outcome.js';
import { listFolder } from './read.js';
import type { DataFileReader, FolderEntry } from './types.js';

/**
 * The plan of an image folder, from its listings alone (nothing decoded, so the app can check a
 * folder the moment it is opened): a folder of class-named subfolders of images, as Keras's
 * image_dataset_from_directory and torchvision's ImageFolder read them: shoes/boot/1.png,
 * shoes/sandal/7.jpg → classes ['boot', 'sandal'].
 */

export interface ImageFolderSource {
  path: string;
  width: number;
  height: number;
  channels: 1 | 3;
}

/** The images a folder holds, in the order they are read, and its classes. */
export interface FolderPlan {
  /** Subfolder names in code-unit order; class i is classes[i]. */
  classes: string[];
  /** Paths relative to the document's folder ('shoes/boot/1.png') with their class index. */
  images: { path: string; label: number }[];
}

const IMAGE = /\.(png|jpe?g)$/i;
const hidden = (entry: FolderEntry) => entry.name.startsWith('.');
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const join = (folder: string, name: string) => `${folder.replace(/\/+$/, '')}/${name}`;

/**
 * The classes and image files of a folder, from its listings alone (nothing decoded): subfolders
 * are classes, sorted; inside each, the .png/.jpg/.jpeg files (any case), sorted by name. Hidden
 * entries (".DS_Store"), other files and deeper folders are passed over.
 */
export function planFolder(
  path: string,
  root: readonly FolderEntry[],
  classEntries: ReadonlyMap<string, readonly FolderEntry[]>,
): Outcome<FolderPlan> {
  const classes = root
    .filter((e) => e.kind === 'folder' && !hidden(e))
    .map((e) => e.name)
    .sort(byName);
  if (classes.length === 0) {
    return bad(
      `'${path}' has no subfolders: put each class's images in a subfolder named after the class ` +
        `(${path}/cat/1.png, ${path}/dog/2.png, …).`,
    );
  }
  const images: FolderPlan['images'] = [];
  const empty: string[] = [];
  classes.forEach((name, label) => {
    const files = (classEntries.get(name) ?? [])
      .filter((e) => e.kind === 'file' && !hidden(e) && IMAGE.test(e.name))
      .map((e) => e.name)
      .sort(byName);
    if (files.length === 0) empty.push(`'${join(path, name)}' has no PNG or JPEG images.`);
    for (const file of files) images.push({ path: join(join(path, name), file), label });
  });
  return empty.length ? bad(...empty) : good({ classes, images });
}

/** Lists the folder and each class subfolder through the reader. */
export async function readFolderPlan(
  reader: DataFileReader | undefined,
  path: string,
): Promise<Outcome<FolderPlan>> {
  const root = await listFolder(reader, path);
  if (!root.ok) return root;
  const classEntries = new Map<string, FolderEntry[]>();
  for (const entry of root.value) {
    if (entry.kind !== 'folder' || hidden(entry)) continue;
    const inside = await listFolder(reader, join(path, entry.name));
    if (!inside.ok) return inside;
    classEntries.set(entry.name, inside.value);
  }
  return planFolder(path, root.value, classEntries);
}

/** Why a plan is too big to load (image count, then values against `room`), or null. */
export function folderSizeProblem(
  path: string,
  plan: FolderPlan,
  source: ImageFolderSource,
  room = MAX_DATA_VALUES,
): string | null {
  const m = plan.images.length;
  if (m > MAX_FOLDER_IMAGES) {
    return `'${path}' holds ${thousands(m)} images; NetCanvas reads at most ${thousands(MAX_FOLDER_IMAGES)} from image folders.`;
  }
  return valuesProblem(
    `'${path}' (${thousands(m)} images of ${source.height} × ${source.width} × ${source.channels})`,
    m,
    source.height * source.width * source.channels,
    room,
  );
}
