import { useEffect, useState } from 'react';
import { useApp } from '../store/context';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Light or dark: the user's choice, or the system's while the choice is "follow system". */
export function useResolvedTheme(): 'light' | 'dark' {
  const preference = useApp((s) => s.themePreference);
  const [systemDark, setSystemDark] = useState(() => window.matchMedia(DARK_QUERY).matches);
  useEffect(() => {
    const query = window.matchMedia(DARK_QUERY);
    const onChange = () => setSystemDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return preference === 'system' ? (systemDark ? 'dark' : 'light') : preference;
}
