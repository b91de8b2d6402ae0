/** Bad CSV files given to the forecasting job (see badInput.ts). */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runForecastJob } from '../../../src/core/forecast/forecastJob';
import { thrownBy, type BadInput } from './badInput';

/** Writes `content` to `name` under `dir`; returns its path. */
async function file(dir: string, name: string, content: string | Uint8Array): Promise<string> {
  const target = path.join(dir, name);
  await writeFile(target, content);
  return target;
}

const forecast = (csv: string) => thrownBy(() => runForecastJob({ csv, settings: { epochs: 1 } }));

export const CSV_INPUTS: readonly BadInput[] = [
  {
    name: 'a binary file named .csv',
    make: (dir) => file(dir, 'image.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3])),
    run: forecast,
    message: /image\.csv.*(binary|not a text)/i,
  },
];
