/**
 * Screenshots of the panel in VS Code's dark, light and high-contrast themes, wide and
 * narrow, to test-results/webview-*.png, for a human look (the CSP and console checks
 * apply here too).
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { TextHostMessage as HostMessage } from '../../src/protocol/text';
import { REPO_ROOT } from './fixturePage';
import { Harness, type Panel } from './harness';
import { SETTINGS, finished, generated, lossCurve, progress, started } from './hostMessages';
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

const SOURCE_TEXT = 'good i am fine \nhow are you \ni am good too ';

function completedRun(): HostMessage[] {
  const curve = lossCurve(1, 100);
  return [
    { type: 'backend', backend: { name: 'wasm', requested: 'auto' } },
    SETTINGS,
    started(1, 100),
    ...[0, 25, 50, 75].map((i) => progress(1, curve.slice(i, i + 25))),
    finished(1, 'completed', 100, curve[99].loss),
    generated(1, 'good i am fine '),
  ];
}

function trainingRun(): HostMessage[] {
  return [
    {
      type: 'backend',
      backend: {
        name: 'wasm',
        requested: 'tensorflow-gpu',
        fallbackReason: 'tensorflow-gpu could not load (no CUDA device found): training on wasm instead',
      },
    },
    { ...SETTINGS, training: { ...SETTINGS.training, cell: 'lstm', hiddenSize: 64 } },
    { ...started(2, 100), source: 'notes.txt (selection)', characters: SOURCE_TEXT.length },
    progress(2, lossCurve(1, 64)),
  ];
}

async function shoot(panel: Panel, name: string): Promise<void> {
  await panel.chartSettled();
  await panel.page.waitForTimeout(150); // web fonts (codicons) and the components' first paint
  await panel.page.screenshot({ path: path.join(OUT, `webview-${name}.png`), fullPage: true });
  assert.deepEqual(await panel.cspViolations(), []);
  assert.deepEqual(panel.pageErrors, []);
  assert.deepEqual(panel.consoleErrors, []);
}

async function hoverChart(panel: Panel, fraction: number): Promise<void> {
  const box = await panel.page.locator('#loss-chart svg').boundingBox();
  assert.ok(box);
  await panel.page.mouse.move(box.x + box.width * fraction, box.y + box.height * 0.5);
  await panel.page.waitForSelector('#vg-tooltip-element.visible');
}

for (const theme of ['dark', 'light', 'high-contrast'] as ThemeName[]) {
  test(`${theme} theme, a completed run with its generated text`, async () => {
    const panel = await harness.open({ theme, width: 1180, height: 900 });
    try {
      await panel.send(...completedRun());
      await hoverChart(panel, 0.3);
      await shoot(panel, theme);
    } finally {
      await panel.close();
    }
  });
}

test('dark theme, narrow panel, training in progress after a backend fallback, with an invalid field', async () => {
  const panel = await harness.open({ theme: 'dark', width: 560, height: 900 });
  try {
    await panel.send(...trainingRun());
    await panel.fill('learning-rate', '1.5');
    await shoot(panel, 'dark-narrow-training');
  } finally {
    await panel.close();
  }
});

test('light theme, narrow panel, an error', async () => {
  const panel = await harness.open({ theme: 'light', width: 560, height: 900 });
  try {
    await panel.send(...completedRun(), {
      type: 'error',
      message: 'The prompt has characters the model never saw: "Z". Use characters of the training text.',
    });
    await shoot(panel, 'light-narrow-error');
  } finally {
    await panel.close();
  }
});
