import { decodeImage } from './images.js';
import { MAX_DATA_VALUES, MAX_FOLDER_IMAGES, thousands, valuesProblem } from './limits.js';
import { bad, good, type Outcome } from './outcome.js';
import { listFolder, readBytes } from './read.js';
import { resizeArea, withChannels } from './resize.js';
import type { DataFileReader, FolderEntry, LabeledData } from './types.js';

/**
 * A folder of class-named subfolders of images, as Keras's image_dataset_from_directory and
 * torchvision's ImageFolder read them: shoes/boot/1.png, shoes/sandal/7.jpg → classes
 * ['boot', 'sandal']. Every image is decoded, made grey or RGB, resized to the source's size by area
 * averaging and scaled to [0, 1]. All or nothing: one unreadable image and no data at all.
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

/** Most messages about single images; the rest are counted. */
const MAX_REPORTED = 20;

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

/**
 * Loads an image folder: x [m, height·width·channels] (each image resized by area averaging, grey
 * by BT.601 luma or RGB, in [0, 1]), y [m] class indices, classNames the subfolder names,
 * imageShape [height, width, channels]. Messages name each unreadable image (the first 20).
 */
export async function loadImageFolder(
  reader: DataFileReader | undefined,
  source: ImageFolderSource,
  room = MAX_DATA_VALUES,
): Promise<Outcome<LabeledData>> {
  const plan = await readFolderPlan(reader, source.path);
  if (!plan.ok) return plan;
  const tooBig = folderSizeProblem(source.path, plan.value, source, room);
  if (tooBig) return bad(tooBig);
  const { width, height, channels } = source;
  const features = width * height * channels;
  const m = plan.value.images.length;
  const x = new Float32Array(m * features);
  const y = new Float32Array(m);
  const failures: string[] = [];
  let i = 0;
  for (; i < m && failures.length < MAX_REPORTED; i++) {
    const image = plan.value.images[i] as FolderPlan['images'][number];
    y[i] = image.label;
    const bytes = await readBytes(reader, image.path);
    if (!bytes.ok) {
      failures.push(...bytes.messages);
      continue;
    }
    const picture = decodeImage(bytes.value);
    if (!picture.ok) {
      failures.push(...picture.messages.map((message) => `'${image.path}' ${message}`));
      continue;
    }
    const { width: w, height: h } = picture.value;
    resizeArea(
      withChannels(picture.value, channels),
      { width: w, height: h, channels },
      { width, height },
      x,
      i * features,
    );
  }
  if (failures.length && i < m) {
    failures.push(
      `NetCanvas stopped after ${MAX_REPORTED} images it could not read, ${thousands(m - i)} before the end; no image of '${source.path}' was loaded.`,
    );
  }
  if (failures.length) return bad(...failures);
  return good({
    m,
    features,
    x,
    y,
    classes: plan.value.classes.length,
    targets: 1,
    classNames: plan.value.classes,
    imageShape: [height, width, channels],
  });
}
