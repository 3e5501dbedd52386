import * as vscode from 'vscode';
import {
  CodeActionRequest,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
  StaticFeature,
} from 'vscode-languageclient/node';
import { checkServer, findServer, ServerNotFoundError } from './serverLocation';
import { addressFormLabel, convertPickerCommand, DocumentStatus, documentStatusMethod, TemplateStatusBar } from './statusBar';
import { allMarkdown, dependsOnFolders, templateSelector } from './templates';

/** The server's command that converts a whole document and applies the result with workspace/applyEdit. */
const serverConvertCommand = 'tonelsp.convertDocument';
const fixAllKind = 'source.fixAll.tonelsp';
const stopTimeoutMs = 5_000;

/** The commands this extension contributes; the manifest lists the same IDs. */
export const commandIds = {
  convertToDu: 'tonelsp.convertToDu',
  convertToSie: 'tonelsp.convertToSie',
  convert: convertPickerCommand,
  fixAll: 'tonelsp.fixAll',
  restartServer: 'tonelsp.restartServer',
  showOutput: 'tonelsp.showOutput',
} as const;

type TargetForm = 'du' | 'sie';

let controller: ToneLspController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('ToneLsp');
  const statusBar = new TemplateStatusBar();
  const current = new ToneLspController(context.extensionPath, output, statusBar);
  controller = current;
  context.subscriptions.push(output, statusBar, current);

  context.subscriptions.push(
    vscode.commands.registerCommand(commandIds.convertToDu, () => current.convertActiveTemplate('du')),
    vscode.commands.registerCommand(commandIds.convertToSie, () => current.convertActiveTemplate('sie')),
    vscode.commands.registerCommand(commandIds.convert, () => current.pickConversion()),
    vscode.commands.registerCommand(commandIds.fixAll, () => current.fixAllInActiveTemplate()),
    vscode.commands.registerCommand(commandIds.restartServer, () => current.restart()),
    vscode.commands.registerCommand(commandIds.showOutput, () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('tonelsp.enable')) {
        statusBar.setEnabled(readSettings().get<boolean>('enable', true));
      }
      // The server location and the document selector are fixed when the client starts.
      if (event.affectsConfiguration('tonelsp.server.path') || event.affectsConfiguration('tonelsp.templates')) {
        void current.restart();
      }
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      if (dependsOnFolders(readSettings().get<string[]>('templates', allMarkdown))) {
        void current.restart();
      }
    }),
  );

  statusBar.setEnabled(readSettings().get<boolean>('enable', true));
  await current.start();
}

export async function deactivate(): Promise<void> {
  const running = controller;
  controller = undefined;
  await running?.stop();
}

function readSettings(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('tonelsp');
}

/** Owns the language client: finds and checks the server, starts, stops and restarts it, and runs the commands. */
class ToneLspController implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<void> | undefined;

  constructor(
    private readonly extensionRoot: string,
    private readonly output: vscode.OutputChannel,
    private readonly statusBar: TemplateStatusBar,
  ) {}

  /** Starts the server unless it is running or starting; start errors are shown, never thrown. */
  start(): Promise<void> {
    this.starting ??= this.startClient().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  async stop(): Promise<void> {
    await this.starting;
    const running = this.client;
    this.client = undefined;
    this.statusBar.setSelector(undefined);
    if (running !== undefined) {
      try {
        // Dispose, not just stop: it also unregisters the server's commands, so a new client can add them again.
        await running.dispose(stopTimeoutMs);
      } catch (error) {
        this.output.appendLine(`The server did not stop cleanly: ${describe(error)}`);
      }
    }
  }

  async restart(): Promise<void> {
    this.output.appendLine('Restarting the ToneLsp server.');
    await this.stop();
    await this.start();
  }

  private async startClient(): Promise<void> {
    const settings = readSettings();
    let version: string;
    let serverOptions: ServerOptions;
    let source: string;
    try {
      const server = findServer(settings.get<string>('server.path', ''), this.extensionRoot);
      version = await checkServer(server);
      const executable = { command: server.command, args: [...server.args, 'serve'] };
      serverOptions = { run: executable, debug: executable };
      source = server.source;
    } catch (error) {
      this.output.appendLine(`ToneLsp could not start: ${describe(error)}`);
      void this.showStartError(error);
      return;
    }

    this.output.appendLine(`Starting ToneLsp ${version} from ${source}.`);
    const selector = templateSelector(settings.get<string[]>('templates', allMarkdown), vscode.workspace.workspaceFolders ?? []);
    const clientOptions: LanguageClientOptions = {
      documentSelector: selector,
      // Changes are pushed with didChangeConfiguration; the server also pulls the section with workspace/configuration.
      synchronize: { configurationSection: 'tonelsp' },
      initializationOptions: { statusNotifications: true, tonelsp: plainSettings(settings) },
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
    };

    // The client reads the tonelsp.trace.server setting itself because its ID is "tonelsp".
    const client = new LanguageClient('tonelsp', 'ToneLsp', serverOptions, clientOptions);
    client.registerFeature(pushDiagnosticsOnly);
    client.onNotification(documentStatusMethod, (status: DocumentStatus) => this.statusBar.update(status));
    this.statusBar.setSelector(selector);
    try {
      await client.start();
      this.client = client;
    } catch (error) {
      // The language client has already shown the error; the output channel keeps the details.
      this.output.appendLine(`The ToneLsp server failed to start: ${describe(error)}`);
      this.statusBar.setSelector(undefined);
      await client.dispose(stopTimeoutMs).catch(() => undefined);
    }
  }

  /** Converts the whole reply in the active editor to du or Sie through the server's convert command. */
  async convertActiveTemplate(target: TargetForm): Promise<void> {
    const context = await this.activeTemplate();
    if (context === undefined) {
      return;
    }
    const { client, document } = context;
    if (this.statusBar.statusOf(document.uri)?.language === 'en') {
      void vscode.window.showInformationMessage(vscode.l10n.t('ToneLsp: du/Sie conversion is for German replies; this template is English.'));
      return;
    }

    const versionBefore = document.version;
    try {
      // The server answers after VS Code has applied its workspace/applyEdit.
      await client.sendRequest(ExecuteCommandRequest.type, {
        command: serverConvertCommand,
        arguments: [client.code2ProtocolConverter.asUri(document.uri), target],
      });
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('ToneLsp could not convert the template: {0}', describe(error)));
      return;
    }
    if (document.version === versionBefore) {
      void vscode.window.showInformationMessage(vscode.l10n.t('ToneLsp: the reply already uses {0}; nothing to convert.', addressFormLabel(target)));
    }
  }

  /** The status bar's picker: convert the active template to du or to Sie. */
  async pickConversion(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    const current = document === undefined ? undefined : this.statusBar.statusOf(document.uri);
    const items: Array<vscode.QuickPickItem & { target: TargetForm }> = (['du', 'sie'] as const).map((target) => ({
      label: vscode.l10n.t('Convert to {0}', addressFormLabel(target)),
      description:
        current?.addressForm === target
          ? vscode.l10n.t('the reply uses this already')
          : current?.targetAddressForm === target
            ? vscode.l10n.t('the form the reply should use')
            : undefined,
      target,
    }));
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('ToneLsp: convert the reply'),
      placeHolder:
        current === undefined
          ? vscode.l10n.t('Convert the reply to')
          : vscode.l10n.t('The reply uses {0}; convert it to', addressFormLabel(current.addressForm)),
    });
    if (picked !== undefined) {
      await this.convertActiveTemplate(picked.target);
    }
  }

  /** Applies the server's fix-all action, which takes every preferred fix whose edits do not overlap. */
  async fixAllInActiveTemplate(): Promise<void> {
    const context = await this.activeTemplate();
    if (context === undefined) {
      return;
    }
    const { client, document } = context;
    const wholeDocument = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = await client.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) },
      range: client.code2ProtocolConverter.asRange(wholeDocument),
      context: { diagnostics: [], only: [fixAllKind] },
    });
    const fixAll = (actions ?? []).find((action) => 'kind' in action && action.kind === fixAllKind && action.edit !== undefined);
    if (fixAll === undefined || !('edit' in fixAll) || fixAll.edit === undefined) {
      void vscode.window.showInformationMessage(vscode.l10n.t('ToneLsp: no tone issue in this template has an automatic fix.'));
      return;
    }
    const edit = await client.protocol2CodeConverter.asWorkspaceEdit(fixAll.edit);
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(vscode.l10n.t('ToneLsp: VS Code did not apply the fixes; the document may have changed meanwhile. Try again.'));
    }
  }

  /** The running client and the active Markdown template, or a message saying what is missing. */
  private async activeTemplate(): Promise<{ client: LanguageClient; document: vscode.TextDocument } | undefined> {
    const document = vscode.window.activeTextEditor?.document;
    if (document === undefined || document.languageId !== 'markdown') {
      void vscode.window.showWarningMessage(vscode.l10n.t('ToneLsp: open a Markdown reply template first.'));
      return undefined;
    }
    await this.starting;
    const client = this.client;
    if (client === undefined || client.state !== State.Running) {
      const showOutput = vscode.l10n.t('Show Output');
      void vscode.window.showErrorMessage(vscode.l10n.t('ToneLsp: the server is not running.'), showOutput).then((choice) => {
        if (choice === showOutput) {
          this.output.show(true);
        }
      });
      return undefined;
    }
    return { client, document };
  }

  private async showStartError(error: unknown): Promise<void> {
    const openSettings = vscode.l10n.t('Open Settings');
    const showOutput = vscode.l10n.t('Show Output');
    const setting = error instanceof ServerNotFoundError ? error.setting : 'tonelsp.server.path';
    const choice = await vscode.window.showErrorMessage(`ToneLsp: ${describe(error)}`, openSettings, showOutput);
    if (choice === openSettings) {
      await vscode.commands.executeCommand('workbench.action.openSettings', setting);
    } else if (choice === showOutput) {
      this.output.show(true);
    }
  }

  dispose(): void {
    void this.stop();
  }
}

/**
 * Withdraws the pull-diagnostics capability, so the server pushes diagnostics. In pull mode the server answers a
 * pull that overlaps a settings change with ContentModified and sends no workspace/diagnostic/refresh afterwards,
 * which leaves a freshly opened template without diagnostics until its next edit. Push mode republishes after
 * every change of text or settings, tagged with the document version.
 */
const pushDiagnosticsOnly: StaticFeature = {
  fillClientCapabilities(capabilities) {
    delete capabilities.textDocument?.diagnostic;
    delete capabilities.workspace?.diagnostics;
  },
  initialize() {},
  getState: () => ({ kind: 'static' }),
  clear() {},
};

/** The tonelsp settings as plain JSON, for the initialization options. */
function plainSettings(settings: vscode.WorkspaceConfiguration): Record<string, unknown> {
  const keys = ['enable', 'defaultAddressForm', 'defaultLanguage', 'messages', 'capitalizeDu', 'humorAllowed', 'rules'];
  return Object.fromEntries(keys.map((key) => [key, settings.get(key)]).filter(([, value]) => value !== undefined));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// The server lookup is exported for the tests, which load the bundle without a real VS Code.
export { findDotnet, findServer } from './serverLocation';
