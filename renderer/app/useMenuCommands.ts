import { useEffect } from 'react';
import { useCanvasCommands } from '../canvas/useCanvasCommands';
import type { Platform } from '../platform/types';
import { useAppStoreApi } from '../store/context';
import { useProjectCommands } from './CommandsContext';

/** Runs the commands chosen in a native menu (Electron): the editor's, Train and Stop. */
export function useMenuCommands(platform: Platform | undefined): void {
  const store = useAppStoreApi();
  const project = useProjectCommands();
  const canvas = useCanvasCommands();
  useEffect(() => {
    if (!platform) return;
    return platform.onMenuCommand((command) => {
      const s = store.getState();
      const actions: Record<string, () => unknown> = {
        new: project.newProject,
        open: project.openProject,
        save: project.save,
        saveAs: project.saveAs,
        undo: s.undo,
        redo: s.redo,
        fitView: canvas.fitView,
        layout: canvas.layout,
        showShortcuts: () => s.showDialog({ type: 'shortcuts' }),
        train: () => s.train(),
        stopTraining: s.stopTraining,
      };
      void actions[command]?.();
    });
  }, [platform, store, project, canvas]);
}
