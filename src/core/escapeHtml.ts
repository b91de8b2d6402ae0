/**
 * HTML escaping, for the host's page shell (src/extension/panelHtml.ts) and the panels'
 * markup (webview/shared/markup.ts): one rule for both sides of the webview.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text safe in element content and in double-quoted attributes (the only kind the panels use). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c]);
}
