import { build } from 'esbuild';
import path from 'node:path';

const repository = path.resolve(__dirname, '../../../..');

/**
 * Bundles the CLI from the current sources as esbuild.mjs bundles dist/cli.js, into
 * out/<folder>/cli.js (one folder per test file: they may build at the same time), so a
 * stale dist/ cannot pass a test; the bundle finds the .wasm files in node_modules.
 * Returns the bundle's path.
 */
export async function bundleCli(folder: string): Promise<string> {
  const cli = path.join(repository, 'out', folder, 'cli.js');
  await build({
    entryPoints: [path.join(repository, 'src/cli/main.ts')],
    outfile: cli,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu'],
    logLevel: 'error',
  });
  return cli;
}
