import { useEffect } from 'react';
import { useT } from '../i18n/useT';
import { useApp, useAppStoreApi } from '../store/context';

/** A short message at the top of the canvas, under the toolbar (saved, connection refused); goes by itself. */
export function Toast() {
  const toast = useApp((s) => s.toast);
  const store = useAppStoreApi();
  const t = useT();
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => store.getState().dismissToast(), toast.kind === 'error' ? 6000 : 3000);
    return () => clearTimeout(timer);
  }, [toast, store]);
  if (!toast) return null;
  return (
    <div
      className={`toast toast--${toast.kind}`}
      role={toast.kind === 'error' ? 'alert' : 'status'}
      data-testid="toast"
    >
      {t(toast.key, toast.vars)}
    </div>
  );
}
