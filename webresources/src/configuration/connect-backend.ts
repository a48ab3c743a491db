/**
 * "Connect backend" (administrators): points the solution's webhook at the deployed backend and
 * registers the Custom API steps, with the same code as `npm run register`, over Xrm.WebApi.
 */
import { registerBackend, type RegistrationApi } from '@smsc/plugins-proxy';
import { type DataPort, errorMessage, t } from '@smsc/browser-shared';
import { el, field, say, status, textInput } from './dom';
import type { ConfigurationSection } from './sections';

export function registrationApiFromDataPort(data: DataPort): RegistrationApi {
  return {
    async query(table, options) {
      let query = `?$select=${options.select.join(',')}&$filter=${encodeURIComponent(options.filter)}`;
      if (options.expand) query += `&$expand=${options.expand.property}($select=${options.expand.select.join(',')})`;
      return (await data.retrieveMultipleRecords(table, query)).entities;
    },
    async create(table, row) {
      return (await data.createRecord(table, row)).id;
    },
    async update(table, id, row) {
      await data.updateRecord(table, id, row);
    },
  };
}

const ADMIN_ROLES = ['SMS Administrator', 'System Administrator'];

export function connectBackend(): ConfigurationSection {
  return {
    id: 'backend',
    title: 'config.section.backend',
    render(context) {
      const { doc, ports } = context;
      const { language } = ports.user;
      const admin = ports.user.roleNames.some((r) => ADMIN_ROLES.includes(r));
      const url = textInput(doc, '', { type: 'url', placeholder: 'https://contoso-sms.azurewebsites.net', autocomplete: 'off' });
      // Written to the service endpoint only; never stored or shown again.
      const key = textInput(doc, '', { type: 'password', autocomplete: 'new-password' });
      const shown = status(doc, 'smsc-backend-status');
      const button = el(doc, 'button', { type: 'button', id: 'smsc-connect-backend' }, [t('config.backend.connect', language)]);
      button.disabled = !admin;
      if (!admin) say(shown, t('config.backend.admin_only', language));
      button.addEventListener('click', async () => {
        const backendUrl = url.value.trim();
        const webhookKey = key.value.trim();
        if (!/^https?:\/\/[^/\s]+/.test(backendUrl)) {
          say(shown, t('config.invalid', language, { field: t('config.field.backendurl', language), problem: t('config.problem.url', language) }), 'error');
          return;
        }
        if (!webhookKey) {
          say(shown, t('config.invalid', language, { field: t('config.field.backendkey', language), problem: t('config.problem.required', language) }), 'error');
          return;
        }
        button.disabled = true;
        say(shown, t('config.backend.connecting', language));
        try {
          const report = await registerBackend(registrationApiFromDataPort(ports.data), { backendUrl, webhookKey });
          key.value = '';
          const lines = [
            report.changes.length ? t('config.backend.changed', language, { count: report.changes.length }) : t('config.backend.unchanged', language),
            ...report.changes,
            ...report.skipped.map((s) => t('config.backend.skipped', language, { what: s })),
          ];
          say(shown, lines.join('\n'));
        } catch (error) {
          say(shown, t('config.backend.failed', language, { error: errorMessage(error) }), 'error');
        } finally {
          button.disabled = !admin;
        }
      });
      return [
        field(doc, 'smsc-backend-url', t('config.field.backendurl', language), url),
        field(doc, 'smsc-backend-key', t('config.field.backendkey', language), key, t('config.backend.key_help', language)),
        button,
        shown,
      ];
    },
  };
}
