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

const forecast = (csv: string, column?: string) => thrownBy(() => runForecastJob({ csv, settings: { epochs: 1, column } }));

/** `days` daily rows `date,value` from 2024-01-01, the value of day i `value(i)`. */
const daily = (days: number, value: (i: number) => string) =>
  `date,value\n${Array.from({ length: days }, (_, i) => `${new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10)},${value(i)}`).join('\n')}\n`;

export const CSV_INPUTS: readonly BadInput[] = [
  {
    name: 'a binary file named .csv',
    make: (dir) => file(dir, 'image.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3])),
    run: (csv) => forecast(csv),
    message: /image\.csv.*(binary|not a text)/i,
  },
  {
    name: '7: 1e309 (too large for a double) in every cell of the column asked for',
    make: (dir) => file(dir, 'overflow.csv', daily(40, (i) => (i % 2 ? '1e309' : '-1e309'))),
    run: (csv) => forecast(csv, 'value'),
    message: /overflow\.csv: column 2 \("value"\) has no numbers in its 40 rows \(0 missing, 40 text; line 2 has "-1e309"\)/,
  },
];
