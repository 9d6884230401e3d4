import { createContext, type ReactNode, useContext } from 'react';
import type { ProjectCommands } from './commands';

const CommandsContext = createContext<ProjectCommands | null>(null);

export function CommandsProvider({ commands, children }: { commands: ProjectCommands; children: ReactNode }) {
  return <CommandsContext.Provider value={commands}>{children}</CommandsContext.Provider>;
}

export function useProjectCommands(): ProjectCommands {
  const commands = useContext(CommandsContext);
  if (!commands) throw new Error('useProjectCommands outside <CommandsProvider>');
  return commands;
}
