import { type ReactNode, useEffect, useRef, useState } from 'react';

/** A toolbar button that opens a list of items; closes on a click outside or Escape. */
export function Menu({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div className="menu" ref={root}>
      <button
        type="button"
        className={`tool${open ? ' tool--active' : ''}`}
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid={testId}
        onClick={() => setOpen(!open)}
      >
        {label} ▾
      </button>
      {open && (
        // Clicking an item runs it and closes the menu.
        // biome-ignore lint/a11y/useKeyWithClickEvents: items are buttons; Enter on them bubbles a click.
        <div className="menu__list" role="menu" tabIndex={-1} onClick={() => setOpen(false)}>
          {children}
        </div>
      )}
    </div>
  );
}

export function MenuItem({
  children,
  onSelect,
  checked,
  shortcut,
  testId,
  disabled,
}: {
  children: ReactNode;
  onSelect: () => void;
  checked?: boolean;
  shortcut?: string;
  testId?: string;
  disabled?: boolean;
}) {
  const content = (
    <>
      <span className="menu__check">{checked ? '✓' : ''}</span>
      <span className="menu__text">{children}</span>
      {shortcut && <kbd className="menu__shortcut">{shortcut}</kbd>}
    </>
  );
  return checked === undefined ? (
    <button
      type="button"
      role="menuitem"
      className="menu__item"
      data-testid={testId}
      disabled={disabled}
      onClick={onSelect}
    >
      {content}
    </button>
  ) : (
    <button
      type="button"
      role="menuitemradio"
      aria-checked={checked}
      className="menu__item"
      data-testid={testId}
      disabled={disabled}
      onClick={onSelect}
    >
      {content}
    </button>
  );
}

export function MenuHeading({ children }: { children: ReactNode }) {
  return <div className="menu__heading">{children}</div>;
}

export function MenuDivider() {
  return <hr className="menu__divider" />;
}
