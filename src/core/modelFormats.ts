/**
 * The `format` and `version` a saved model's meta.json carries: what kind of folder it is.
 * Kept apart from the stores (which load TensorFlow.js) so the extension host can list
 * saved models without loading it.
 */
export const TEXT_MODEL_FORMAT = 'rnn-studio/text-model';
export const TEXT_MODEL_VERSION = 1;
export const FORECAST_MODEL_FORMAT = 'rnn-studio/forecast-model';
export const FORECAST_MODEL_VERSION = 1;
