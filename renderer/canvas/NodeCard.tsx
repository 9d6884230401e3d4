import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { nodeKind } from '../../engine/nodes/registry';
import type { AnyNodeKind, PortSpec } from '../../engine/nodes/types';
import { countRender } from '../app/renderCounts';
import { type Language, lookup } from '../i18n/i18n';
import { problemText } from '../i18n/problemText';
import { useLanguage, useT } from '../i18n/useT';
import { LayerBars } from '../inspect/LayerBars';
import { NeuronPictures } from '../inspect/NeuronPictures';
import { NodeFilters } from '../inspect/NodeFilters';
import { NodeGradient } from '../inspect/StepFlow';
import type { CardNode } from './flowElements';

/** "20 units · relu · he" from the kind's own summary; nothing when the params do not parse. */
function summaryOf(kind: AnyNodeKind | undefined, params: unknown, language: Language): string {
  if (!kind) return '';
  const parsed = kind.params.safeParse(params);
  return parsed.success ? kind.summary(parsed.data, language) : '';
}

/** Plain layers have one tensor in and one out: their handles sit mid-height, unlabeled. */
const isPlainLayer = (kind: AnyNodeKind) =>
  kind.inputs.length <= 1 &&
  kind.outputs.length <= 1 &&
  [...kind.inputs, ...kind.outputs].every((p) => p.name === 'in' || p.name === 'out');

/**
 * A port. One that takes several edges (a merge's `in`) is drawn tall, with the number of edges it
 * has inside it; its wires end spread along it, in order.
 */
function PortHandle({
  nodeId,
  port,
  side,
  count,
}: {
  nodeId: string;
  port: PortSpec;
  side: 'in' | 'out';
  count?: number | undefined;
}) {
  const t = useT();
  const language = useLanguage();
  const several = side === 'in' && port.multiple === true;
  const title = `${port.name} · ${lookup(language, `port.${port.type}`) ?? port.type}${port.optional ? ` (${lookup(language, 'port.optional')})` : ''}`;
  return (
    <Handle
      type={side === 'in' ? 'target' : 'source'}
      position={side === 'in' ? Position.Left : Position.Right}
      id={port.name}
      className={`port-handle port-handle--${port.type}${several ? ' port-handle--several' : ''}`}
      data-testid={`handle-${nodeId}-${port.name}`}
      data-edges={several ? (count ?? 0) : undefined}
      title={several ? `${title} · ${t('port.several', { count: count ?? 0 })}` : title}
    >
      {several && count ? <span className="port-handle__count">{count}</span> : null}
    </Handle>
  );
}

/** A node on the canvas: kind, key params, typed ports and a problem marker. Memoized. */
export const NodeCard = memo(function NodeCard({ id, data, selected }: NodeProps<CardNode>) {
  countRender(id);
  const t = useT();
  const language = useLanguage();
  const { node, problems, severalInputs } = data;
  const kind = nodeKind(node.kind);
  const summary = useMemo(() => summaryOf(kind, node.params, language), [kind, node.params, language]);
  const severity = problems?.severity;
  const className = [
    'card',
    `card--${(kind?.category ?? 'unknown').toLowerCase()}`,
    severity ? `card--${severity}` : '',
    selected ? 'card--selected' : '',
  ].join(' ');
  const plain = kind ? isPlainLayer(kind) : true;
  const rows = kind ? Math.max(kind.inputs.length, kind.outputs.length) : 0;

  return (
    <div className={className} data-testid={`node-${id}`}>
      <div className="card__header">
        <span className="card__title">{kind ? kind.title[language] : node.kind}</span>
        <span className="card__id">{node.label ?? id}</span>
        {problems && (
          <span
            className={`card__badge card__badge--${severity}`}
            data-testid={`node-problem-${id}`}
            title={problems.problems.map((p) => problemText(p, language)).join('\n')}
          >
            {problems.problems.length > 1 ? problems.problems.length : '!'}
          </span>
        )}
      </div>
      <div className="card__summary" data-testid={`node-summary-${id}`}>
        {kind ? summary || '—' : t('node.unknownKind')}
      </div>
      <NeuronPictures nodeId={id} />
      <NodeFilters nodeId={id} />
      {kind?.role === 'layer' && <LayerBars nodeId={id} />}
      {kind?.role === 'layer' && <NodeGradient nodeId={id} />}
      {kind && plain && (
        <>
          {kind.inputs[0] && <PortHandle nodeId={id} port={kind.inputs[0]} side="in" count={severalInputs} />}
          {kind.outputs[0] && <PortHandle nodeId={id} port={kind.outputs[0]} side="out" />}
        </>
      )}
      {kind && !plain && (
        <div className="card__ports">
          {Array.from({ length: rows }, (_, i) => {
            const input = kind.inputs[i];
            const output = kind.outputs[i];
            return (
              <div className="card__port-row" key={`${input?.name ?? ''}|${output?.name ?? ''}`}>
                <span
                  className={`card__port card__port--in${input?.optional ? ' card__port--optional' : ''}`}
                >
                  {input && (
                    <>
                      <PortHandle nodeId={id} port={input} side="in" count={severalInputs} />
                      {input.name}
                    </>
                  )}
                </span>
                <span className="card__port card__port--out">
                  {output && (
                    <>
                      {output.name}
                      <PortHandle nodeId={id} port={output} side="out" />
                    </>
                  )}
                </span>
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
});
