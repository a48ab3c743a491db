import { start, webhookReceiver } from './support/harness';
import { ENDPOINT_ID, fixtureSolutionZip, STEP_ID } from './support/fixture-solution';
import type { RunningEmulator } from '../src/index';
import type { DynamicsWebApi } from 'dynamics-web-api';

type Ctx = { MessageName: string; PrimaryEntityName: string; PrimaryEntityId: string; Mode: number; Stage: number; Depth: number; InitiatingUserId: string; OrganizationId: string; InputParameters: Array<{ key: string; value: any }>; PostEntityImages: Array<{ key: string; value: any }> };

let emulator: RunningEmulator;
let api: DynamicsWebApi;
let hook: Awaited<ReturnType<typeof webhookReceiver>>;

beforeAll(async () => {
  hook = await webhookReceiver();
  ({ emulator, api } = await start({ seed: 'demo', asyncRetryBaseMs: 20, asyncMaxAttempts: 3 }));
  await api.callAction({ actionName: 'ImportSolution', action: { OverwriteUnmanagedCustomizations: true, PublishWorkflows: true, CustomizationFile: Buffer.from(fixtureSolutionZip(hook.url)).toString('base64') } });
  await api.callAction({ actionName: 'PublishAllXml', action: {} });
  await api.update({ collection: 'serviceendpoints', key: ENDPOINT_ID, data: { authvalue: 'secret-key' } });
});
afterAll(async () => {
  await emulator.stop();
  await hook.close();
});

const attr = (entity: any, key: string) => entity.Attributes.find((a: any) => a.key === key)?.value;

describe('ImportSolution', () => {
  test('creates the tables, columns, choices, relationships, Custom APIs and environment variables of the zip', async () => {
    const sms = await api.retrieveEntity<{ EntitySetName: string; IsActivity: boolean; PrimaryIdAttribute: string }>({ key: "LogicalName='smsc_sms'", select: ['EntitySetName', 'IsActivity', 'PrimaryIdAttribute'] });
    expect(sms).toMatchObject({ EntitySetName: 'smsc_smses', IsActivity: true, PrimaryIdAttribute: 'activityid' });
    const smsType = (await (await fetch(`${emulator.url}EntityDefinitions(LogicalName='smsc_sms')/Attributes(LogicalName='smsc_smstype')/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$expand=OptionSet`)).json()) as any;
    expect(smsType.OptionSet.Options.map((o: any) => [o.Value, o.Label.UserLocalizedLabel.Label])).toEqual([[271300000, 'Marketing'], [271300001, 'Transactional']]);
    const campaignStatus = await api.retrieveAttributes<{ LogicalName: string }>({ entityKey: "LogicalName='campaign'", select: ['LogicalName'], filter: "LogicalName eq 'smsc_status'" });
    expect(campaignStatus.value).toHaveLength(1);
    const apis = await api.retrieveMultiple<{ uniquename: string; bindingtype: number }>({ collection: 'customapis', select: ['uniquename', 'bindingtype'], orderBy: ['uniquename'] });
    expect(apis.value.map((a) => [a.uniquename, a.bindingtype])).toEqual([['smsc_SendSms', 1], ['smsc_SendSmsToRecipient', 0]]);
    const messages = await api.retrieveMultiple({ collection: 'sdkmessages', select: ['name'], filter: "name eq 'smsc_SendSmsToRecipient'" });
    expect(messages.value).toHaveLength(1);
    const env = await api.retrieveMultiple<{ defaultvalue: string }>({ collection: 'environmentvariabledefinitions', select: ['defaultvalue'], filter: "schemaname eq 'smsc_BackendUrl'" });
    expect(env.value[0]!.defaultvalue).toBe('http://localhost:7071');
    const job = await api.retrieveMultiple<{ data: string }>({ collection: 'importjobs', select: ['data'], filter: "solutionname eq 'SmsConnector'" });
    expect(JSON.parse(job.value[0]!.data).notModelled).toEqual(expect.arrayContaining(['smsc_sms: FormXml', 'Roles']));
    const secret = await api.retrieve<Record<string, unknown>>({ collection: 'serviceendpoints', key: ENDPOINT_ID });
    expect(secret).not.toHaveProperty('authvalue');
  });

  test('refuses a zip without customizations.xml at its root', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const bad = Buffer.from(zipSync({ 'folder/solution.xml': strToU8('<x/>') })).toString('base64');
    await expect(api.callAction({ actionName: 'ImportSolution', action: { CustomizationFile: bad } })).rejects.toMatchObject({ code: '0x80048060' });
  });
});

describe('activities and webhooks', () => {
  test('an SMS with activity parties and regarding appears under activitypointers; the async Create step posts its context with the key', async () => {
    const contact = (await api.retrieveMultiple<{ contactid: string }>({ collection: 'contacts', select: ['contactid'], filter: "fullname eq 'David Smith'" })).value[0]!.contactid;
    const before = hook.received.length;
    const smsId = (await api.create({
      collection: 'smsc_smses',
      data: { subject: 'Hello', smsc_text: 'Bonjour David', smsc_phonenumber: '+33649819006', smsc_smstype: 271300001, smsc_deliverystatus: 271300001, 'regardingobjectid_contact_smsc_sms@odata.bind': `/contacts(${contact})`, smsc_sms_activity_parties: [{ 'partyid_contact@odata.bind': `/contacts(${contact})`, participationtypemask: 2 }] },
    })) as string;
    const pointer = await api.retrieveMultiple<{ activitytypecode: string; _regardingobjectid_value: string }>({ collection: 'activitypointers', select: ['activitytypecode', '_regardingobjectid_value'], filter: `activityid eq ${smsId}` });
    expect(pointer.value[0]).toMatchObject({ activitytypecode: 'smsc_sms', _regardingobjectid_value: contact });
    const parties = await api.retrieveMultiple<{ _partyid_value: string; participationtypemask: number }>({ collection: 'activityparties', select: ['_partyid_value', 'participationtypemask'], filter: `_activityid_value eq ${smsId}` });
    expect(parties.value).toEqual([expect.objectContaining({ _partyid_value: contact, participationtypemask: 2 })]);

    await emulator.waitForSystemJobs();
    const delivery = hook.received.slice(before).find((r) => (r.body as Ctx).PrimaryEntityId === smsId)!;
    expect(delivery.url).toBe('/api/webhook?code=secret-key');
    expect(delivery.headers['x-ms-dynamics-request-name']).toBe('Create');
    expect(delivery.raw).toContain('\\/Date(');
    const ctx = delivery.body as Ctx;
    expect(ctx).toMatchObject({ MessageName: 'Create', PrimaryEntityName: 'smsc_sms', Mode: 1, Stage: 40, Depth: 1, OrganizationId: emulator.engine.organizationId, InitiatingUserId: emulator.engine.defaultUserId });
    const target = ctx.InputParameters.find((p) => p.key === 'Target')!.value;
    expect(target.__type).toBe('Entity:http://schemas.microsoft.com/xrm/2011/Contracts');
    expect(attr(target, 'smsc_deliverystatus')).toEqual({ __type: 'OptionSetValue:http://schemas.microsoft.com/xrm/2011/Contracts', Value: 271300001 });
    expect(attr(target, 'regardingobjectid')).toMatchObject({ Id: contact, LogicalName: 'contact' });
    expect(attr(target, 'to').Entities[0].Attributes.find((a: any) => a.key === 'partyid').value).toMatchObject({ Id: contact, LogicalName: 'contact' });
    const image = ctx.PostEntityImages.find((i) => i.key === 'PostImage')!.value;
    expect(image.Attributes.map((a: any) => a.key).sort()).toEqual(['smsc_deliverystatus', 'smsc_phonenumber']);
    const jobs = emulator.systemJobs().filter((j) => (j.owningextensionid as { id: string }).id === STEP_ID);
    expect(jobs.at(-1)).toMatchObject({ statecode: 3, statuscode: 30 });

    await api.update({ collection: 'smsc_smses', key: smsId, data: { statecode: 1, statuscode: 2 } });
    const closed = await api.retrieve<{ statecode: number; 'statuscode@OData.Community.Display.V1.FormattedValue': string }>({ collection: 'activitypointers', key: smsId, select: ['statecode', 'statuscode'], includeAnnotations: '*' });
    expect(closed.statecode).toBe(1);
    expect(closed['statuscode@OData.Community.Display.V1.FormattedValue']).toBe('Completed');
  });

  test('BypassBusinessLogicExecution: CustomAsync skips the asynchronous steps of that request only', async () => {
    const before = hook.received.length;
    const data = { subject: 'Bulk', smsc_text: 'x', smsc_phonenumber: '+33649819006', smsc_deliverystatus: 271300004 };
    const skipped = (await api.create({ collection: 'smsc_smses', data, headers: { 'MSCRM.BypassBusinessLogicExecution': 'CustomAsync' } })) as string;
    const bySteps = (await api.create({ collection: 'smsc_smses', data, headers: { 'MSCRM.BypassBusinessLogicExecutionStepIds': STEP_ID } })) as string;
    const normal = (await api.create({ collection: 'smsc_smses', data })) as string;
    await emulator.waitForSystemJobs();
    const delivered = hook.received.slice(before).map((r) => (r.body as Ctx).PrimaryEntityId);
    expect(delivered).toContain(normal);
    expect(delivered).not.toContain(skipped);
    expect(delivered).not.toContain(bySteps);
  });

  test('steps registered through the Web API on a Custom API message run on bound and unbound calls', async () => {
    const endpoint = (await api.create({ collection: 'serviceendpoints', data: { name: 'Backend sync', contract: 8, authtype: 5, messageformat: 2, url: hook.url, authvalue: '<settings><setting name="x-api-key" value="k1" /></settings>' } })) as string;
    const message = (await api.retrieveMultiple<{ sdkmessageid: string }>({ collection: 'sdkmessages', select: ['sdkmessageid'], filter: "name eq 'smsc_SendSmsToRecipient'" })).value[0]!.sdkmessageid;
    await api.create({ collection: 'sdkmessageprocessingsteps', data: { name: 'Backend: smsc_SendSmsToRecipient', 'sdkmessageid@odata.bind': `/sdkmessages(${message})`, 'eventhandler_serviceendpoint@odata.bind': `/serviceendpoints(${endpoint})`, stage: 40, mode: 0, rank: 1, supporteddeployment: 0 } });
    const bound = (await api.retrieveMultiple<{ sdkmessageid: string }>({ collection: 'sdkmessages', select: ['sdkmessageid'], filter: "name eq 'smsc_SendSms'" })).value[0]!.sdkmessageid;
    const filter = (await api.retrieveMultiple<{ sdkmessagefilterid: string }>({ collection: 'sdkmessagefilters', select: ['sdkmessagefilterid'], filter: `_sdkmessageid_value eq ${bound} and primaryobjecttypecode eq 'smsc_sms'` })).value[0]!.sdkmessagefilterid;
    await api.create({ collection: 'sdkmessageprocessingsteps', data: { name: 'Backend: smsc_SendSms', 'sdkmessageid@odata.bind': `/sdkmessages(${bound})`, 'sdkmessagefilterid@odata.bind': `/sdkmessagefilters(${filter})`, 'eventhandler_serviceendpoint@odata.bind': `/serviceendpoints(${endpoint})`, stage: 40, mode: 0, rank: 1 } });

    const contact = (await api.retrieveMultiple<{ contactid: string }>({ collection: 'contacts', select: ['contactid'], filter: "lastname eq 'Cohen'" })).value[0]!.contactid;
    const before = hook.received.length;
    await api.callAction({ actionName: 'smsc_SendSmsToRecipient', action: { Contact: { '@odata.type': 'Microsoft.Dynamics.CRM.contact', contactid: contact }, Text: 'Shalom', SmsType: 271300001 } });
    const call = hook.received[before]!;
    expect(call.headers['x-api-key']).toBe('k1');
    const ctx = call.body as Ctx;
    expect(ctx).toMatchObject({ MessageName: 'smsc_SendSmsToRecipient', PrimaryEntityName: 'none', Mode: 0, Stage: 40 });
    expect(ctx.InputParameters.find((p) => p.key === 'Contact')!.value).toMatchObject({ __type: 'EntityReference:http://schemas.microsoft.com/xrm/2011/Contracts', Id: contact, LogicalName: 'contact' });
    expect(ctx.InputParameters.find((p) => p.key === 'Text')!.value).toBe('Shalom');

    const sms = (await api.create({ collection: 'smsc_smses', data: { subject: 'Bound' } })) as string;
    const result = await api.callAction<{ Queued: boolean | null }>({ collection: 'smsc_smses', key: sms, actionName: 'Microsoft.Dynamics.CRM.smsc_SendSms', action: {} });
    expect(result).toHaveProperty('Queued');
    const boundCall = hook.received.at(-1)!.body as Ctx;
    expect(boundCall).toMatchObject({ MessageName: 'smsc_SendSms', PrimaryEntityName: 'smsc_sms', PrimaryEntityId: sms });
    expect(boundCall.InputParameters.find((p) => p.key === 'Target')!.value).toMatchObject({ Id: sms, LogicalName: 'smsc_sms' });

    await expect(api.callAction({ actionName: 'smsc_SendSmsToRecipient', action: { Text: 1 } })).rejects.toMatchObject({ status: 400, message: expect.stringContaining("'Text'") });
  });

  test('a failing synchronous step fails the call with the plug-in error', async () => {
    const failing = await webhookReceiver([500]);
    const endpoint = (await api.create({ collection: 'serviceendpoints', data: { name: 'Broken', contract: 8, authtype: 4, url: failing.url, authvalue: 'k' } })) as string;
    const filter = (await api.retrieveMultiple<{ sdkmessagefilterid: string }>({ collection: 'sdkmessagefilters', select: ['sdkmessagefilterid'], filter: "primaryobjecttypecode eq 'task' and name eq 'Create of task'" })).value[0]!.sdkmessagefilterid;
    const create = (await api.retrieveMultiple<{ sdkmessageid: string }>({ collection: 'sdkmessages', select: ['sdkmessageid'], filter: "name eq 'Create'" })).value[0]!.sdkmessageid;
    await api.create({ collection: 'sdkmessageprocessingsteps', data: { name: 'Broken sync', 'sdkmessageid@odata.bind': `/sdkmessages(${create})`, 'sdkmessagefilterid@odata.bind': `/sdkmessagefilters(${filter})`, 'eventhandler_serviceendpoint@odata.bind': `/serviceendpoints(${endpoint})`, stage: 40, mode: 0 } });
    await expect(api.create({ collection: 'tasks', data: { subject: 'Never saved' } })).rejects.toMatchObject({ code: '0x80040265', message: expect.stringContaining('HTTP 500') });
    expect((await api.retrieveMultiple({ collection: 'tasks', filter: "subject eq 'Never saved'" })).value).toHaveLength(0);
    await failing.close();
  });

  test('a failing asynchronous step is retried with backoff and stays visible as a failed system job', async () => {
    const failing = await webhookReceiver([503, 503, 503, 503]);
    const endpoint = (await api.create({ collection: 'serviceendpoints', data: { name: 'Flaky', contract: 8, authtype: 4, url: failing.url, authvalue: 'k' } })) as string;
    const update = (await api.retrieveMultiple<{ sdkmessageid: string }>({ collection: 'sdkmessages', select: ['sdkmessageid'], filter: "name eq 'Update'" })).value[0]!.sdkmessageid;
    const filter = (await api.retrieveMultiple<{ sdkmessagefilterid: string }>({ collection: 'sdkmessagefilters', select: ['sdkmessagefilterid'], filter: `_sdkmessageid_value eq ${update} and primaryobjecttypecode eq 'lead'` })).value[0]!.sdkmessagefilterid;
    const step = (await api.create({ collection: 'sdkmessageprocessingsteps', data: { name: 'Flaky async', 'sdkmessageid@odata.bind': `/sdkmessages(${update})`, 'sdkmessagefilterid@odata.bind': `/sdkmessagefilters(${filter})`, 'eventhandler_serviceendpoint@odata.bind': `/serviceendpoints(${endpoint})`, stage: 40, mode: 1, filteringattributes: 'mobilephone' } })) as string;
    const lead = (await api.retrieveMultiple<{ leadid: string }>({ collection: 'leads', select: ['leadid'], filter: "lastname eq 'Levi'" })).value[0]!.leadid;
    await api.update({ collection: 'leads', key: lead, data: { jobtitle: 'Buyer' } });
    await api.update({ collection: 'leads', key: lead, data: { mobilephone: '+972 54-765-4321' } });
    await emulator.waitForSystemJobs();
    expect(failing.received).toHaveLength(3);
    const jobs = await api.retrieveMultiple<{ statuscode: number; retrycount: number; message: string; friendlymessage: string }>({ collection: 'asyncoperations', select: ['statuscode', 'retrycount', 'message', 'friendlymessage'], filter: `statuscode eq 31 and _owningextensionid_value eq ${step}` });
    expect(jobs.value).toHaveLength(1);
    expect(jobs.value[0]).toMatchObject({ statuscode: 31, retrycount: 3 });
    expect(jobs.value[0]!.message).toMatch(/HTTP 503/);
    await failing.close();
  });
});
