import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Executable, LanguageClient, LanguageClientOptions } from 'vscode-languageclient/node';

const versionCheckTimeoutMs = 30_000;

let client: LanguageClient | undefined;

/** How to start the server: a command, the arguments before the subcommand, and where it came from. */
interface ServerCommand {
  command: string;
  args: string[];
  source: string;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  let server: ServerCommand;
  let version: string;
  try {
    server = findServer(context);
    version = await checkServer(server);
  } catch (error) {
    // The message stays open while the extension host goes on; activation does not wait for it.
    void showStartError(error);
    return;
  }

  const outputChannel = vscode.window.createOutputChannel('ToneLsp');
  context.subscriptions.push(outputChannel);
  outputChannel.appendLine(`Starting ToneLsp ${version} from ${server.source}.`);

  const executable: Executable = { command: server.command, args: [...server.args, 'serve'] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: { configurationSection: 'tonelsp' },
    outputChannel,
  };

  // The client reads the tonelsp.trace.server setting itself because its ID is "tonelsp".
  client = new LanguageClient('tonelsp', 'ToneLsp', { run: executable, debug: executable }, clientOptions);
  try {
    await client.start();
  } catch {
    // The language client has already shown the error and written it to the ToneLsp output channel.
    client = undefined;
  }
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  await running?.stop();
}

/** Finds the server: the tonelsp.server.path setting first, then the server published inside the extension. */
function findServer(context: vscode.ExtensionContext): ServerCommand {
  const configured = vscode.workspace.getConfiguration('tonelsp').get<string>('server.path', '').trim();
  if (configured !== '') {
    if (!path.isAbsolute(configured) || !fs.existsSync(configured)) {
      throw new Error(
        `The setting tonelsp.server.path is "${configured}", which is not an existing absolute path. ` +
          'Point it at tonelsp.dll or the tonelsp executable, or clear it to use the bundled server.',
      );
    }
    return toCommand(configured, 'the tonelsp.server.path setting');
  }

  const bundled = context.asAbsolutePath(path.join('server', 'tonelsp.dll'));
  if (fs.existsSync(bundled)) {
    return toCommand(bundled, 'the extension');
  }

  throw new Error(
    'The ToneLsp server was not found. Set tonelsp.server.path to tonelsp.dll ' +
      '(build it with "dotnet build server/ToneLsp -c Release") or install a build of the extension that bundles the server.',
  );
}

/** A .dll runs on the dotnet host; anything else is taken to be the native executable. */
function toCommand(serverPath: string, source: string): ServerCommand {
  if (serverPath.toLowerCase().endsWith('.dll')) {
    return { command: 'dotnet', args: [serverPath], source: `${serverPath} (${source})` };
  }
  return { command: serverPath, args: [], source: `${serverPath} (${source})` };
}

/** Runs the server with --version and returns what it prints, so a broken install fails with a clear message. */
function checkServer(server: ServerCommand): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(server.command, [...server.args, '--version'], { timeout: versionCheckTimeoutMs }, (error, stdout, stderr) => {
      if (error) {
        const missingDotnet = server.command === 'dotnet' && (error as NodeJS.ErrnoException).code === 'ENOENT';
        reject(
          new Error(
            missingDotnet
              ? 'ToneLsp needs the .NET 10 runtime, but "dotnet" is not on the PATH. Install .NET 10 and reload the window.'
              : `The ToneLsp server at ${server.source} failed its version check: ${stderr.trim() || error.message}`,
          ),
        );
        return;
      }
      resolve(stdout.trim());
    });
  });
}

async function showStartError(error: unknown): Promise<void> {
  const openSettings = 'Open Settings';
  const choice = await vscode.window.showErrorMessage(`ToneLsp: ${describe(error)}`, openSettings);
  if (choice === openSettings) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'tonelsp.server.path');
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
