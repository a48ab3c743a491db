/** "Send SMS" on contact, account and lead: a new SMS whose regarding (and so recipient) is this row. */
import { formNotice, recordLabel } from '../xrm/form';
import { type Ports, t, type StringKey } from '@smsc/browser-shared';
const TABLE_KEYS: Record<string, StringKey> = { contact: 'table.contact', lead: 'table.lead', account: 'table.account' };

export async function newSms(form: Xrm.FormContext, ports: Ports): Promise<void> {
  const entity = form.data.entity;
  const id = entity.getId();
  const entityType = entity.getEntityName();
  if (!id) {
    const key = TABLE_KEYS[entityType];
    const record = key ? recordLabel(form, key, ports.user.language) : entityType;
    formNotice(form, 'smsc_newsms', 'WARNING', t('sms.save_record_first', ports.user.language, { record }));
    return;
  }
  await ports.dialogs.openNewForm('smsc_sms', { entityType, id, name: entity.getPrimaryAttributeValue() ?? '' });
}
