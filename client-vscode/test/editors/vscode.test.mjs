// The packaged extension in a real VS Code: code-server on 127.0.0.1 with the .vsix installed, driven by
// Playwright in headless Chromium the way a person would use it: keyboard, command palette, quick fix menu.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../lsp-session.mjs';
import {
  artifactsDirectory,
  CodeServer,
  installCodeServer,
  launchBrowser,
  openFile as openFileIn,
  openWorkbench,
  toneStatus as toneStatusOf,
  vsixPath,
  waitFor,
} from './code-server.mjs';

const workspaceFixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'workspace');
/** The screenshot the README shows; refreshed by `TONELSP_UPDATE_DOCS=1 npm run test:editors`. */
const readmeScreenshot = path.join(repoRoot, 'docs', 'vscode-quickfix.png');

describe('VS Code (code-server) with the packaged extension', () => {
  let codeServer;
  let browser;
  let browserProfile;
  let page;

  before(async () => {
    mkdirSync(artifactsDirectory, { recursive: true });
    const launcher = await installCodeServer();
    codeServer = await CodeServer.start({ launcher, vsix: vsixPath, workspaceFixture });
    browserProfile = mkdtempSync(path.join(tmpdir(), 'tonelsp-chromium-'));
    browser = await launchBrowser(browserProfile);
    page = browser.pages()[0] ?? (await browser.newPage());
    await openWorkbench(page, codeServer, 'reply-du.md');
  });

  after(async () => {
    try {
      codeServer?.saveLogs(path.join(artifactsDirectory, 'logs'));
      await browser?.close();
    } finally {
      await codeServer?.stop();
      if (browserProfile) {
        rmSync(browserProfile, { recursive: true, force: true });
      }
    }
  });

  /** Runs a test step and leaves a screenshot of the workbench behind when it fails. */
  async function withFailureScreenshot(name, body) {
    try {
      await body();
    } catch (error) {
      await page?.screenshot({ path: path.join(artifactsDirectory, `failure-${name}.png`) }).catch(() => {});
      throw error;
    }
  }

  /** Opens a workspace file with Quick Open and waits until its editor has focus. */
  const openFile = (name) => openFileIn(page, name);

  /** Runs a command from the command palette by its exact title. */
  async function runCommand(title) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await waitFor(() => input.isVisible(), 'the command palette');
    await input.fill(`>${title}`);
    const row = page.locator(`.quick-input-list .monaco-list-row[aria-label="${title}"]`);
    await waitFor(() => row.isVisible(), `the command "${title}" in the palette`);
    await row.click();
  }

  /** The text of the active editor as shown (the fixtures fit on one screen), with plain spaces. */
  async function editorText() {
    const lines = await page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line').evaluateAll((elements) =>
      elements.map((element) => ({ top: parseFloat(element.style.top), text: element.textContent })),
    );
    return lines
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text.replace(/\u00a0/g, ' '))
      .join('\n');
  }

  /** The aria-label of the ToneLsp status bar item, e.g. "ToneLsp: DE, Sie, 1 tone finding". */
  const toneStatus = () => toneStatusOf(page);

  /** Saves the active editor and waits until the file on disk contains the expected line. */
  async function saveAndExpectOnDisk(name, expectedLine) {
    await waitFor(() => page.locator(`.tab.active.dirty[data-resource-name="${name}"]`).isVisible(), `${name} to have unsaved changes`);
    await page.keyboard.press('Control+S');
    const file = path.join(codeServer.workspace, name);
    await waitFor(() => readFileSync(file, 'utf8').split('\n').includes(expectedLine), `"${expectedLine}" in ${file} after saving`);
    return readFileSync(file, 'utf8');
  }

  test('tone diagnostics appear as squiggles and in the Problems panel', () =>
    withFailureScreenshot('diagnostics', async () => {
      await openFile('reply-condescending.md');
      await waitFor(() => page.locator('.monaco-editor .squiggly-warning').count(), 'a warning squiggle in the editor', { timeoutMs: 60_000 });
      await page.keyboard.press('Control+Shift+M');
      const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'TONE001' });
      await waitFor(() => problem.isVisible(), 'TONE001 in the Problems panel');
      assert.match(await problem.innerText(), /Wie bereits erwähnt/);
    }));

  test('the status bar shows the language, the address form and the number of findings', () =>
    withFailureScreenshot('status-bar', async () => {
      const expected = 'ToneLsp: DE, Sie, 1 tone finding';
      await waitFor(async () => (await toneStatus()) === expected, `the status bar item to read "${expected}"`);
      const text = await page.locator('.statusbar-item[id$="tonelsp.status"]').innerText();
      assert.match(text.replace(/\s+/g, ' '), /DE · Sie · 1/);
    }));

  test('settings reach the server: a rule severity, then the template globs', () =>
    withFailureScreenshot('settings', async () => {
      const settingsFile = path.join(codeServer.workspace, '.vscode', 'settings.json');
      mkdirSync(path.dirname(settingsFile), { recursive: true });
      try {
        // VS Code notices the edited workspace settings and forwards the tonelsp section to the server.
        writeFileSync(settingsFile, JSON.stringify({ 'tonelsp.rules': { TONE001: 'error' } }));
        await waitFor(() => page.locator('.monaco-editor .squiggly-error').count(), 'TONE001 to become an error squiggle');

        // Templates elsewhere only: the client restarts without this file, and the status bar item hides.
        writeFileSync(settingsFile, JSON.stringify({ 'tonelsp.templates': ['drafts/**/*.md'] }));
        await waitFor(async () => (await page.locator('.monaco-editor [class*="squiggly-"]').count()) === 0, 'the findings to go once the file is no template');
        await waitFor(async () => (await toneStatus()) === undefined, 'the status bar item to hide');
      } finally {
        rmSync(settingsFile, { force: true });
      }
      await waitFor(() => page.locator('.monaco-editor .squiggly-warning').count(), 'the warning squiggle to return with the default settings', { timeoutMs: 60_000 });
      await waitFor(async () => (await toneStatus()) === 'ToneLsp: DE, Sie, 1 tone finding', 'the status bar item to return');
    }));

  test('the preferred quick fix rewrites the phrase', () =>
    withFailureScreenshot('quick-fix', async () => {
      // Go to the problem, close its peek view and open the quick fix menu at the cursor.
      await page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
      await page.keyboard.press('F8');
      await waitFor(() => page.locator('.marker-widget').isVisible(), 'the problem peek view');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+.');
      // The template is German, so the server's quick fixes are German (messages: auto); VS Code's own UI stays English.
      const preferred = page.locator('.action-widget .monaco-list-row.action', { hasText: 'Umformulieren zu „Kurz zusammengefasst“' });
      await waitFor(() => preferred.isVisible(), 'the quick fix "Umformulieren zu „Kurz zusammengefasst“"');
      const focused = page.locator('.action-widget .monaco-list-row.action.focused');
      await waitFor(async () => /Kurz zusammengefasst/.test(await focused.innerText()), 'the preferred fix to be the first, focused entry');

      const screenshot = path.join(artifactsDirectory, 'vscode-quickfix.png');
      await page.screenshot({ path: screenshot });
      if (process.env.TONELSP_UPDATE_DOCS === '1') {
        mkdirSync(path.dirname(readmeScreenshot), { recursive: true });
        copyFileSync(screenshot, readmeScreenshot);
      }

      await page.keyboard.press('Enter');
      // The rewrite replaces the phrase with its comma.
      const rewritten = 'Kurz zusammengefasst ist die Antwort im Hilfebereich.';
      await waitFor(async () => (await editorText()).includes(rewritten), 'the rewritten sentence in the editor');
      await waitFor(async () => (await toneStatus()) === 'ToneLsp: DE, Sie, 0 tone findings', 'the status bar to count 0 findings');
      await waitFor(async () => (await page.locator('.monaco-editor .squiggly-warning').count()) === 0, 'the warning squiggle to go away');
      assert.doesNotMatch(await saveAndExpectOnDisk('reply-condescending.md', rewritten), /Wie bereits erwähnt/);
    }));

  test('"ToneLsp: Convert Template to Sie" converts a du reply, and the status bar follows', () =>
    withFailureScreenshot('convert', async () => {
      await openFile('reply-du.md');
      await waitFor(async () => (await toneStatus())?.startsWith('ToneLsp: DE, du,'), 'the status bar to show du');
      await runCommand('ToneLsp: Convert Template to Sie');
      const converted = 'Hallo Jana, danke für Ihre Nachricht! Können Sie uns Ihre Bestellnummer per DM schicken?';
      await waitFor(async () => (await editorText()).includes(converted), 'the reply converted to Sie in the editor');
      await waitFor(async () => (await toneStatus())?.startsWith('ToneLsp: DE, Sie,'), 'the status bar to show Sie');
      await page.screenshot({ path: path.join(artifactsDirectory, 'vscode-converted.png') });
      assert.doesNotMatch(await saveAndExpectOnDisk('reply-du.md', converted), /deine|Kannst du/);
    }));

  test('the status bar item opens the conversion picker, which converts back to du', () =>
    withFailureScreenshot('picker', async () => {
      await page.locator('.statusbar-item[id$="tonelsp.status"] a, .statusbar-item[id$="tonelsp.status"]').first().click();
      const toDu = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Convert to du' });
      await waitFor(() => toDu.isVisible(), 'the conversion picker');
      await toDu.click();
      await waitFor(async () => (await editorText()).includes('Kannst du uns deine Bestellnummer'), 'the reply converted back to du');
      await waitFor(async () => (await toneStatus())?.startsWith('ToneLsp: DE, du,'), 'the status bar to show du again');
    }));
});
