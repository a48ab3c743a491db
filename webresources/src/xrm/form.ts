/** Naming records and fields in what the user reads, and the notifications that carry it. */
import type { Language } from '@smsc/core';
import { t, type StringKey } from '@smsc/browser-shared';
/** `SMS "Appointment reminder"`, or `new SMS` before the first save. */
export function recordLabel(form: Xrm.FormContext, table: StringKey, language: Language): string {
  const name = form.data.entity.getPrimaryAttributeValue?.();
  const tableName = t(table, language);
  return name ? t('record.named', language, { table: tableName, name }) : t('record.new', language, { table: tableName });
}

/** The label the user sees on the form, falling back to the column's logical name. */
export function fieldLabel(form: Xrm.FormContext, attribute: string): string {
  const control = form.getControl<Xrm.Controls.StandardControl>(attribute);
  return control?.getLabel?.() || attribute;
}

export function setControlsDisabled(form: Xrm.FormContext, attributes: string[], disabled: boolean): void {
  for (const name of attributes) form.getControl<Xrm.Controls.StandardControl>(name)?.setDisabled(disabled);
}

export function setVisible(form: Xrm.FormContext, attribute: string, visible: boolean): void {
  form.getControl<Xrm.Controls.StandardControl>(attribute)?.setVisible(visible);
}

export function value<T>(form: Xrm.FormContext, attribute: string): T | null {
  const attr = form.getAttribute(attribute);
  return attr ? (attr.getValue() as T | null) : null;
}

export function setValue(form: Xrm.FormContext, attribute: string, newValue: unknown): void {
  const attr = form.getAttribute(attribute) as Xrm.Attributes.Attribute | null;
  if (attr) (attr as unknown as { setValue(v: unknown): void }).setValue(newValue);
}

/**
 * A recommendation under one field (or cleared when `message` is null). Not `setNotification`:
 * that marks the value invalid and blocks saving, which a warning must not do.
 */
export function fieldNotice(form: Xrm.FormContext, attribute: string, id: string, message: string | null): void {
  const control = form.getControl<Xrm.Controls.StandardControl>(attribute);
  if (!control) return;
  control.clearNotification(id);
  if (message) control.addNotification({ messages: [message], notificationLevel: 'RECOMMENDATION', uniqueId: id });
}

/** A notification at the top of the form (or cleared when `message` is null). */
export function formNotice(form: Xrm.FormContext, id: string, level: Xrm.FormNotificationLevel, message: string | null): void {
  form.ui.clearFormNotification(id);
  if (message) form.ui.setFormNotification(message, level, id);
}
