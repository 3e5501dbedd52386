import * as vscode from 'vscode';
import type { DocumentSelector } from 'vscode-languageclient/node';

/** The parameters of the server's tonelsp/documentStatus notification, sent after each analysis. */
export interface DocumentStatus {
  uri: string;
  version: number;
  language: 'de' | 'en';
  addressForm: AddressForm;
  customerAddressForm?: AddressForm | null;
  targetAddressForm?: AddressForm | null;
  findings: number;
  /** The language of the document's messages, as the server chose it (messages: auto | de | en). */
  messages?: 'de' | 'en' | null;
  /** A one-line summary in that language. */
  text?: string | null;
  /** The reply's register and the customer's, when there is a customer message. */
  register?: Register | null;
  customerRegister?: Register | null;
}

export type Register = 'formal' | 'neutral' | 'casual';

export type AddressForm = 'du' | 'sie' | 'mixed' | 'none';

export const documentStatusMethod = 'tonelsp/documentStatus';

/** The command that the status bar item runs: the du/Sie conversion picker. */
export const convertPickerCommand = 'tonelsp.convert';

/** How an address form reads in the status bar and its tooltip. */
/** The name of a register in VS Code's display language. */
export function registerLabel(register: Register): string {
  switch (register) {
    case 'formal':
      return vscode.l10n.t('formal');
    case 'casual':
      return vscode.l10n.t('casual');
    default:
      return vscode.l10n.t('neutral');
  }
}

export function addressFormLabel(form: AddressForm | null | undefined): string {
  switch (form) {
    case 'du':
      return 'du';
    case 'sie':
      return 'Sie';
    case 'mixed':
      return vscode.l10n.t('du/Sie mixed');
    default:
      return vscode.l10n.t('no address');
  }
}

/** The status bar item for the active template: language, form of address and the number of tone findings. */
export class TemplateStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly statuses = new Map<string, DocumentStatus>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private selector: DocumentSelector | undefined;
  private enabled = true;

  constructor() {
    this.item = vscode.window.createStatusBarItem('tonelsp.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'ToneLsp';
    this.item.command = convertPickerCommand;
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((document) => this.statuses.delete(document.uri.toString())),
    );
  }

  /** Which documents are templates; the item shows only for those. Undefined hides it. */
  setSelector(selector: DocumentSelector | undefined): void {
    this.selector = selector;
    this.statuses.clear();
    this.render();
  }

  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    this.render();
  }

  /** Takes a status from the server; a status for an older version than the one already shown is ignored. */
  update(status: DocumentStatus): void {
    const known = this.statuses.get(status.uri);
    if (known !== undefined && known.version > status.version) {
      return;
    }
    this.statuses.set(status.uri, status);
    this.render();
  }

  /** The last status of a document, if the server has sent one. */
  statusOf(uri: vscode.Uri): DocumentStatus | undefined {
    return this.statuses.get(uri.toString());
  }

  private render(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!this.enabled || document === undefined || this.selector === undefined || vscode.languages.match(this.selector as vscode.DocumentSelector, document) === 0) {
      this.item.hide();
      return;
    }

    const status = this.statuses.get(document.uri.toString());
    if (status === undefined) {
      this.item.text = '$(sync~spin) ToneLsp';
      this.item.tooltip = vscode.l10n.t('ToneLsp is checking this template.');
      this.item.accessibilityInformation = { label: vscode.l10n.t('ToneLsp is checking this template') };
      this.item.show();
      return;
    }

    const findings = status.findings === 1 ? vscode.l10n.t('1 tone finding') : vscode.l10n.t('{0} tone findings', status.findings);
    const findingsIcon = status.findings === 0 ? '$(check)' : '$(warning)';
    const language = status.language.toUpperCase();
    const address = status.language === 'de' ? addressFormLabel(status.addressForm) : undefined;
    this.item.text = ['$(comment-discussion)', language, address === undefined ? undefined : `· ${address}`, `· ${findingsIcon} ${status.findings}`]
      .filter((part) => part !== undefined)
      .join(' ');

    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**ToneLsp** · ${language === 'DE' ? vscode.l10n.t('German reply') : vscode.l10n.t('English reply')}\n\n`);
    if (status.language === 'de') {
      tooltip.appendMarkdown(`${vscode.l10n.t('Address form of the reply: {0}', `**${addressFormLabel(status.addressForm)}**`)}\n\n`);
      if (status.customerAddressForm) {
        tooltip.appendMarkdown(`${vscode.l10n.t('Customer writes: {0}', `**${addressFormLabel(status.customerAddressForm)}**`)}\n\n`);
      }
      if (status.targetAddressForm) {
        tooltip.appendMarkdown(`${vscode.l10n.t('The reply should use: {0}', `**${addressFormLabel(status.targetAddressForm)}**`)}\n\n`);
      }
    }
    if (status.register) {
      tooltip.appendMarkdown(vscode.l10n.t('Register of the reply: {0}', `**${registerLabel(status.register)}**`) +
        (status.customerRegister ? ` · ${vscode.l10n.t('the customer writes {0}', `**${registerLabel(status.customerRegister)}**`)}` : '') + '\n\n');
    }
    tooltip.appendMarkdown(`${findings}\n\n${vscode.l10n.t('Click to convert the reply to du or Sie.')}`);
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: `ToneLsp: ${language}, ${address ?? vscode.l10n.t('English')}, ${findings}` };
    this.item.show();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
    this.item.dispose();
  }
}
