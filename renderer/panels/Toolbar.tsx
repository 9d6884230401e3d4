import { memo, type ReactNode } from 'react';
import { useProjectCommands } from '../app/CommandsContext';
import { useCanvasCommands } from '../canvas/useCanvasCommands';
import { useT } from '../i18n/useT';
import { useApp, useAppStoreApi } from '../store/context';
import { selectCanRedo, selectCanUndo, selectDisplayName, selectIsDirty } from '../store/selectors';
import { Menu, MenuDivider, MenuHeading, MenuItem } from './Menu';
import { SHORTCUTS } from './shortcuts';
import { ToolsMenu } from './ToolsMenu';

function Tool({
  label,
  onClick,
  shortcut,
  testId,
  disabled,
}: {
  label: string;
  onClick: () => void;
  shortcut?: string;
  testId: string;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      className="tool"
      onClick={onClick}
      title={shortcut ? `${label} (${shortcut})` : label}
      data-testid={testId}
      disabled={disabled}
    >
      {label}
    </button>
  );
}

function ViewMenu() {
  const t = useT();
  const store = useAppStoreApi();
  const theme = useApp((s) => s.themePreference);
  const language = useApp((s) => s.languagePreference);
  const minimap = useApp((s) => s.showMinimap);
  const canvas = useCanvasCommands();
  const s = () => store.getState();
  return (
    <Menu label={t('menu.view')} testId="menu-view">
      <MenuItem onSelect={canvas.layout} shortcut={SHORTCUTS.layout} testId="cmd-layout-menu">
        {t('cmd.layout')}
      </MenuItem>
      <MenuItem onSelect={canvas.fitView} shortcut={SHORTCUTS.fitView}>
        {t('cmd.fitView')}
      </MenuItem>
      <MenuItem onSelect={() => s().setShowMinimap(!minimap)} checked={minimap}>
        {t('view.minimap')}
      </MenuItem>
      <MenuHeading>{t('view.theme')}</MenuHeading>
      {(['system', 'light', 'dark'] as const).map((v) => (
        <MenuItem
          key={v}
          checked={theme === v}
          onSelect={() => s().setThemePreference(v)}
          testId={`theme-${v}`}
        >
          {t(`theme.${v}`)}
        </MenuItem>
      ))}
      <MenuHeading>{t('view.language')}</MenuHeading>
      {(['system', 'en', 'zh'] as const).map((v) => (
        <MenuItem
          key={v}
          checked={language === v}
          onSelect={() => s().setLanguagePreference(v)}
          testId={`language-${v}`}
        >
          {t(`language.${v}`)}
        </MenuItem>
      ))}
      <MenuDivider />
      <MenuItem onSelect={() => s().showDialog({ type: 'shortcuts' })}>{t('cmd.shortcuts')}…</MenuItem>
    </Menu>
  );
}

/**
 * File and edit commands, the View menu, the project's name with its unsaved mark, and the
 * problem status. `trainSlot` is where the training panel's Train button goes.
 */
export const Toolbar = memo(function Toolbar({ trainSlot }: { trainSlot?: ReactNode }) {
  const t = useT();
  const store = useAppStoreApi();
  const project = useProjectCommands();
  const canvas = useCanvasCommands();
  const name = useApp(selectDisplayName);
  const dirty = useApp(selectIsDirty);
  const canUndo = useApp(selectCanUndo);
  const canRedo = useApp(selectCanRedo);
  const errors = useApp((s) => s.analysis.errorCount);
  return (
    <header className="toolbar" data-testid="toolbar">
      <span className="toolbar__brand">NetCanvas</span>
      <div className="toolbar__group" title={t('menu.file')}>
        <Tool label={t('cmd.new')} onClick={project.newProject} shortcut={SHORTCUTS.new} testId="cmd-new" />
        <Tool
          label={t('cmd.open')}
          onClick={project.openProject}
          shortcut={SHORTCUTS.open}
          testId="cmd-open"
        />
        <Tool label={t('gallery.open')} onClick={() => store.getState().openGallery()} testId="cmd-lessons" />
        <Tool label={t('cmd.save')} onClick={project.save} shortcut={SHORTCUTS.save} testId="cmd-save" />
        <Tool
          label={t('cmd.saveAs')}
          onClick={project.saveAs}
          shortcut={SHORTCUTS.saveAs}
          testId="cmd-save-as"
        />
      </div>
      <div className="toolbar__group" title={t('menu.edit')}>
        <Tool
          label={t('cmd.undo')}
          onClick={() => store.getState().undo()}
          shortcut={SHORTCUTS.undo}
          testId="cmd-undo"
          disabled={!canUndo}
        />
        <Tool
          label={t('cmd.redo')}
          onClick={() => store.getState().redo()}
          shortcut={SHORTCUTS.redo}
          testId="cmd-redo"
          disabled={!canRedo}
        />
        <Tool
          label={t('cmd.layout')}
          onClick={canvas.layout}
          shortcut={SHORTCUTS.layout}
          testId="cmd-layout"
        />
        <Tool
          label={t('cmd.addNode')}
          onClick={canvas.openSearchAtCentre}
          shortcut="/"
          testId="cmd-add-node"
        />
      </div>
      <ViewMenu />
      <ToolsMenu />
      <div className="toolbar__title" data-testid="project-title">
        <span className="toolbar__name">{name}</span>
        {dirty && (
          <span className="toolbar__dirty" title={t('app.unsavedMark')} data-testid="unsaved-mark">
            ●
          </span>
        )}
      </div>
      <span className={`status ${errors ? 'status--bad' : 'status--ok'}`} data-testid="status">
        {errors ? t('status.notReady') : t('status.ready')}
      </span>
      <div className="toolbar__train" data-slot="train">
        {trainSlot}
      </div>
    </header>
  );
});
