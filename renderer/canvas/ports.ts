import type { PortType } from '../../engine/nodes/types';

export const PORT_TYPES: readonly PortType[] = ['tensor', 'labels', 'loss', 'optimizer', 'schedule'];

/** The MIME type a palette drag carries the node kind in. */
export const KIND_MIME = 'application/x-netcanvas-kind';
