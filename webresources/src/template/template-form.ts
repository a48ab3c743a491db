/**
 * SMS template form: checks that the table exists and that every merge field is one of its
 * columns (one lookup level down), with the counter. The merge-field picker and the preview
 * against a chosen record are the SmsComposer control bound to the template text.
 */
import { errorMessage, type Ports, t, unknownFields } from '@smsc/browser-shared';
import { fieldLabel, formNotice, recordLabel, setValue, value } from '../xrm/form';
import { showCounter, TEXT } from '../forms/common';
import { bracketed } from '../sms/sms-form';

export const ENTITY = 'smsc_entity';
export const TABLE_NOTICE = 'smsc_table';
export const FIELDS_NOTICE = 'smsc_fields';

export async function onLoad(form: Xrm.FormContext, ports: Ports): Promise<void> {
  showCounter(form, ports.user);
  await check(form, ports);
}

export async function onEntityChange(form: Xrm.FormContext, ports: Ports): Promise<void> {
  const raw = value<string>(form, ENTITY);
  // Logical names are lower case; "Contact " typed by hand still means contact.
  if (raw && raw !== raw.trim().toLowerCase()) setValue(form, ENTITY, raw.trim().toLowerCase());
  await check(form, ports);
}

export async function onTextChange(form: Xrm.FormContext, ports: Ports): Promise<void> {
  showCounter(form, ports.user);
  await check(form, ports);
}

async function check(form: Xrm.FormContext, ports: Ports): Promise<void> {
  const { language } = ports.user;
  const table = (value<string>(form, ENTITY) ?? '').trim().toLowerCase();
  const record = recordLabel(form, 'table.template', language);
  formNotice(form, TABLE_NOTICE, 'ERROR', null);
  formNotice(form, FIELDS_NOTICE, 'WARNING', null);
  if (!table) return;
  try {
    const info = await ports.metadata.table(table);
    if (!info) {
      formNotice(form, TABLE_NOTICE, 'ERROR', t('template.unknown_table', language, { field: fieldLabel(form, ENTITY), record, table }));
      return;
    }
    const unknown = await unknownFields(ports.metadata, table, value<string>(form, TEXT) ?? '');
    if (unknown.length > 0) {
      formNotice(form, FIELDS_NOTICE, 'WARNING', t('template.unknown_fields', language, { field: fieldLabel(form, TEXT), record, table: info.displayName, fields: bracketed(unknown) }));
    }
  } catch (error) {
    formNotice(form, TABLE_NOTICE, 'ERROR', t('template.metadata_failed', language, { table, record, error: errorMessage(error) }));
  }
}
