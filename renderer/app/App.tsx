import { ReactFlowProvider } from '@xyflow/react';
import { type ReactNode, useEffect } from 'react';
import { z } from 'zod';
import { SearchPopup } from '../canvas/SearchPopup';
import { GalleryDialog } from '../gallery/GalleryDialog';
import { GradcheckDialog } from '../gradcheck/GradcheckDialog';
import { useLanguage } from '../i18n/useT';
import { Dialogs, RecoveryDialog } from '../panels/Dialogs';
import { Palette } from '../panels/Palette';
import { Toast } from '../panels/Toast';
import { Toolbar } from '../panels/Toolbar';
import type { Platform } from '../platform/types';
import { TuningPanel } from '../tuning/TuningPanel';
import { useResolvedTheme } from './theme';
import { useMenuCommands } from './useMenuCommands';
import { useShortcuts } from './useShortcuts';
import { Workspace } from './Workspace';

export interface AppSlots {
  /** The platform, so native menu commands (Electron) reach the editor. */
  platform?: Platform;
  /** The Train button (renderer/training/), shown at the right of the toolbar. */
  trainSlot?: ReactNode;
  /** The training panel (renderer/training/), a pane under the canvas. */
  trainingPanel?: ReactNode;
}

function Shell({ trainSlot, trainingPanel, platform }: AppSlots) {
  useShortcuts();
  useMenuCommands(platform);
  const theme = useResolvedTheme();
  const language = useLanguage();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    // zod's own messages ("Too small: expected number to be >=1") follow the UI language too.
    z.config(language === 'zh' ? z.locales.zhCN() : z.locales.en());
  }, [language]);
  return (
    <div className="app">
      <Toolbar trainSlot={trainSlot} />
      <Palette />
      <main className="workspace-area">
        <Workspace trainingPanel={trainingPanel} />
      </main>
      <TuningPanel />
      <SearchPopup />
      <GalleryDialog />
      <GradcheckDialog />
      <Dialogs />
      <RecoveryDialog />
      <Toast />
    </div>
  );
}

/** The editor. Expects <StoreProvider> and <CommandsProvider> around it (see main.tsx). */
export function App(slots: AppSlots) {
  return (
    <ReactFlowProvider>
      <Shell {...slots} />
    </ReactFlowProvider>
  );
}
