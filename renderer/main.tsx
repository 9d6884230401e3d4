import '@xyflow/react/dist/style.css';
import './styles/app.css';
import './styles/canvas.css';
import './styles/panels.css';
import './styles/panes.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { bootstrap } from './app/bootstrap';
import { CommandsProvider } from './app/CommandsContext';
import { StoreProvider } from './store/context';
import { TrainButton } from './training/TrainButton';
import { TrainingPanel } from './training/TrainingPanel';

const { store, commands, platform } = bootstrap(window);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <CommandsProvider commands={commands}>
        <App platform={platform} trainSlot={<TrainButton />} trainingPanel={<TrainingPanel />} />
      </CommandsProvider>
    </StoreProvider>
  </StrictMode>,
);
