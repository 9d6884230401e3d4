import type { AriaLabelConfig } from '@xyflow/react';
import type { Translate } from '../i18n/i18n';

/**
 * React Flow's own labels (zoom controls, minimap, keyboard help for nodes and edges) in the UI
 * language; React Flow's defaults are English only.
 */
export function flowAriaLabels(t: Translate): Partial<AriaLabelConfig> {
  return {
    'node.a11yDescription.default': t('flow.nodeHelp'),
    'node.a11yDescription.keyboardDisabled': t('flow.nodeHelp'),
    'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) => t('flow.moved', { direction, x, y }),
    'edge.a11yDescription.default': t('flow.edgeHelp'),
    'controls.ariaLabel': t('flow.controls'),
    'controls.zoomIn.ariaLabel': t('flow.zoomIn'),
    'controls.zoomOut.ariaLabel': t('flow.zoomOut'),
    'controls.fitView.ariaLabel': t('flow.fitView'),
    'controls.interactive.ariaLabel': t('flow.interactive'),
    'minimap.ariaLabel': t('flow.minimap'),
    'handle.ariaLabel': t('flow.handle'),
  };
}
