import { describe, expect, it } from 'vitest';
import { threadsNote } from '../../engine/train/notes';
import { backendNoteText } from './backendNotes';

describe('backend notes in the UI language', () => {
  it('says the thread notes in Chinese and keeps other notes as the engine wrote them', () => {
    expect(backendNoteText(threadsNote(2), 'zh')).toBe('快速执行器：大型矩阵乘法使用 2 个线程。');
    expect(backendNoteText(threadsNote(1), 'zh')).toMatch(/^快速执行器使用 1 个线程/);
    expect(backendNoteText(threadsNote(2), 'en')).toBe('Fast executor: large matrix products on 2 threads.');
    expect(backendNoteText('Trained with tf.js: no fast form', 'zh')).toBe(
      'Trained with tf.js: no fast form',
    );
  });
});
