import { memo, useState } from 'react';
import type { GraphNode } from '../../engine/document/schema';
import { nodeKind } from '../../engine/nodes/registry';
import type { AnyNodeKind } from '../../engine/nodes/types';
import { DataSourceActions } from '../data/DataSourceActions';
import { describeSchema } from '../forms/describe';
import { ParamForm } from '../forms/ParamForm';
import { useLanguage, useT } from '../i18n/useT';
import { useApp, useAppStoreApi } from '../store/context';
import { selectInspectedNode } from '../store/selectors';
import { Formula } from './Formula';
import { formulaFor } from './formulas';
import { MergeInputs } from './MergeInputs';
import { ProblemRow } from './ProblemsPanel';

/** Edits the one selected node: label, params form, formula, hint and its problems. */
const NodeInspector = memo(function NodeInspector({ node }: { node: GraphNode }) {
  const t = useT();
  const language = useLanguage();
  const store = useAppStoreApi();
  const kind = nodeKind(node.kind);
  const problems = useApp((s) => s.analysis.byNode.get(node.id));
  const several = kind?.inputs.find((p) => p.multiple);
  const [labelDraft, setLabelDraft] = useState<string | null>(null);
  return (
    <div className="inspector__body" data-testid={`inspector-${node.id}`}>
      <header className={`inspector__head inspector__head--${(kind?.category ?? 'unknown').toLowerCase()}`}>
        <h2 className="inspector__kind">{kind ? kind.title[language] : node.kind}</h2>
        <code className="inspector__id">{node.id}</code>
      </header>
      <label className="field">
        <span className="field__label">{t('inspector.label')}</span>
        <input
          className="input"
          data-testid="field-label"
          placeholder={node.id}
          value={labelDraft ?? node.label ?? ''}
          onChange={(e) => {
            setLabelDraft(e.target.value);
            const label = e.target.value.trim() || undefined;
            store
              .getState()
              .applyChanges([{ type: 'setLabel', id: node.id, label }], { mergeKey: `label:${node.id}` });
          }}
          onBlur={() => setLabelDraft(null)}
        />
      </label>
      {kind ? (
        <>
          <p className="inspector__hint" data-testid="hint">
            {kind.hint[language]}
          </p>
          <h3 className="inspector__section">{t('inspector.formula')}</h3>
          <Formula tex={formulaFor(kind, node.params)} />
          {several && <MergeInputs nodeId={node.id} port={several.name} />}
          {hasParams(kind) && (
            <>
              <h3 className="inspector__section">{t('inspector.params')}</h3>
              {kind.role === 'dataset' && <DataSourceActions node={node} />}
              <ParamForm node={node} kind={kind} problems={problems} />
            </>
          )}
        </>
      ) : (
        <p className="inspector__hint">{t('inspector.unknownKind', { kind: node.kind })}</p>
      )}
      {problems && (
        <>
          <h3 className="inspector__section">{t('inspector.problems')}</h3>
          <div className="inspector__problems">
            {problems.problems.map((p) => (
              <ProblemRow key={`${p.code}|${p.path ?? ''}|${p.message}`} problem={p} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}, sameEditableNode);

/** Flatten, Add and Concatenate have nothing to set: no empty Parameters heading for them. */
function hasParams(kind: AnyNodeKind): boolean {
  const desc = describeSchema(kind.params);
  return desc.type !== 'object' || desc.fields.length > 0;
}

/** Moving a node does not change what the inspector shows. */
function sameEditableNode(a: { node: GraphNode }, b: { node: GraphNode }): boolean {
  return a.node.params === b.node.params && a.node.label === b.node.label && a.node.kind === b.node.kind;
}

/** With no node selected: the project's name and description. */
function ProjectInspector() {
  const t = useT();
  const store = useAppStoreApi();
  const name = useApp((s) => s.doc.name);
  const description = useApp((s) => s.doc.description);
  const nodes = useApp((s) => s.doc.nodes.length);
  const edges = useApp((s) => s.doc.edges.length);
  const [draft, setDraft] = useState<{ name?: string; description?: string }>({});
  const change = (field: 'name' | 'description', value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    store.getState().applyChanges([{ type: 'setMeta', [field]: value }], { mergeKey: `meta:${field}` });
  };
  return (
    <div className="inspector__body" data-testid="inspector-project">
      <header className="inspector__head">
        <h2 className="inspector__kind">{t('inspector.project')}</h2>
        <span className="inspector__id">{t('inspector.projectStats', { nodes, edges })}</span>
      </header>
      <label className="field">
        <span className="field__label">{t('field.name')}</span>
        <input
          className="input"
          data-testid="field-doc-name"
          value={draft.name ?? name}
          onChange={(e) => change('name', e.target.value)}
          onBlur={() => setDraft((d) => ({ ...d, name: undefined }))}
        />
      </label>
      <label className="field">
        <span className="field__label">{t('field.description')}</span>
        <textarea
          className="input"
          rows={8}
          value={draft.description ?? description}
          onChange={(e) => change('description', e.target.value)}
          onBlur={() => setDraft((d) => ({ ...d, description: undefined }))}
        />
      </label>
      <p className="inspector__hint">{t('inspector.none')}</p>
    </div>
  );
}

export const Inspector = memo(function Inspector() {
  const t = useT();
  const node = useApp(selectInspectedNode);
  const count = useApp((s) => s.selectedNodes.size);
  return (
    <aside className="inspector" data-testid="inspector" aria-label={t('inspector.title')}>
      {node ? (
        <NodeInspector key={node.id} node={node} />
      ) : count > 1 ? (
        <p className="inspector__empty" data-testid="inspector-many">
          {t('inspector.many', { count })}
        </p>
      ) : (
        <ProjectInspector />
      )}
    </aside>
  );
});
