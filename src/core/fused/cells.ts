import type { CellKernels } from './cellKernels';
import type { CellKind } from './config';
import { gruCell } from './gruCell';
import { lstmCell } from './lstmCell';
import { simpleRnnCell } from './simpleRnnCell';

/** The fused kernels of each cell. */
export const CELLS: Record<CellKind, CellKernels> = { rnn: simpleRnnCell, lstm: lstmCell, gru: gruCell };
