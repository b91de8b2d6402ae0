// Writes sample/prices.csv: a Bitstamp-layout price file (the tutorial's System 2 columns,
// unix-second timestamps) with a row every 6 hours over 540 days, some rows NaN as in the
// tutorial's file. Daily means give 540 points: enough for the tutorial's 60-value windows and
// 60-day test. Deterministic: `node scripts/generate-sample-prices.mjs` rewrites the same file.
import { writeFileSync } from 'node:fs';

let state = 20120101;
/** mulberry32: a seeded uniform in [0, 1). */
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

const start = Date.UTC(2019, 0, 1) / 1000;
const rows = ['Timestamp,Open,High,Low,Close,Volume_(BTC),Volume_(Currency),Weighted_Price'];
let price = 3700;
for (let i = 0; i < 540 * 4; i++) {
  const t = start + i * 6 * 3600;
  const day = i / 4;
  const drift = 0.0009 + 0.004 * Math.sin((2 * Math.PI * day) / 180);
  const open = price;
  price = Math.max(100, price * Math.exp(drift / 4 + 0.018 * gaussian()));
  if (random() < 0.12) {
    rows.push(`${t},NaN,NaN,NaN,NaN,NaN,NaN,NaN`);
    continue;
  }
  const high = Math.max(open, price) * (1 + 0.004 * random());
  const low = Math.min(open, price) * (1 - 0.004 * random());
  const volume = 2 + 40 * random();
  const weighted = (open + price + high + low) / 4;
  const f = (x) => x.toFixed(2);
  rows.push([t, f(open), f(high), f(low), f(price), volume.toFixed(8), f(volume * weighted), f(weighted)].join(','));
}
writeFileSync(new URL('../sample/prices.csv', import.meta.url), rows.join('\n') + '\n');
console.log(`sample/prices.csv: ${rows.length - 1} rows`);
