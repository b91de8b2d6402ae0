/**
 * The panel in headless Chromium, served with its real CSP: what it shows for the host's
 * messages, what it posts back, its persisted state, and that nothing violates the CSP or
 * logs an error (checked after every test).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { VscodeProgressBar } from '@vscode-elements/elements/dist/vscode-progress-bar/vscode-progress-bar.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import type { TextWebviewMessage as WebviewMessage } from '../../src/protocol/text';
import { checkedPanels } from './harness';
import { BACKEND, TUTORIAL_OUTPUT, SETTINGS, finished, generated, lossCurve, progress, started } from './hostMessages';
import { THEMES } from './themes';

const { open, harness } = checkedPanels();

const ofType = <T extends WebviewMessage['type']>(messages: ReadonlyArray<{ type: string }>, type: T) =>
  messages.filter((m): m is Extract<WebviewMessage, { type: T }> => m.type === type);

describe('startup', () => {
  test("posts 'ready' once, after loading its assets under the CSP", async () => {
    const p = await open();
    assert.deepEqual(await p.posted(), [{ type: 'ready' }]);
    const requests = harness().server.requests;
    for (const asset of ['/dist/webview.js', '/media/panel.css', '/dist/codicons/codicon.css']) {
      assert.ok(requests.includes(asset), `${asset} requested`);
    }
    assert.equal(await p.text('#run-state'), 'Idle');
    assert.equal(await p.isDisabled('#cancel'), true);
    assert.equal(await p.isDisabled('#generate'), true, 'no model yet');
    assert.equal(await p.isDisabled('#train'), false);
  });

  test('the page carries the strict CSP and the script its nonce', async () => {
    const p = await open();
    const { csp, scriptNonce } = await p.page.evaluate((): { csp: string; scriptNonce: string | undefined } => {
      const meta = window.document.querySelector<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy"]');
      const script = window.document.querySelector<HTMLScriptElement>('script[src$="webview.js"]');
      if (!meta) throw new Error('no CSP <meta>');
      if (!script) throw new Error('no webview.js <script>');
      return { csp: meta.content, scriptNonce: script.nonce };
    });
    assert.match(csp, /^default-src 'none'; /);
    assert.match(csp, /script-src 'nonce-[^']+';$/);
    assert.doesNotMatch(csp, /unsafe-/);
    assert.ok(scriptNonce && csp.includes(`'nonce-${scriptNonce}'`));
  });
});

describe('training status and the loss chart', () => {
  test('the chart draws one mark per point, appended without re-embedding', async () => {
    const p = await open();
    await p.send(BACKEND, SETTINGS, started(1, 20));
    assert.equal(await p.text('#epoch'), 'Epoch 0 / 20');
    assert.equal(await p.isHidden('#chart-empty'), false);
    assert.equal(await p.embedCount(), 1);
    // Tag the chart's SVG node: it must be the same node after every point.
    await p.page.evaluate(() => {
      window.__svg = window.document.querySelector('#loss-chart svg');
    });

    const curve = lossCurve(1, 20);
    for (let n = 1; n <= 7; n++) {
      await p.send(progress(1, [curve[n - 1]], 20));
      assert.equal((await p.chartMarks()).symbols, n, `${n} points, ${n} marks`);
      assert.equal(await p.text('#epoch'), `Epoch ${n} / 20`);
    }
    await p.send(progress(1, curve.slice(7, 12), 20));
    const marks = await p.chartMarks();
    assert.deepEqual(marks, { symbols: 12, lines: 1, svgs: 1 });
    assert.equal(await p.embedCount(), 1, 'embedded once');
    assert.equal(await p.page.evaluate(() => window.document.querySelector('#loss-chart svg') === window.__svg), true);
    assert.equal(await p.isHidden('#chart-empty'), true);
    assert.equal(await p.text('#elapsed'), '240 ms');
    assert.equal(await p.text('#remaining'), '160 ms');
    assert.equal(await p.text('#current-loss'), curve[11].loss.toFixed(4));
    assert.equal(await p.text('#source'), 'notes.txt (selection)');
    assert.equal(await p.text('#backend'), 'wasm');
    assert.equal(await p.isHidden('#backend-warning'), true);
    // The line's points are the data: x of the last vertex is right of the first.
    const progressValue = await p.page.evaluate((): number | undefined => {
      const bar = window.document.querySelector<VscodeProgressBar>('#progress');
      if (!bar) throw new Error('no #progress');
      return bar.value;
    });
    assert.equal(progressValue, 12 / 20);
  });

  test('a hidden panel shown again gets its run back from the snapshot; a new runId clears the chart', async () => {
    const p = await open();
    const curve = lossCurve(1, 10);
    const run1 = [started(1, 10), progress(1, curve.slice(0, 5), 10), progress(1, curve.slice(5, 10), 10)];
    await p.send(SETTINGS, ...run1, finished(1, 'completed', 10));
    assert.equal((await p.chartMarks()).symbols, 10);
    // Hidden, VS Code tears the webview down; shown again, it says 'ready' and gets the host's snapshot.
    await p.reload();
    await p.chartSettled();
    assert.equal((await p.chartMarks()).symbols, 10, 'the whole curve, once');
    assert.match(await p.text('#run-state'), /^Completed/);
    // Overlapping progress (the last point again, then one new) adds only the new one.
    await p.send(started(2, 10), progress(2, curve.slice(0, 3), 10));
    assert.equal((await p.chartMarks()).symbols, 3, 'run 2 starts from an empty chart');
    await p.send(progress(2, curve.slice(2, 4), 10));
    assert.equal((await p.chartMarks()).symbols, 4);
    // A late message of run 1 is ignored.
    await p.send(progress(1, lossCurve(11, 12), 10));
    assert.equal((await p.chartMarks()).symbols, 4);
    assert.equal(await p.text('#epoch'), 'Epoch 4 / 10');
    assert.equal(await p.embedCount(), 1);
  });

  test('Cancel posts cancel while training; the outcome then shows as cancelled', async () => {
    const p = await open();
    assert.equal(await p.isDisabled('#cancel'), true);
    await p.send(SETTINGS, started(3, 100), progress(3, lossCurve(1, 37)));
    assert.equal(await p.isDisabled('#cancel'), false);
    assert.equal(await p.isDisabled('#train'), true, 'no second run while one trains');
    await p.clearPosted();
    await p.page.locator('#cancel').click();
    assert.deepEqual(await p.posted(), [{ type: 'cancel' }]);
    assert.equal(await p.text('#run-state'), 'Cancelling…');
    assert.equal(await p.isDisabled('#cancel'), true);
    await p.send(finished(3, 'cancelled', 37, 0.2345));
    assert.equal(await p.text('#run-state'), 'Cancelled after 37 of 100 epochs');
    assert.equal(await p.text('#epoch'), 'Epoch 37 / 100');
    assert.equal(await p.text('#final-loss'), '0.2345');
    assert.equal(await p.text('#ms-per-epoch'), '18.3 ms');
    assert.equal(await p.isDisabled('#cancel'), true);
    assert.equal(await p.isDisabled('#train'), false);
  });

  test('a completed run shows the final loss and ms/epoch, and enables Generate and Save', async () => {
    const p = await open();
    await p.send(SETTINGS, started(4, 100), progress(4, lossCurve(1, 100)));
    assert.equal(await p.text('#final-loss'), '—');
    await p.send(finished(4));
    assert.equal(await p.text('#run-state'), 'Completed: 100 epochs in 2.0 s');
    assert.equal(await p.text('#final-loss'), '0.0512');
    assert.equal(await p.text('#ms-per-epoch'), '18.3 ms');
    assert.equal(await p.page.locator('#remaining-part').isVisible(), false, 'nothing left');
    assert.equal(await p.isDisabled('#generate'), false);
    assert.equal(await p.isDisabled('#save-model'), false);
    await p.clearPosted();
    await p.page.locator('#generate').click();
    await p.page.locator('#save-model').click();
    assert.deepEqual(await p.posted(), [{ type: 'generate', generation: SETTINGS.generation }, { type: 'saveModel' }]);
    await p.send({ type: 'modelSaved', path: '/work/.rnn-studio/models/notes' });
    assert.match(await p.text('#model-info'), /Saved to \/work\/\.rnn-studio\/models\/notes/);
  });

  test('a loaded model enables Generate', async () => {
    const p = await open();
    await p.send(SETTINGS, { type: 'modelLoaded', name: 'shakespeare', vocabularySize: 61, cell: 'lstm' });
    assert.equal(await p.isDisabled('#generate'), false);
    assert.match(await p.text('#model-info'), /shakespeare.*LSTM.*61/);
  });

  test('the backend badge warns of a fallback, with the reason', async () => {
    const p = await open();
    const reason = 'tensorflow-gpu could not load (libcudart.so.11.0 missing): using wasm';
    await p.send({ type: 'backend', backend: { name: 'wasm', requested: 'tensorflow-gpu', fallbackReason: reason } });
    assert.equal(await p.text('#backend'), 'wasm');
    assert.equal(await p.isHidden('#backend-warning'), false);
    assert.match(await p.text('#backend-warning'), /libcudart\.so\.11\.0 missing/);
    assert.equal(await p.page.locator('#backend-warning').isVisible(), true);
  });

  test('a theme change re-embeds the chart in the new colours, replaying its points', async () => {
    const p = await open({ theme: 'dark' });
    await p.send(SETTINGS, started(5, 30), progress(5, lossCurve(1, 30), 30));
    const stroke = () =>
      p.page.evaluate((): string | null => {
        const line = window.document.querySelector('#loss-chart svg .mark-line path');
        if (!line) throw new Error('no line in the loss chart');
        return line.getAttribute('stroke');
      });
    assert.equal(await stroke(), THEMES.dark.vars['--vscode-charts-blue']);
    await p.applyTheme('light');
    assert.equal(await p.embedCount(), 2);
    assert.equal(await stroke(), THEMES.light.vars['--vscode-charts-blue']);
    assert.equal((await p.chartMarks()).symbols, 30);
    // Points keep arriving into the re-embedded chart.
    await p.send(progress(5, lossCurve(31, 30), 30), progress(5, [], 30));
    await p.applyTheme('high-contrast');
    assert.equal(await p.embedCount(), 3);
    assert.equal((await p.chartMarks()).symbols, 30);
  });

  test('prose: the validation loss is a second, dashed curve, named in the legend', async () => {
    const p = await open();
    const points = lossCurve(1, 20).map((point) => ({ ...point, valLoss: point.loss + 0.3 }));
    await p.send(SETTINGS, started(8, 20), progress(8, points, 20));
    await p.chartSettled();
    assert.equal((await p.chartMarks()).lines, 2, 'training and validation lines');
    const legend = await p.page.evaluate((): string[] => [...window.document.querySelectorAll('#loss-chart svg .role-legend-label text')].map((t) => t.textContent ?? ''));
    assert.deepEqual(legend, ['Training', 'Validation']);
    const dashes = await p.page.evaluate((): (string | null)[] => [...window.document.querySelectorAll('#loss-chart svg .mark-line path')].map((line) => line.getAttribute('stroke-dasharray')));
    assert.equal(dashes.filter((d) => d && d !== '1,0').length, 1, `one dashed line: ${dashes.join(' | ')}`);
  });

  test('the log-scale switch redraws the same points on a log axis', async () => {
    const p = await open();
    await p.send(SETTINGS, started(6, 40), progress(6, lossCurve(1, 40), 40));
    await p.page.locator('#log-scale').click();
    await p.chartSettled();
    assert.equal(await p.embedCount(), 2);
    assert.equal((await p.chartMarks()).symbols, 40);
    const title = await p.page.evaluate((): string[] =>
      [...window.document.querySelectorAll('#loss-chart svg .role-axis-title text')].map((t) => t.textContent ?? ''),
    );
    assert.ok(title.includes('Loss, nats/char (log scale)'), title.join());
  });
});

describe('generated text', () => {
  test('shows the text exactly, its trailing space marked, with prompt and temperature', async () => {
    const p = await open();
    await p.send(SETTINGS, started(7, 10), finished(7, 'completed', 10), generated(7));
    assert.equal(await p.text('#generated'), TUTORIAL_OUTPUT, 'trailing space kept');
    assert.equal(await p.text('#generated .trailing-ws'), ' ');
    assert.equal(await p.text('#generated .prompt-part'), 'g');
    assert.equal(await p.text('#generated-prompt'), '“g”');
    assert.equal(await p.text('#generated-temperature'), '0 (greedy)');
    assert.match(await p.text('#generated-meta'), /15 characters/);
    const css = await p.page.evaluate((): { whiteSpace: string; endMarker: string; trailingWidth: number } => {
      const pre = window.document.getElementById('generated');
      if (!pre) throw new Error('no #generated');
      const ws = pre.querySelector('.trailing-ws');
      if (!ws) throw new Error('no .trailing-ws in #generated');
      return {
        whiteSpace: window.getComputedStyle(pre).whiteSpace,
        endMarker: window.getComputedStyle(pre, '::after').content,
        trailingWidth: ws.getBoundingClientRect().width,
      };
    });
    assert.equal(css.whiteSpace, 'pre-wrap');
    assert.match(css.endMarker, /¶/);
    assert.ok(css.trailingWidth > 2, 'the trailing space has a visible width');
  });

  test('Insert, Replace, Copy and Open in new editor post the text action', async () => {
    const p = await open();
    for (const id of ['#insert', '#replace', '#copy', '#open-editor']) assert.equal(await p.isDisabled(id), true);
    await p.send(SETTINGS, generated(8, 'line one\n  line two\t '));
    await p.clearPosted();
    await p.page.locator('#insert').click();
    await p.page.locator('#copy').click();
    await p.page.locator('#replace').click();
    await p.page.locator('#open-editor').click();
    const text = 'line one\n  line two\t ';
    assert.deepEqual(await p.posted(), [
      { type: 'textAction', action: 'insert', text },
      { type: 'textAction', action: 'copy', text },
      { type: 'textAction', action: 'replace', text },
      { type: 'textAction', action: 'openEditor', text },
    ]);
  });

  test('the actions work from the keyboard', async () => {
    const p = await open();
    await p.send(generated(9));
    await p.clearPosted();
    await p.page.locator('#copy').focus();
    await p.page.keyboard.press('Enter');
    await p.page.keyboard.press('Shift+Tab'); // back to Replace selection
    await p.page.keyboard.press('Space');
    assert.deepEqual(await p.posted(), [
      { type: 'textAction', action: 'copy', text: TUTORIAL_OUTPUT },
      { type: 'textAction', action: 'replace', text: TUTORIAL_OUTPUT },
    ]);
  });
});

describe('the settings form', () => {
  test('is filled from the host settings; Train posts the form values', async () => {
    const p = await open();
    await p.send(SETTINGS);
    assert.equal(await p.page.locator('#hidden-size input').inputValue(), '12');
    assert.equal(await p.page.locator('#learning-rate input').inputValue(), '0.01');
    assert.equal(await p.page.locator('#prompt textarea').inputValue(), 'g');
    await p.fill('hidden-size', '32');
    await p.fill('epochs', '250');
    await p.fill('learning-rate', '0.005');
    await p.fill('temperature', '0.7');
    await p.page.locator('#prompt textarea').fill('go');
    await p.page.locator('#cell').click();
    await p.page.getByRole('option', { name: 'LSTM' }).click();
    await p.clearPosted();
    await p.page.locator('#train').click();
    const trains = ofType(await p.posted(), 'train');
    assert.deepEqual(trains, [
      {
        type: 'train',
        training: { ...SETTINGS.training, cell: 'lstm', hiddenSize: 32, epochs: 250, learningRate: 0.005 },
        generation: { ...SETTINGS.generation, prompt: 'go', temperature: 0.7 },
      },
    ]);
    // Enter in a number field submits too.
    await p.clearPosted();
    await p.page.locator('#layers input').press('Enter');
    assert.equal(ofType(await p.posted(), 'train').length, 1);
  });

  test('the cell can be chosen with the dropdown', async () => {
    const p = await open();
    await p.send(SETTINGS);
    await p.page.locator('#cell').click();
    await p.page.getByRole('option', { name: 'GRU' }).click();
    assert.equal(await p.page.locator('#cell').evaluate((el: VscodeSingleSelect) => el.value), 'gru');
    await p.clearPosted();
    await p.page.locator('#train').click();
    assert.equal(ofType(await p.posted(), 'train')[0]?.training.cell, 'gru');
  });

  test('an invalid number disables Train and names the field', async () => {
    const p = await open();
    await p.send(SETTINGS);
    await p.fill('hidden-size', '0');
    assert.equal(await p.isDisabled('#train'), true);
    assert.equal(await p.isHidden('#hidden-size-error'), false);
    assert.match(await p.text('#hidden-size-error'), /^Hidden size must be a whole number from 1 to 3000/);
    assert.match(await p.text('#form-status'), /Hidden size/);
    await p.clearPosted();
    await p.page.locator('#train').click({ force: true });
    await p.page.locator('#hidden-size input').press('Enter');
    assert.deepEqual(ofType(await p.posted(), 'train'), [], 'nothing posted while invalid');

    await p.fill('hidden-size', '');
    assert.match(await p.text('#hidden-size-error'), /^Hidden size is required/);
    await p.fill('learning-rate', 'fast');
    assert.match(await p.text('#learning-rate-error'), /^Learning rate must be a number above 0 and at most 1/);
    assert.match(await p.text('#form-status'), /Fix 2 fields.*Hidden size, Learning rate/);
    await p.fill('hidden-size', '64');
    await p.fill('learning-rate', '0.02');
    assert.equal(await p.isDisabled('#train'), false);
    assert.equal(await p.isHidden('#hidden-size-error'), true);
    assert.equal(await p.text('#form-status'), '');

    // An invalid generation field disables Generate as well as Train.
    await p.send(started(10, 5), finished(10, 'completed', 5));
    assert.equal(await p.isDisabled('#generate'), false);
    await p.fill('temperature', '-1');
    assert.equal(await p.isDisabled('#generate'), true);
    assert.equal(await p.isDisabled('#train'), true);
    assert.match(await p.text('#temperature-error'), /^Temperature/);
  });

  test('every control has an accessible name', async () => {
    const p = await open();
    const names = ['Hidden size', 'Layers', 'Epochs', 'Batch size', 'Sequence length', 'Seed', 'Output length', 'Sampling seed'];
    for (const name of names) {
      assert.equal(await p.page.getByRole('spinbutton', { name, exact: true }).count(), 1, name);
    }
    for (const name of ['Learning rate', 'Temperature', 'Prompt']) {
      assert.equal(await p.page.getByRole('textbox', { name, exact: true }).count(), 1, name);
    }
    assert.equal(await p.page.getByRole('combobox', { name: 'Cell' }).count(), 1);
    for (const name of ['Train', 'Generate', 'Save model', 'Cancel', 'Insert at cursor', 'Copy']) {
      assert.equal(await p.page.getByRole('button', { name, exact: true }).count(), 1, name);
    }
    const live = await p.page.evaluate((): Array<string | null> =>
      ['run-state', 'generated-meta', 'form-status'].map((id) => {
        const el = window.document.getElementById(id);
        if (!el) throw new Error(`no #${id}`);
        return el.getAttribute('aria-live');
      }),
    );
    assert.deepEqual(live, ['polite', 'polite', 'polite']);
  });
});

describe('errors and invalid messages', () => {
  test('an error shows until dismissed (button or Escape)', async () => {
    const p = await open();
    await p.send({ type: 'error', message: 'The selection is empty: select some text first.' });
    assert.equal(await p.page.locator('#error').isVisible(), true);
    assert.equal(await p.text('#error-message'), 'The selection is empty: select some text first.');
    await p.page.locator('#error-dismiss').click();
    assert.equal(await p.page.locator('#error').isVisible(), false);
    await p.send({ type: 'error', message: 'Again' });
    await p.page.locator('#error-dismiss').focus();
    await p.page.keyboard.press('Escape');
    assert.equal(await p.page.locator('#error').isVisible(), false);
  });

  test('a dismissed error stays dismissed when the panel is shown again; a new run clears an error', async () => {
    const p = await open();
    await p.send({ type: 'error', message: 'Boom' });
    await p.page.locator('#error-dismiss').click();
    await p.reload();
    assert.equal(await p.page.locator('#error').isVisible(), false, 'dismissed: not back with the snapshot');
    await p.send({ type: 'error', message: 'Again' });
    assert.equal(await p.page.locator('#error').isVisible(), true);
    await p.send(SETTINGS, started(16, 5));
    assert.equal(await p.page.locator('#error').isVisible(), false, 'the run started: the problem is fixed');
  });

  test('malformed host messages are ignored', async () => {
    const p = await open();
    await p.send(SETTINGS, started(11, 10), progress(11, lossCurve(1, 3), 10));
    const before = await p.page.evaluate((): string => {
      if (!window.rnnStudio) throw new Error('the panel exposes no window.rnnStudio');
      return JSON.stringify(window.rnnStudio.state());
    });
    await p.clearPosted();
    await p.send(
      null,
      'progress',
      42,
      [],
      {},
      { type: 'nope' },
      { type: 'progress', runId: '11', points: [], epochs: 10, elapsedMs: 0, remainingMs: 0 },
      { type: 'progress', runId: 11, points: [{ epoch: 4 }], epochs: 10, elapsedMs: 0, remainingMs: 0 },
      { type: 'trainingStarted', runId: 12, source: 'x', epochs: 10, characters: 1, vocabularySize: 1, mode: 'bytes', sequences: 1 },
      { type: 'generated', runId: 11, prompt: 'g', text: 5, temperature: 0 },
      { type: 'settings', training: { ...SETTINGS.training, cell: 'transformer' }, generation: SETTINGS.generation },
      { type: 'backend', backend: { name: 'wasm', requested: 'quantum' } },
      { type: 'error' },
    );
    assert.equal(await p.page.evaluate((): string => {
      if (!window.rnnStudio) throw new Error('the panel exposes no window.rnnStudio');
      return JSON.stringify(window.rnnStudio.state());
    }), before);
    assert.deepEqual(await p.posted(), []);
    assert.equal((await p.chartMarks()).symbols, 3);
    assert.equal(await p.page.locator('#error').isVisible(), false);
  });
});

describe('persisted state', () => {
  test('a reloaded panel shows its chart and text again from the snapshot, and keeps unsent edits', async () => {
    const p = await open();
    const curve = lossCurve(1, 25);
    const run = [SETTINGS, started(12, 25), progress(12, curve.slice(0, 10), 25), progress(12, curve.slice(10), 25), finished(12, 'completed', 25), generated(12)];
    await p.send(BACKEND, ...run);
    await p.fill('hidden-size', '48'); // an unsent edit
    const saved = (await p.savedState()) as { run: { points: unknown[] } };
    assert.equal(saved.run.points.length, 25, 'persisted whole, for VS Code to hand the host after a reload');

    await p.reload();
    await p.chartSettled();
    assert.deepEqual(await p.posted(), [{ type: 'ready' }]);
    assert.equal((await p.chartMarks()).symbols, 25, 'the chart is back');
    assert.equal(await p.text('#generated'), TUTORIAL_OUTPUT);
    assert.match(await p.text('#run-state'), /^Completed/);
    assert.equal(await p.text('#epoch'), 'Epoch 25 / 25');
    assert.equal(await p.text('#backend'), 'wasm');
    assert.equal(await p.page.locator('#hidden-size input').inputValue(), '48', 'unsent edits survive');
    assert.equal(await p.isDisabled('#generate'), false);

    assert.equal(await p.embedCount(), 1);
    // New settings from the host replace the edit.
    await p.send({ ...SETTINGS, training: { ...SETTINGS.training, hiddenSize: 16 } });
    assert.equal(await p.page.locator('#hidden-size input').inputValue(), '16');
  });

  test('after a VS Code reload the host restores the persisted state; a malformed one is ignored', async () => {
    const state = {
      version: 1,
      backend: { name: 'cpu', requested: 'cpu' },
      run: {
        runId: 3,
        source: 'poem.md',
        epochs: 8,
        characters: 900,
        vocabularySize: 30,
        mode: 'windows',
        sequences: 40,
        points: lossCurve(1, 8),
        elapsedMs: 4000,
        remainingMs: null,
        status: 'completed',
        finalLoss: 1.5,
        epochsRun: 8,
        msPerEpoch: 500,
      },
      generated: { runId: 3, prompt: '', text: 'the end  ', temperature: 0.5 },
      model: { origin: 'trained', runId: 3 },
      cancelRequested: false,
      logScale: false,
    };
    const p = await open({ initialState: state });
    await p.chartSettled();
    assert.equal((await p.chartMarks()).symbols, 8);
    assert.equal(await p.text('#generated'), 'the end  ');
    assert.equal(await p.text('#generated .trailing-ws'), '  ');
    assert.equal(await p.text('#source'), 'poem.md');
    assert.equal(await p.text('#final-loss'), '1.5000');
    assert.equal(await p.isHidden('#model-released'), false, 'the trained model did not survive the reload');

    const bad = await open({ initialState: { version: 1, run: { runId: 'x' }, generated: 7, backend: null } });
    assert.equal(await bad.text('#run-state'), 'Idle');
    assert.equal(await bad.text('#generated'), '');
    assert.deepEqual(await bad.posted(), [{ type: 'ready' }]);
  });

  test('a restored panel whose model is gone says so: Generate and Save are off, Load Model and Train again are offered', async () => {
    const first = await open();
    await first.send(BACKEND, SETTINGS, started(13, 10), progress(13, lossCurve(1, 10), 10), finished(13, 'completed', 10), generated(13));
    assert.equal(await first.isDisabled('#generate'), false);
    assert.equal(await first.isHidden('#model-released'), true);
    // VS Code reloads: the worker starts afresh, and the serializer gets what the webview persisted.
    const p = await open({ initialState: await first.savedState() });
    await p.chartSettled();
    assert.equal((await p.chartMarks()).symbols, 10, 'the run is shown again');
    assert.equal(await p.text('#generated'), TUTORIAL_OUTPUT);
    assert.equal(await p.isDisabled('#generate'), true, 'nothing to generate from');
    assert.equal(await p.isDisabled('#save-model'), true, 'nothing to save');
    assert.equal(await p.page.locator('#model-released').isVisible(), true);
    assert.match(await p.text('#model-released-text'), /reloaded.*load a saved model or train again/);
    assert.match(await p.text('#model-info'), /No model/);
    await p.clearPosted();
    await p.page.locator('#load-model').click();
    await p.page.locator('#train-again').click();
    const posted = await p.posted();
    assert.deepEqual(posted[0], { type: 'loadModel' });
    assert.deepEqual(ofType(posted, 'train'), [{ type: 'train', training: SETTINGS.training, generation: SETTINGS.generation }]);
    // A loaded model fixes it: the banner goes, Generate comes back.
    await p.send({ type: 'modelLoaded', name: 'notes', vocabularySize: 14, cell: 'rnn' });
    assert.equal(await p.isHidden('#model-released'), true);
    assert.equal(await p.isDisabled('#generate'), false);
  });

  test('the host says the worker released the model: the same banner, until a run trains', async () => {
    const p = await open();
    await p.send(SETTINGS, started(14, 5), finished(14, 'completed', 5));
    await p.send({ type: 'modelReleased', reason: 'The training worker restarted (the backend setting changed): the model is gone.' });
    assert.equal(await p.isDisabled('#generate'), true);
    assert.match(await p.text('#model-released-text'), /worker restarted/);
    await p.send(started(15, 5));
    assert.equal(await p.isHidden('#model-released'), true, 'a new run clears it');
    await p.send(finished(15, 'completed', 5));
    assert.equal(await p.isDisabled('#generate'), false);
  });
});
