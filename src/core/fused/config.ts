/** Recurrent cells, named as the text settings name them. */
export type CellKind = 'rnn' | 'lstm' | 'gru';

/** Activation of a SimpleRNN's state, and of the LSTM / GRU candidate and LSTM cell output. */
export type Activation = 'tanh' | 'relu';

/** Activation of the LSTM / GRU gates (tfjs-layers' default is 'hardSigmoid', Keras' 'sigmoid'). */
export type GateActivation = 'sigmoid' | 'hardSigmoid';

/** The activations a cell applies. */
export interface CellActivations {
  activation: Activation;
  recurrentActivation: GateActivation;
}

/** One recurrent layer of a stack, as tfjs-layers / Keras describe it. */
export interface RecurrentLayerConfig extends CellActivations {
  cell: CellKind;
  units: number;
  /** Rate of a Dropout layer applied to this layer's output while training (0: none). */
  dropout: number;
}

/** A stack of recurrent layers; every layer but the last returns its whole sequence. */
export interface StackConfig {
  /** Features per time step of the input. */
  inputSize: number;
  layers: RecurrentLayerConfig[];
  /** Whether the last layer returns every step ([batch, time, units]) or its last ([batch, units]). */
  returnSequences: boolean;
}

/** Gate blocks in the kernels' columns: SimpleRNN 1; LSTM 4 (i, f, c, o); GRU 3 (z, r, h). */
export const GATES: Record<CellKind, number> = { rnn: 1, lstm: 4, gru: 3 };
