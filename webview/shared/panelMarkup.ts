/**
 * The markup both panels share: the frame of a panel (the header with its title, source and
 * backend badge, the backend warning, the error banner), and the run card's header and
 * progress line, which each panel's own markup (../text/markup.ts, ../forecast/markup.ts)
 * places. header.ts, errorBanner.ts and runStatus.ts are their views.
 */
import { html, type Markup } from './markup';

export interface HeaderMarkup {
  title: string;
  /** Codicon names (without `codicon-`): the title's and the source's. */
  icon: string;
  sourceIcon: string;
  /** What #source says before the first run. */
  hint: Markup;
}

/**
 * A whole panel: the header, the error banner, then the panel's own `body`. `className`:
 * the panel's classes ('app', 'app app-forecast').
 */
export function appMarkup(className: string, h: HeaderMarkup, body: Markup): Markup {
  return html`
  <div class="${className}">${headerMarkup(h)}
${errorBannerMarkup()}
${body}
  </div>`;
}

/** The header (header.ts: source, backend badge) and the backend warning below it. */
function headerMarkup(h: HeaderMarkup): Markup {
  return html`
    <header class="app-header">
      <div class="heading">
        <h1 id="title"><span class="codicon codicon-${h.icon}" aria-hidden="true"></span>${h.title}</h1>
        <p class="subtitle">
          <span class="codicon codicon-${h.sourceIcon}" aria-hidden="true"></span>
          <span id="source">${h.hint}</span>
        </p>
      </div>
      <div class="backend">
        <span class="backend-label" id="backend-label">Backend</span>
        <span id="backend" class="badge" aria-labelledby="backend-label backend" title="TensorFlow.js backend">…</span>
      </div>
    </header>

    <div id="backend-warning" class="banner banner-warning" role="status" hidden>
      <span class="codicon codicon-warning" aria-hidden="true"></span>
      <span id="backend-warning-text" class="banner-text"></span>
    </div>`;
}

/** The error banner (errorBanner.ts), hidden until the host reports an error. */
function errorBannerMarkup(): Markup {
  return html`
    <div id="error" class="banner banner-error" role="alert" hidden>
      <span class="codicon codicon-error" aria-hidden="true"></span>
      <span id="error-message" class="banner-text"></span>
      <vscode-button id="error-dismiss" secondary icon="close" aria-label="Dismiss error">Dismiss</vscode-button>
    </div>`;
}

/** The card header: its heading (`headingId`, for the card's aria-labelledby), the state line and Cancel. */
export function runHeaderMarkup(headingId: string, heading: string): Markup {
  return html`
          <div class="card-header">
            <h2 id="${headingId}">${heading}</h2>
            <span id="run-state" class="run-state" data-state="idle" role="status" aria-live="polite">Idle</span>
            <span class="spacer"></span>
            <vscode-button id="cancel" secondary icon="debug-stop" disabled>Cancel</vscode-button>
          </div>`;
}

/** The progress line and its bar. */
export function runProgressMarkup(): Markup {
  return html`
          <div class="progress-line">
            <span id="epoch" class="epoch">Epoch – / –</span>
            <span class="times">
              <span class="codicon codicon-watch" aria-hidden="true"></span>
              <span id="elapsed">—</span> elapsed
              <span id="remaining-part"><span class="sep" aria-hidden="true">·</span> <span id="remaining">…</span> left</span>
            </span>
          </div>
          <vscode-progress-bar id="progress" aria-label="Training progress" max="1" value="0"></vscode-progress-bar>`;
}
