/** Debian's Chromium driven by playwright-core (never `playwright install`). */
import { chromium, type Browser } from 'playwright-core';
import { onCleanup } from './cleanup';

/** Override with RNN_STUDIO_CHROMIUM. */
export const CHROMIUM_PATH = process.env.RNN_STUDIO_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium (RNN_STUDIO_HEADED=1 shows the window when there is a display). */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: process.env.RNN_STUDIO_HEADED !== '1',
    args: CHROMIUM_ARGS,
  });
  const unregister = onCleanup(
    'chromium',
    () => browser.close(),
    () => undefined, // playwright kills the browsers it launched when this process exits
  );
  browser.on('disconnected', unregister);
  return browser;
}
