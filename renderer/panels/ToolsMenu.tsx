import { useT } from '../i18n/useT';
import { useAppStoreApi } from '../store/context';
import { Menu, MenuItem } from './Menu';

/** The notes' tools that work on the whole graph: gradient checking and hyperparameter search. */
export function ToolsMenu() {
  const t = useT();
  const store = useAppStoreApi();
  return (
    <Menu label={t('tools.menu')} testId="menu-tools">
      <MenuItem onSelect={() => store.getState().checkGradients()} testId="cmd-gradcheck">
        {t('gradcheck.action')}…
      </MenuItem>
      <MenuItem onSelect={() => store.getState().openTuning()} testId="cmd-tuning">
        {t('tuning.action')}…
      </MenuItem>
    </Menu>
  );
}
