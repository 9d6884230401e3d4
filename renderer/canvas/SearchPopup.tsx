import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_NODE_SIZE } from '../graph/layout';
import { searchKinds } from '../graph/search';
import { useLanguage, useT } from '../i18n/useT';
import { useApp, useAppStoreApi } from '../store/context';
import type { SearchRequest } from '../store/types';
import { useCanvasCommands } from './useCanvasCommands';

const WIDTH = 300;
const HEIGHT = 360;

function SearchBox({ request }: { request: SearchRequest }) {
  const t = useT();
  const language = useLanguage();
  const store = useAppStoreApi();
  const commands = useCanvasCommands();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const matches = useMemo(() => searchKinds(query), [query]);
  useEffect(() => input.current?.focus(), []);

  const close = () => store.getState().closeSearch();
  const add = (kind: string) => {
    close();
    const at = {
      x: request.flow.x - DEFAULT_NODE_SIZE.width / 2,
      y: request.flow.y - DEFAULT_NODE_SIZE.height / 2,
    };
    commands.addNode(kind, at, { wire: true });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (matches.length ? (i + step + matches.length) % matches.length : 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const kind = matches[Math.min(active, matches.length - 1)];
      if (kind) add(kind.kind);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };
  const left = Math.max(8, Math.min(request.screen.x, window.innerWidth - WIDTH - 8));
  const top = Math.max(8, Math.min(request.screen.y, window.innerHeight - HEIGHT - 8));

  return (
    <div className="search-layer">
      <button
        type="button"
        className="search-layer__backdrop"
        aria-label={t('common.close')}
        onClick={close}
      />
      <div
        className="search"
        style={{ left, top, width: WIDTH }}
        role="dialog"
        aria-label={t('search.label')}
      >
        <input
          ref={input}
          className="search__input"
          data-testid="node-search"
          placeholder={t('search.placeholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul className="search__list">
          {matches.map((kind, i) => (
            <li key={kind.kind}>
              <button
                type="button"
                className={`search__item${i === active ? ' search__item--active' : ''}`}
                data-testid={`search-item-${kind.kind}`}
                onMouseEnter={() => setActive(i)}
                onClick={() => add(kind.kind)}
              >
                <span className={`dot dot--${kind.category.toLowerCase()}`} />
                <span className="search__title">{kind.title[language]}</span>
                <span className="search__kind">{kind.kind}</span>
              </button>
            </li>
          ))}
          {matches.length === 0 && <li className="search__none">{t('search.none')}</li>}
        </ul>
        <div className="search__keys">{t('search.keys')}</div>
      </div>
    </div>
  );
}

/** The "add a node" search: double-click the canvas or press "/". */
export function SearchPopup() {
  const request = useApp((s) => s.search);
  return request ? <SearchBox request={request} /> : null;
}
