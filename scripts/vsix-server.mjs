// Puts the server into dist/server for the .vsix. By default it publishes the framework-dependent tonelsp.dll
// (ReadyToRun), which needs the .NET 10 runtime. With TONELSP_VSIX_SERVER set to a Native AOT publish folder it
// copies that folder's tonelsp executable instead, for a platform-specific package (vsce package --target).
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const destination = path.join('dist', 'server');
const native = process.env.TONELSP_VSIX_SERVER;
rmSync(destination, { recursive: true, force: true });
mkdirSync(destination, { recursive: true });
if (native) {
  const executable = ['tonelsp', 'tonelsp.exe'].map((name) => path.join(native, name)).find((candidate) => existsSync(candidate));
  if (!executable) {
    console.error(`TONELSP_VSIX_SERVER is ${native}, which holds no tonelsp executable.`);
    process.exit(1);
  }
  const target = path.join(destination, path.basename(executable));
  copyFileSync(executable, target);
  chmodSync(target, 0o755);
  console.log(`dist/server: the native ${path.basename(executable)} from ${native}`);
} else {
  execFileSync(
    'dotnet',
    ['publish', 'server/ToneLsp', '-c', 'Release', '-r', 'linux-x64', '--self-contained', 'false', '-p:PublishReadyToRun=true',
      '-o', destination, '-p:UseAppHost=false', '-p:SatelliteResourceLanguages=en', '-nologo', '-v', 'quiet'],
    { stdio: 'inherit' },
  );
}
