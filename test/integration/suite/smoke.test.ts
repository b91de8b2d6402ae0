/** The extension is there, activates, and registers its commands. Runs inside VS Code. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'rnn-studio.rnn-studio';

suite('RNN Studio: smoke', () => {
  test('the extension is installed', () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} not found`);
  });

  test('the extension activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  test('rnnStudio.generateFromSelection is registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('rnnStudio.generateFromSelection'));
  });
});
