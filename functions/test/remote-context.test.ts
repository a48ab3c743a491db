import { parseWebhookContext, InvalidContextError } from '../src/dataverse/remote-context';

/** Shaped as Dataverse serialises RemoteExecutionContext for webhooks (DataContract JSON). */
const ref = (logicalName: string, id: string) => ({ __type: 'EntityReference:http://schemas.microsoft.com/xrm/2011/Contracts', Id: id, KeyAttributes: [], LogicalName: logicalName, Name: null, RowVersion: null });

describe('parseWebhookContext', () => {
  test('a bound Custom API call', () => {
    const dv = parseWebhookContext({
      MessageName: 'smsc_SendSms',
      PrimaryEntityName: 'smsc_sms',
      PrimaryEntityId: 'AAAAAAAA-0000-0000-0000-000000000001',
      InitiatingUserId: 'BBBBBBBB-0000-0000-0000-000000000002',
      Depth: 1,
      Mode: 0,
      Stage: 40,
      InputParameters: [{ key: 'Target', value: ref('smsc_sms', 'AAAAAAAA-0000-0000-0000-000000000001') }],
      PostEntityImages: [],
    });
    expect(dv).toMatchObject({ messageName: 'smsc_SendSms', primaryEntityId: 'aaaaaaaa-0000-0000-0000-000000000001', initiatingUserId: 'bbbbbbbb-0000-0000-0000-000000000002', mode: 0, stage: 40 });
    expect(dv.inputs.Target).toEqual({ logicalName: 'smsc_sms', id: 'aaaaaaaa-0000-0000-0000-000000000001', name: null });
    expect(dv.target).toBeUndefined();
  });

  test('an asynchronous Create with typed attributes', () => {
    const dv = parseWebhookContext({
      MessageName: 'Create',
      PrimaryEntityName: 'smsc_sms',
      PrimaryEntityId: 'c0ffee00-0000-0000-0000-000000000003',
      Mode: 1,
      InputParameters: [
        {
          key: 'Target',
          value: {
            __type: 'Entity:http://schemas.microsoft.com/xrm/2011/Contracts',
            Attributes: [
              { key: 'smsc_deliverystatus', value: { __type: 'OptionSetValue:http://schemas.microsoft.com/xrm/2011/Contracts', Value: 271300001 } },
              { key: 'scheduledend', value: '/Date(1795435200000)/' },
              { key: 'smsc_cost', value: { __type: 'Money:http://schemas.microsoft.com/xrm/2011/Contracts', Value: 0.05 } },
              { key: 'regardingobjectid', value: ref('salesorder', 'D0000000-0000-0000-0000-000000000004') },
            ],
            Id: 'c0ffee00-0000-0000-0000-000000000003',
            LogicalName: 'smsc_sms',
          },
        },
      ],
    });
    expect(dv.target).toMatchObject({
      smsc_deliverystatus: 271300001,
      scheduledend: new Date(1795435200000),
      smsc_cost: 0.05,
      regardingobjectid: { logicalName: 'salesorder', id: 'd0000000-0000-0000-0000-000000000004' },
      __logicalName: 'smsc_sms',
    });
  });

  test('unbound API inputs of every type', () => {
    const dv = parseWebhookContext({
      MessageName: 'smsc_SendSmsToRecipient',
      InputParameters: [
        { key: 'Contact', value: ref('contact', 'c1') },
        { key: 'Text', value: 'Bonjour' },
        { key: 'SmsType', value: 271300001 },
        { key: 'DueDate', value: '/Date(1795435200000+0100)/' },
      ],
    });
    expect(dv.inputs).toEqual({ Contact: { logicalName: 'contact', id: 'c1', name: null }, Text: 'Bonjour', SmsType: 271300001, DueDate: new Date(1795435200000) });
  });

  test('refuses what is not a context', () => {
    expect(() => parseWebhookContext(null)).toThrow(InvalidContextError);
    expect(() => parseWebhookContext({ foo: 1 })).toThrow(/no MessageName/);
  });
});
