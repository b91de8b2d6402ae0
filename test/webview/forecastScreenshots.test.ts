/**
 * Screenshots of the forecast panel in VS Code's dark, light and high-contrast themes, a
 * finished comparison of two models, the panel's default width (800 px: nothing cut off) and a
 * narrow panel mid-training, to
 * test-results/forecast-*.png, for a human look (the CSP and console checks apply here too).
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { ForecastHostMessage as HostMessage } from '../../src/protocol/forecast';
import { completedRun, forecastProgress, forecastResult, forecastStarted, ingestProgress, keptRun, runHistory } from './forecastMessages';
import { REPO_ROOT } from './fixturePage';
import { Harness, type Panel } from './harness';
import type { ThemeName } from './themes';

const OUT = path.join(REPO_ROOT, 'test-results');
let harness: Harness;

before(async () => {
  mkdirSync(OUT, { recursive: true });
  harness = await Harness.start();
});

after(async () => {
  await harness?.close();
});

async function shoot(panel: Panel, name: string): Promise<void> {
  await panel.chartSettled();
  await panel.page.waitForTimeout(150); // web fonts (codicons) and the components' first paint
  await panel.page.screenshot({ path: path.join(OUT, `forecast-${name}.png`), fullPage: true });
  assert.deepEqual(await panel.cspViolations(), []);
  assert.deepEqual(panel.pageErrors, []);
  assert.deepEqual(panel.consoleErrors, []);
}

async function hover(panel: Panel, selector: string, fraction: number): Promise<void> {
  const svg = panel.page.locator(`${selector} svg`).first();
  await svg.scrollIntoViewIfNeeded();
  const box = await svg.boundingBox();
  assert.ok(box);
  await panel.page.mouse.move(box.x + box.width * fraction, box.y + box.height * 0.5, { steps: 2 });
  await panel.page.waitForSelector('#vg-tooltip-element.visible', { timeout: 5000 });
}

for (const theme of ['dark', 'light', 'high-contrast'] as ThemeName[]) {
  test(`${theme} theme, two models compared, forecast and metrics`, async () => {
    const panel = await harness.open({ page: 'forecast', theme, width: 1280, height: 900 });
    try {
      await panel.send(...completedRun(1));
      await hover(panel, '#series-chart', 0.93);
      await shoot(panel, theme);
    } finally {
      await panel.close();
    }
  });
}

test('dark theme, narrow panel, the second model training', async () => {
  const panel = await harness.open({ page: 'forecast', theme: 'dark', width: 600, height: 900 });
  try {
    const result = forecastResult();
    const messages: HostMessage[] = [
      {
        type: 'backend',
        backend: { name: 'wasm', requested: 'tensorflow', fallbackReason: '@tensorflow/tfjs-node is not installed: training on wasm instead' },
      },
      ingestProgress(2, 1),
      forecastStarted(2, result),
      forecastProgress(2, 0, 1, 50, result),
      forecastProgress(2, 1, 1, 17, result),
    ];
    await panel.send(...messages);
    await shoot(panel, 'dark-narrow-training');
  } finally {
    await panel.close();
  }
});

test('light theme, reading a large CSV', async () => {
  const panel = await harness.open({ page: 'forecast', theme: 'light', width: 900, height: 520 });
  try {
    await panel.send({ type: 'backend', backend: { name: 'wasm', requested: 'auto' } }, ingestProgress(3, 0.37, 312_000_000, 4_800_000));
    await shoot(panel, 'light-reading');
  } finally {
    await panel.close();
  }
});

for (const width of [800, 1100]) test(`${width} px${width === 800 ? " (the panel's default width)" : ' (two columns of charts)'}: no table column, legend or axis label is cut off`, async () => {
  const panel = await harness.open({ page: 'forecast', theme: 'dark', width, height: 900 });
  try {
    await panel.send(...completedRun(1));
    await shoot(panel, `dark-${width}`);
    const clipped = await panel.page.evaluate((): string[] => {
      const found: string[] = [];
      for (const scroller of window.document.querySelectorAll<HTMLElement>('.table-scroll')) {
        const table = scroller.querySelector('table');
        if (table && !table.closest('[hidden]') && table.scrollWidth > scroller.clientWidth + 1) found.push(`#${table.id} is ${table.scrollWidth} px wide in ${scroller.clientWidth} px`);
      }
      for (const svg of window.document.querySelectorAll<SVGSVGElement>('.chart svg')) {
        if (svg.closest('[hidden]')) continue;
        const box = svg.getBoundingClientRect();
        for (const part of svg.querySelectorAll<SVGGElement>('g.role-legend, g.role-axis-label, g.role-title')) {
          const r = part.getBoundingClientRect();
          if (r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1)) found.push(`${svg.closest('.chart')?.id}: ${part.getAttribute('class')} from ${r.left.toFixed(0)} to ${r.right.toFixed(0)} in ${box.left.toFixed(0)}..${box.right.toFixed(0)}`);
        }
      }
      return found;
    });
    assert.deepEqual(clipped, []);
  } finally {
    await panel.close();
  }
});

test('dark theme, the Runs card with two runs compared', async () => {
  const panel = await harness.open({ page: 'forecast', theme: 'dark', width: 1280, height: 900 });
  try {
    const runs = [
      keptRun(4, { recipe: 'auto', models: ['mlp', 'lstm'], transform: 'auto', epochs: 200 }),
      keptRun(50, { recipe: 'auto', models: ['mlp', 'lstm'], transform: 'diff', epochs: 200 }),
      keptRun(60 * 30, { recipe: 'tutorial', models: ['mlp'], transform: 'level', epochs: 50 }),
    ];
    await panel.send(...completedRun(4), runHistory(runs, { id: runs[0].id, runId: 4 }));
    await panel.page.check('#runs-table tbody tr:nth-child(1) .run-compare');
    await panel.page.check('#runs-table tbody tr:nth-child(2) .run-compare');
    await panel.page.locator('#runs').scrollIntoViewIfNeeded();
    await panel.chartSettled();
    await panel.page.waitForTimeout(150);
    await panel.page.locator('#runs').screenshot({ path: path.join(OUT, 'forecast-runs.png') });
    assert.deepEqual(await panel.cspViolations(), []);
    assert.deepEqual(panel.pageErrors, []);
  } finally {
    await panel.close();
  }
});
