/**
 * The SmsComposer component, free of the PCF runtime: a text area with the live counter, a
 * merge-field picker listing the table's columns (lookups expandable one level) that inserts
 * `[field]` at the cursor, and a preview rendered for a row the user picks.
 */
import { renderTemplate, type Language, type MergeData } from '@smsc/core';
import { describeText, isLookupType, type ColumnInfo, type EntityRef, type MetadataPort, errorMessage, t } from '@smsc/browser-shared';
export interface ComposerDeps {
  metadata: MetadataPort;
  /** Lets the user choose one row of the table; null when they cancel. */
  pickRecord(table: string): Promise<(EntityRef & { name?: string }) | null>;
  loadMergeData(template: string, record: EntityRef): Promise<MergeData>;
  language: Language;
  locale: string;
  timeZone: string;
}

export interface ComposerProps {
  text: string;
  /** Logical name of the table whose columns are offered; null hides the picker. */
  table: string | null;
  maxLength?: number;
  disabled: boolean;
}

export class Composer {
  readonly element: HTMLElement;
  private readonly textarea: HTMLTextAreaElement;
  private readonly counter: HTMLElement;
  private readonly warning: HTMLElement;
  private readonly error: HTMLElement;
  private readonly picker: HTMLElement;
  private readonly fieldSelect: HTMLSelectElement;
  private readonly relatedSelect: HTMLSelectElement;
  private readonly insertButton: HTMLButtonElement;
  private readonly pickerStatus: HTMLElement;
  private readonly previewButton: HTMLButtonElement;
  private readonly preview: HTMLElement;
  private props: ComposerProps = { text: '', table: null, disabled: false };
  private columns: ColumnInfo[] = [];
  private loadedTable: string | null = null;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    container: HTMLElement,
    private readonly deps: ComposerDeps,
    private readonly onTextChange: (text: string) => void,
  ) {
    const doc = container.ownerDocument;
    const make = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string) => {
      const element = doc.createElement(tag);
      if (className) element.className = className;
      return element;
    };
    const language = deps.language;
    this.element = make('div', 'smsc-composer');
    this.textarea = make('textarea');
    this.textarea.setAttribute('aria-label', t('composer.text', language));
    this.counter = make('div', 'smsc-counter');
    this.counter.setAttribute('aria-live', 'polite');
    this.warning = make('div', 'smsc-warning');
    this.error = make('div', 'smsc-error');
    this.error.setAttribute('role', 'alert');

    this.picker = make('div', 'smsc-picker');
    this.fieldSelect = make('select');
    this.fieldSelect.setAttribute('aria-label', t('composer.field', language));
    this.relatedSelect = make('select');
    this.relatedSelect.setAttribute('aria-label', t('composer.related', language));
    this.relatedSelect.hidden = true;
    this.insertButton = make('button');
    this.insertButton.type = 'button';
    this.insertButton.textContent = t('composer.insert', language);
    this.pickerStatus = make('span', 'smsc-counter');
    this.previewButton = make('button');
    this.previewButton.type = 'button';
    this.previewButton.textContent = t('composer.preview', language);
    this.picker.append(this.fieldSelect, this.relatedSelect, this.insertButton, this.previewButton, this.pickerStatus);
    this.preview = make('div', 'smsc-preview');
    this.preview.hidden = true;
    this.preview.setAttribute('aria-live', 'polite');

    this.element.append(this.textarea, this.counter, this.warning, this.error, this.picker, this.preview);
    container.append(this.element);

    this.textarea.addEventListener('input', () => {
      this.props = { ...this.props, text: this.textarea.value };
      this.renderCounter();
      this.onTextChange(this.textarea.value);
    });
    this.fieldSelect.addEventListener('change', () => void this.track(this.showRelated()));
    this.insertButton.addEventListener('click', () => this.insertSelected());
    this.previewButton.addEventListener('click', () => void this.track(this.showPreview()));
  }

  get text(): string {
    return this.textarea.value;
  }

  /** Settles when the columns or the preview being loaded are shown (for callers that wait). */
  idle(): Promise<void> {
    return this.pending;
  }

  update(props: ComposerProps): void {
    this.props = props;
    // A value that comes back from the form after our own change must not move the cursor.
    if (this.textarea.value !== props.text) this.textarea.value = props.text;
    this.textarea.disabled = props.disabled;
    this.picker.hidden = props.disabled || !props.table;
    this.renderCounter();
    const table = props.table?.trim().toLowerCase() || null;
    if (table !== this.loadedTable) {
      this.loadedTable = table;
      this.track(this.loadColumns(table));
    }
  }

  destroy(): void {
    this.element.remove();
  }

  private track(work: Promise<void>): Promise<void> {
    this.pending = this.pending.then(() => work);
    return this.pending;
  }

  private renderCounter(): void {
    const counter = describeText(this.textarea.value, this.deps.language, this.props.maxLength !== undefined ? { maxLength: this.props.maxLength } : {});
    this.counter.textContent = counter.summary;
    this.warning.textContent = counter.warning ?? '';
    this.warning.hidden = !counter.warning;
    this.error.textContent = counter.error ?? '';
    this.error.hidden = !counter.error;
  }

  private async loadColumns(table: string | null): Promise<void> {
    const language = this.deps.language;
    this.columns = [];
    this.fieldSelect.replaceChildren();
    this.relatedSelect.replaceChildren();
    this.relatedSelect.hidden = true;
    this.pickerStatus.textContent = table ? '' : t('composer.no_table', language);
    if (!table) return;
    try {
      const info = await this.deps.metadata.table(table);
      if (this.loadedTable !== table) return; // a newer table was chosen meanwhile
      if (!info) {
        this.pickerStatus.textContent = t('composer.unknown_table', language, { table });
        return;
      }
      this.columns = info.columns;
      this.fieldSelect.append(...info.columns.map((column) => this.option(column.logicalName, `${column.displayName}${isLookupType(column.type) ? ' →' : ''} [${column.logicalName}]`)));
      await this.showRelated();
    } catch (error) {
      this.pickerStatus.textContent = t('composer.columns_failed', language, { table, error: errorMessage(error) });
    }
  }

  private option(value: string, label: string): HTMLOptionElement {
    const option = this.element.ownerDocument.createElement('option');
    option.value = value;
    option.textContent = label;
    return option;
  }

  /** For a lookup, the columns of the row it points to (every target of a customer lookup), plus the lookup's own name. */
  private async showRelated(): Promise<void> {
    const column = this.columns.find((c) => c.logicalName === this.fieldSelect.value);
    this.relatedSelect.replaceChildren();
    this.relatedSelect.hidden = true;
    if (!column || !isLookupType(column.type)) return;
    const options = [this.option('', column.displayName)];
    const seen = new Set<string>();
    for (const target of column.targets) {
      const related = await this.deps.metadata.table(target);
      for (const relatedColumn of related?.columns ?? []) {
        if (isLookupType(relatedColumn.type) || seen.has(relatedColumn.logicalName)) continue;
        seen.add(relatedColumn.logicalName);
        options.push(this.option(relatedColumn.logicalName, `${relatedColumn.displayName} [${relatedColumn.logicalName}]`));
      }
    }
    this.relatedSelect.append(...options);
    this.relatedSelect.hidden = false;
  }

  /** Inserts `[field]` (or `[lookup.field]`) in place of the selection and puts the cursor after it. */
  insertSelected(): void {
    const field = this.fieldSelect.value;
    if (!field) return;
    const related = this.relatedSelect.hidden ? '' : this.relatedSelect.value;
    const token = `[${related ? `${field}.${related}` : field}]`;
    const { selectionStart, selectionEnd, value } = this.textarea;
    const start = selectionStart ?? value.length;
    const end = selectionEnd ?? start;
    this.textarea.value = value.slice(0, start) + token + value.slice(end);
    const cursor = start + token.length;
    this.textarea.setSelectionRange(cursor, cursor);
    this.textarea.focus();
    this.props = { ...this.props, text: this.textarea.value };
    this.renderCounter();
    this.onTextChange(this.textarea.value);
  }

  private async showPreview(): Promise<void> {
    const { language, locale, timeZone } = this.deps;
    const table = this.loadedTable;
    if (!table) return;
    try {
      const record = await this.deps.pickRecord(table);
      if (!record) return;
      const data = await this.deps.loadMergeData(this.textarea.value, record);
      const rendered = renderTemplate(this.textarea.value, data, { locale, timeZone });
      const lines = [t('composer.preview_of', language, { name: record.name ?? record.id }), rendered.text, describeText(rendered.text, language).summary];
      if (rendered.missing.length) lines.push(t('composer.preview_missing', language, { fields: rendered.missing.map((f) => `[${f}]`).join(', ') }));
      if (rendered.empty.length) lines.push(t('composer.preview_empty', language, { fields: rendered.empty.map((f) => `[${f}]`).join(', ') }));
      this.preview.textContent = lines.join('\n');
    } catch (error) {
      this.preview.textContent = t('composer.preview_failed', language, { error: errorMessage(error) });
    }
    this.preview.hidden = false;
  }
}
