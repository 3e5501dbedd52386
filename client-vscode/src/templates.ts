import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DocumentSelector } from 'vscode-languageclient/node';

/** The default of tonelsp.templates: every Markdown file is a template. */
export const allMarkdown = ['**/*.md'];

/**
 * Turns the tonelsp.templates globs into the language client's document selector. A glob that starts with
 * "**" or is absolute matches the file's full path; any other glob is taken relative to each workspace folder.
 * Untitled Markdown documents are always checked, so a reply can be drafted before it is saved.
 */
export function templateSelector(globs: readonly string[], folders: readonly vscode.WorkspaceFolder[]): DocumentSelector {
  const selector: Array<{ language: string; scheme: string; pattern?: string | vscode.RelativePattern }> = [
    { language: 'markdown', scheme: 'untitled' },
  ];
  for (const glob of cleanGlobs(globs)) {
    if (glob.startsWith('**') || path.isAbsolute(glob)) {
      selector.push({ language: 'markdown', scheme: 'file', pattern: glob });
    } else {
      for (const folder of folders) {
        selector.push({ language: 'markdown', scheme: 'file', pattern: new vscode.RelativePattern(folder, glob) });
      }
    }
  }
  // The language client passes each pattern on to VS Code unchanged, and VS Code accepts relative patterns.
  return selector as DocumentSelector;
}

/** Trims the globs and drops empty ones; an empty list falls back to every Markdown file. */
export function cleanGlobs(globs: readonly string[] | undefined): string[] {
  const cleaned = (globs ?? []).filter((glob): glob is string => typeof glob === 'string').map((glob) => glob.trim()).filter((glob) => glob !== '');
  return cleaned.length > 0 ? cleaned : allMarkdown;
}

/** Whether any glob depends on the workspace folders, so adding or removing a folder changes the selector. */
export function dependsOnFolders(globs: readonly string[]): boolean {
  return cleanGlobs(globs).some((glob) => !glob.startsWith('**') && !path.isAbsolute(glob));
}
