import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const versionCheckTimeoutMs = 30_000;

/** The folder inside the extension that `npm run package` publishes the server into. */
export const bundledServerFolder = path.join('dist', 'server');

/** How to start the server: a command, the arguments before the subcommand, and where it came from. */
export interface ServerCommand {
  command: string;
  args: string[];
  source: string;
}

/** A problem that stops the server from starting, with the setting that would fix it when there is one. */
export class ServerNotFoundError extends Error {
  constructor(
    message: string,
    readonly setting = 'tonelsp.server.path',
  ) {
    super(message);
  }
}

/**
 * Finds the server: the tonelsp.server.path setting first, then the server published inside the
 * extension (a self-contained build, or the framework-dependent tonelsp.dll started with dotnet).
 */
export function findServer(configuredPath: string, extensionRoot: string, lookup: DotnetLookup = {}): ServerCommand {
  const configured = configuredPath.trim();
  if (configured !== '') {
    if (!path.isAbsolute(configured) || !fs.existsSync(configured)) {
      throw new ServerNotFoundError(
        `The setting tonelsp.server.path is "${configured}", which is not an existing absolute path. ` +
          'Point it at tonelsp.dll or the tonelsp executable, or clear it to use the server bundled with the extension.',
      );
    }
    return toCommand(configured, 'the tonelsp.server.path setting', lookup);
  }

  const folder = path.join(extensionRoot, bundledServerFolder);
  const executable = path.join(folder, process.platform === 'win32' ? 'tonelsp.exe' : 'tonelsp');
  if (fs.existsSync(executable) && isSelfContained(folder)) {
    return { command: executable, args: [], source: `${executable} (self-contained, bundled with the extension)` };
  }

  const dll = path.join(folder, 'tonelsp.dll');
  if (fs.existsSync(dll)) {
    return toCommand(dll, 'bundled with the extension', lookup);
  }

  throw new ServerNotFoundError(
    'The ToneLsp server was not found: this build of the extension bundles no server. ' +
      'Install the .vsix made by "npm run package", or build the server with ' +
      '"dotnet publish server/ToneLsp -c Release -o dist/server" and set tonelsp.server.path to the tonelsp.dll it writes.',
  );
}

/** A .dll runs on the dotnet host; anything else is taken to be the native executable. */
function toCommand(serverPath: string, source: string, lookup: DotnetLookup): ServerCommand {
  if (serverPath.toLowerCase().endsWith('.dll')) {
    const dotnet = findDotnet(lookup);
    if (dotnet === undefined) {
      throw new ServerNotFoundError(
        `ToneLsp's server (${serverPath}) runs on .NET 10, but no .NET runtime was found: "dotnet" is not on the PATH ` +
          'nor in DOTNET_ROOT or the usual install folders. Install the .NET 10 runtime (for example "apt-get install dotnet-runtime-10.0" ' +
          'or from the .NET download page) and reload the window, or set tonelsp.server.path to a self-contained tonelsp executable.',
      );
    }
    return { command: dotnet, args: [serverPath], source: `${serverPath} (${source}), run with ${dotnet}` };
  }
  return { command: serverPath, args: [], source: `${serverPath} (${source})` };
}

/** A self-contained publish lists the frameworks it carries in its runtimeconfig.json instead of the ones it needs. */
function isSelfContained(folder: string): boolean {
  try {
    const runtimeConfig = JSON.parse(fs.readFileSync(path.join(folder, 'tonelsp.runtimeconfig.json'), 'utf8'));
    return runtimeConfig?.runtimeOptions?.includedFrameworks !== undefined;
  } catch {
    // A single-file build has no runtimeconfig.json and runs on its own.
    return !fs.existsSync(path.join(folder, 'tonelsp.dll'));
  }
}

/** Where to look for the dotnet host; tests replace the defaults. */
export interface DotnetLookup {
  /** The environment whose DOTNET_ROOT and PATH are searched; the extension host's by default. */
  environment?: NodeJS.ProcessEnv;
  /** The folders the .NET installers use, searched after the PATH. */
  installFolders?: string[];
}

/** The folders the .NET installers and Linux packages put dotnet in. */
function defaultInstallFolders(environment: NodeJS.ProcessEnv): string[] {
  if (process.platform === 'win32') {
    return [path.join(environment.ProgramFiles ?? 'C:\\Program Files', 'dotnet')];
  }
  return [path.join(os.homedir(), '.dotnet'), '/usr/share/dotnet', '/usr/lib/dotnet', '/usr/local/share/dotnet', '/opt/dotnet'];
}

/** The dotnet host: DOTNET_ROOT, then the PATH, then the folders the installers use. */
export function findDotnet({ environment = process.env, installFolders }: DotnetLookup = {}): string | undefined {
  const name = process.platform === 'win32' ? 'dotnet.exe' : 'dotnet';
  const folders = [
    ...(environment.DOTNET_ROOT ? [environment.DOTNET_ROOT] : []),
    ...(environment.PATH ?? '').split(path.delimiter).filter((folder) => folder !== ''),
    ...(installFolders ?? defaultInstallFolders(environment)),
  ];
  return folders.map((folder) => path.join(folder, name)).find(isExecutableFile);
}

function isExecutableFile(candidate: string): boolean {
  try {
    fs.accessSync(candidate, fs.constants.X_OK);
    return fs.statSync(candidate).isFile();
  } catch {
    return false;
  }
}

/** Runs the server with --version and returns what it prints, so a broken install fails with a clear message. */
export function checkServer(server: ServerCommand): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(server.command, [...server.args, '--version'], { timeout: versionCheckTimeoutMs }, (error, stdout, stderr) => {
      if (error) {
        const missingDotnet = server.args.length > 0 && (error as NodeJS.ErrnoException).code === 'ENOENT';
        reject(
          new ServerNotFoundError(
            missingDotnet
              ? `ToneLsp needs the .NET 10 runtime, but ${server.command} could not be started. Install .NET 10 and reload the window.`
              : `The ToneLsp server at ${server.source} failed its version check: ${stderr.trim() || error.message}`,
          ),
        );
        return;
      }
      resolve(stdout.trim());
    });
  });
}
