import { FORECASTERS, PRESET_NAMES } from '../core/forecast/forecasters';

/** One line per forecaster: its name and description. */
const MODEL_LINES = PRESET_NAMES.map((name) => `    ${name.padEnd(5)} ${FORECASTERS[name].description}`).join('\n');
/** "LSTM / GRU": the forecasters --units and --layers size. */
const SIZED = PRESET_NAMES.filter((name) => FORECASTERS[name].sized).map((name) => FORECASTERS[name].label).join(' / ');

/** What `rnn-studio forecast --help` prints (and the second half of `rnn-studio --help`). */
export const FORECAST_USAGE = `Usage: rnn-studio forecast --csv FILE [options]

Forecasts a column of a CSV file. The defaults (--recipe auto) resample to the series' own
interval, choose what the model predicts (level or change) and the window on the last part
of the training data, stop early and pull the forecast toward the last value as far as that
part says. --recipe tutorial is the tutorial's configuration: daily means, level, min-max,
windows of 60, the last 60 held out, the MLP, 50 epochs, batch 64, no validation.
Data:
  --recipe R              auto|tutorial: where the defaults below come from (auto)
  --csv FILE              comma, semicolon or tab separated, with or without a header
  --column NAME           column to forecast (Close / a price-like / the first numeric one)
  --time-column NAME      time column (detected: unix s / ms, ISO dates, "Jan 1 2000");
                          "none" uses the rows in file order
  --resample R            auto|none|minute|hour|day|businessday|week|month, UTC (auto:
                          the series' own interval, e.g. month for monthly dates,
                          businessday for trading days; none without time);
                          --interval R is the same flag
  --agg A                 mean|last|sum of each interval's rows (mean)
  --window N              values per input window, 1..5000, or auto (auto: 2 seasons
                          or 60, chosen on the validation part; tutorial: 60)
  --test N                last points held out for the metrics, 1..1000000, or auto
                          (auto: a fifth of the points, at most 60; tutorial: 60)
  --transform T           auto|level|diff|logret|relative: what the network predicts
                          (auto: relative or diff, chosen on the validation part one
                          step and over the horizon; tutorial: level)
  --scaler S              minmax|standard, fitted on the training part (standard;
                          tutorial: minmax)
  --covariates C          inputs beside the value at each step: auto|none|calendar, or
                          column names, comma-separated ("calendar,Volume"). calendar:
                          the interval's cycles (day of week and of year for days, month
                          of year for months, hour of day ...); a column is standardised
                          on the training part and held at its last value past the end
                          (auto: the calendar where it helps on the validation part;
                          tutorial: none)
Models:
  --model M               ${PRESET_NAMES.join('|')}, a list "mlp,lstm", or all (mlp); several are
                          trained one after another and ranked (compare models):
${MODEL_LINES}
  --units N               units per ${SIZED} layer, 1..1024 (64)
  --layers N              stacked ${SIZED} layers, 1..8 (1)
  --epochs N              1..100000 (200, with early stopping; tutorial: 50)
  --batch N               windows per batch, 1..4096 (64)
  --lr X                  Adam learning rate, (0, 1] (0.001)
  --validation-split X    last share of the training windows for val_loss, early
                          stopping, the auto choices and the shrinkage, 0..0.5
                          (0.2; tutorial: 0)
  --patience N            early stopping after N epochs without improvement, restoring
                          the best weights; 0 = off (10; tutorial: 0)
  --shrink true|false     pull each forecast toward the last value by a factor fitted
                          on the validation part (true; tutorial: false)
  --seed N                seed of weights and shuffling (42)
  --ensemble N            seeds trained per model (seed, seed+1, ...), 1..10 (3; tutorial:
                          1): their median is used where it beats the best seed on the
                          validation part, else the best seed
Forecast and models:
  --horizon H             steps forecast past the end of the data, 1..10000 (30)
  --backtest K            rolling-origin backtest: K origins over the held-out part,
                          each forecasting one step and the horizon from the true
                          history; 0 = off (5). Sets the intervals' measured coverage
  --rollout M             state|window: recurrent models step their cells with carried
                          state, or rerun the last window each step (state)
  --save DIR              save the trained model (several: DIR/<model>)
  --load DIR              forecast with a saved model instead of training
  --backend B             auto|wasm|cpu|tensorflow|tensorflow-gpu (auto)
  --json                  print one JSON object: backend, rows, rowsSkipped, points,
                          models [{name, msPerEpoch, finalLoss, mae, rmse, mape, mase,
                          ensemble {members, used, seed}}],
                          baseline {mae, rmse, mape, mase} (the last value's),
                          baselines [{name, label, period, mae, rmse, mape, mase}],
                          forecast [{t, value, lower80, upper80, lower95, upper95}],
                          backtest {origins, horizon, rows [{name, label, baseline,
                          oneStep, multiStep {mean, std, min, max}, perStep}]},
                          intervals {model, calibration, levels [{level, coverage}]},
                          chosen {recipe, interval, transform, window, backtest,
                          covariates}
  -h, --help              show this help

Metrics are on the held-out points in the column's units, for each model and for the
baselines: the last value (persistence) and, when the interval has a season the training
part covers twice, the same point one season back (seasonal naive: 7 days, 5 business days,
12 months, 24 hours, 52 weeks, 60 minutes; not resampled: the lag at which the training
part's changes repeat, if any). A model beats the baseline when its MAE is below the best
baseline's (MASE < 1 beats the naive one-step forecast of the training part).
The forecast's 80 % and 95 % intervals are conformal: per step, the quantile of the
absolute errors of forecasts from origins in the validation part; their coverage is
measured on the backtest's origins.
Ctrl-C during training stops it and reports what was learned so far.`;

/** What `rnn-studio --help` prints. */
export const USAGE = `Usage: rnn-studio generate --text-file FILE [options]
       rnn-studio generate --load DIR [generation options]
       rnn-studio forecast --csv FILE [options]   (see rnn-studio forecast --help)

Trains a character-level RNN / LSTM / GRU on a text file and generates text from it.
Two profiles give the defaults (tutorial / prose in parentheses where they differ); a flag
you give overrides its profile's value.

Training:
  --text-file FILE        text to train on (UTF-8); a few short lines train line by line,
                          prose in windows of --sequence-length characters
  --profile P             auto|tutorial|prose (auto: tutorial for a few short lines, like
                          the tutorial's sentences; prose for anything else)
  --cell rnn|lstm|gru     recurrent cell (rnn / lstm)
  --hidden N              units per layer, 1..3000 (12 / 256)
  --layers N              stacked recurrent layers, 1..8 (1)
  --epochs N              passes over the text, 1..100000 (100 / 1000)
  --minutes M             stop after M minutes, keeping the best epoch; 0 = by epochs
                          only, 0..1440 (0 / 5)
  --lr X                  Adam learning rate, (0, 1] (0.01)
  --lr-schedule S         constant|cosine: cosine lowers the rate to a tenth over the
                          epochs or the minutes (constant / cosine)
  --batch N               sequences per batch, 1..4096 (64 / 32)
  --sequence-length N     window length for prose, 2..1000 (40 / 100)
  --dropout X             after each recurrent layer while training, 0..0.9 (0 / 0.3)
  --clip X                gradients scaled to at most this global norm; 0 = off (0 / 5)
  --validation-split X    last share of prose held out for the validation loss, 0..0.5 (0.1)
  --patience N            prose: stop after N epochs without a better validation loss,
                          keeping the best epoch's weights; 0 = off (10 / 5)
  --max-bytes N           refuse larger text files (5242880 = 5 MB)
Generation:
  --prompt S              start of the text (default: the training text's first character)
  --length N              length of the result, prompt included, 1..100000 (200 / 400)
  --temperature T         0 = most likely character (greedy); > 0 samples, up to 10 (0 / 0.7)
  --top-k K               sample only from the K most likely characters; 0 = all (0)
  --top-p P               sample only from the nucleus of probability P, (0, 1]; 1 = all
                          (1 / 0.95)
  --repetition-guard on   never the same word three times in a row (off)
  --seed N                seed of weights, shuffling and sampling (42)
Model and machine:
  --save DIR              save the trained model to DIR (replaced atomically)
  --load DIR              generate from a saved model instead of training
  --backend B             auto|wasm|cpu|tensorflow|tensorflow-gpu (auto)
  --json                  print one JSON object: backend, profile, epochs, finalLoss,
                          lossHistory, valLossHistory, bestEpoch, bitsPerChar, outOfTime,
                          msPerEpoch, generated
  -h, --help              show this help

Ctrl-C during training stops it and generates from what was learned so far.
Exit status: 0 done, 1 error, 2 wrong usage.`;
