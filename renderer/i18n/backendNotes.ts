import { threadsNote } from '../../engine/train/notes';
import type { Language } from './messages';

/** The engine's fixed notes about threads, with their Chinese. */
const ZH = new Map([
  [threadsNote(2), '快速执行器：大型矩阵乘法使用 2 个线程。'],
  [
    threadsNote(1),
    '快速执行器使用 1 个线程：这里没有共享内存（SharedArrayBuffer），大型矩阵乘法不会用到第二个核心。',
  ],
]);

/**
 * A backend note of the run in the UI language. The thread notes are fixed texts of the engine
 * (`threadsNote`) and have Chinese; notes that carry the engine's reasons (why tf.js trains,
 * constant features) stay English.
 */
export const backendNoteText = (note: string, language: Language): string =>
  (language === 'zh' && ZH.get(note)) || note;
