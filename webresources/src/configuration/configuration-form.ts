/**
 * The configuration table's main form, which embeds the configuration page: it keeps the table to
 * one row and tells non-administrators why they cannot change anything.
 */
import { loadConfiguration, type Ports, ADMINISTRATOR_ROLES, hasAnyRole, t } from '@smsc/browser-shared';
import { formNotice } from '../xrm/form';

const FORM_CREATE = 1;

export async function onLoad(form: Xrm.FormContext, ports: Ports): Promise<void> {
  const { language } = ports.user;
  formNotice(form, 'smsc_config_role', 'INFO', hasAnyRole(ports.user, ADMINISTRATOR_ROLES) ? null : t('config.read_only', language));
  if (form.ui.getFormType() !== FORM_CREATE) return;
  const existing = await loadConfiguration(ports.data);
  formNotice(form, 'smsc_config_single', 'WARNING', existing ? t('config.single_row', language) : null);
}
