/** What `rnn-studio --help` prints. */
export const USAGE = `Usage: rnn-studio generate --text-file FILE [options]
       rnn-studio generate --load DIR [generation options]

Trains a character-level RNN / LSTM / GRU on a text file and generates text from it
(the seed's defaults: SimpleRNN, 12 units, 100 full-batch epochs, Adam 0.01).

Training:
  --text-file FILE        text to train on (UTF-8); a few short lines train line by line,
                          prose in windows of --sequence-length characters
  --cell rnn|lstm|gru     recurrent cell (rnn)
  --hidden N              units per layer, 1..4096 (12)
  --layers N              stacked recurrent layers, 1..8 (1)
  --epochs N              passes over the text, 1..100000 (100)
  --lr X                  Adam learning rate, (0, 1] (0.01)
  --batch N               sequences per batch, 1..4096 (64)
  --sequence-length N     window length for prose, 2..1000 (40)
  --max-bytes N           refuse larger text files (5242880 = 5 MB)
Generation:
  --prompt S              start of the text (default: the training text's first character)
  --length N              length of the result, prompt included, 1..100000 (200)
  --temperature T         0 = most likely character (greedy); > 0 samples, up to 10 (0)
  --seed N                seed of weights, shuffling and sampling (42)
Model and machine:
  --save DIR              save the trained model to DIR (replaced atomically)
  --load DIR              generate from a saved model instead of training
  --backend B             auto|wasm|cpu|tensorflow|tensorflow-gpu (auto)
  --json                  print one JSON object: backend, epochs, finalLoss, lossHistory,
                          msPerEpoch, generated
  -h, --help              show this help

Ctrl-C during training stops it and generates from what was learned so far.
Exit status: 0 done, 1 error, 2 wrong usage.`;
