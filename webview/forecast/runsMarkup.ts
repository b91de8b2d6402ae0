/**
 * The Runs card's markup (runsView.ts fills it): the runs kept in the workspace, each with a
 * Show button and a Compare box, and the comparison of the two runs ticked.
 */
import { html } from '../shared/markup';

export const runsCard = html`
      <section id="runs" class="card" aria-labelledby="runs-heading" hidden>
        <div class="card-header card-header-wrap"><h2 id="runs-heading">Runs</h2><span id="runs-note" class="meta"></span></div>
        <div class="table-scroll">
          <table id="runs-table" class="data-table runs-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">File</th>
                <th scope="col">Best model</th>
                <th scope="col" class="num">MAE</th>
                <th scope="col">vs best baseline</th>
                <th scope="col">Settings</th>
                <th scope="col">Open</th>
                <th scope="col">Compare</th>
              </tr>
            </thead>
            <tbody></tbody>
          </table>
        </div>
        <div id="runs-compare" class="runs-compare" hidden>
          <h3 id="runs-compare-heading">Two runs compared</h3>
          <div class="table-scroll">
            <table id="compare-settings" class="data-table" aria-label="Settings that differ">
              <thead><tr><th scope="col">Setting</th><th scope="col" id="compare-a-settings">A</th><th scope="col" id="compare-b-settings">B</th></tr></thead>
              <tbody></tbody>
            </table>
          </div>
          <div class="table-scroll">
            <table id="compare-models" class="data-table" aria-label="Each model's held-out MAE and MASE in both runs">
              <thead>
                <tr><th scope="col">Model</th><th scope="col" class="num">A: MAE</th><th scope="col" class="num">A: MASE</th><th scope="col" class="num">B: MAE</th><th scope="col" class="num">B: MASE</th></tr>
              </thead>
              <tbody></tbody>
            </table>
          </div>
        </div>
      </section>`;
