import { useEffect } from 'react';
import { useCanvasCommands } from '../canvas/useCanvasCommands';
import { useAppStoreApi } from '../store/context';
import { useProjectCommands } from './CommandsContext';

const TEXT_INPUTS = new Set(['text', 'search', 'number', 'email', 'url', 'password', '']);

/** Keys typed into a field edit the field, not the graph. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target instanceof HTMLInputElement && TEXT_INPUTS.has(target.type);
}

/**
 * The editor's keyboard shortcuts (listed in panels/shortcuts.ts). File commands work everywhere;
 * the others are left to text fields while one has the focus.
 */
export function useShortcuts(): void {
  const store = useAppStoreApi();
  const project = useProjectCommands();
  const canvas = useCanvasCommands();
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const s = store.getState();
      if (e.defaultPrevented || s.dialog || s.recovery) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const run = (action: () => unknown) => {
        e.preventDefault();
        void action();
      };
      if (mod && !e.altKey && key === 's') return run(e.shiftKey ? project.saveAs : project.save);
      if (mod && !e.altKey && key === 'o') return run(project.openProject);
      if ((mod || e.altKey) && e.code === 'KeyN') return run(project.newProject);
      if (isEditable(e.target) || s.search) return;
      if (mod && key === 'z') return run(e.shiftKey ? s.redo : s.undo);
      if (e.ctrlKey && key === 'y') return run(s.redo);
      if (mod && key === 'c') return run(s.copySelection);
      if (mod && key === 'v') return run(s.paste);
      if (mod && key === 'd') return run(s.duplicateSelection);
      if (mod && key === 'a') return run(s.selectAll);
      if (mod || e.altKey) return;
      if (key === 'delete' || key === 'backspace') return run(s.deleteSelection);
      if (key === '/') return run(canvas.openSearchAtCentre);
      if (key === 'l') return run(canvas.layout);
      if (key === 'f') return run(canvas.fitView);
      if (key === 'escape') return run(s.clearSelection);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, project, canvas]);
}
