import { type Handle, Panel, useConnection } from '@xyflow/react';
import type { GraphDocument } from '../../engine/document/schema';
import { checkConnection, type Refusal } from '../graph/connection';
import type { Translate } from '../i18n/i18n';
import { lookup } from '../i18n/i18n';
import type { Language } from '../i18n/messages';
import { useLanguage, useT } from '../i18n/useT';
import { useAppStoreApi } from '../store/context';

/** Why joining these two handles is refused, or null when it is allowed. */
export function refusalBetween(doc: GraphDocument, from: Handle, to: Handle): Refusal | null {
  if (from.type === to.type) return { key: 'connect.noPort', vars: {} };
  const [source, target] = from.type === 'source' ? [from, to] : [to, from];
  return checkConnection(doc, {
    source: source.nodeId,
    sourceHandle: source.id ?? null,
    target: target.nodeId,
    targetHandle: target.id ?? null,
  });
}

/** The refusal as a sentence, port types in the user's language. */
export function describeRefusal(refusal: Refusal, t: Translate, language: Language): string {
  const vars = { ...refusal.vars };
  for (const k of ['from', 'to'] as const) {
    const v = vars[k];
    if (v) vars[k] = lookup(language, `port.${v}`) ?? v;
  }
  return t(refusal.key, vars);
}

/** While a connection is dragged over a port it may not join, says why at the top of the canvas. */
export function ConnectionHint() {
  const store = useAppStoreApi();
  const t = useT();
  const language = useLanguage();
  const message = useConnection((c) => {
    if (!c.inProgress || !c.toHandle || c.isValid !== false) return null;
    const refusal = refusalBetween(store.getState().doc, c.fromHandle, c.toHandle);
    return refusal && describeRefusal(refusal, t, language);
  });
  if (!message) return null;
  return (
    <Panel position="top-center">
      <div className="connection-hint" role="status" data-testid="connection-reason">
        {message}
      </div>
    </Panel>
  );
}
