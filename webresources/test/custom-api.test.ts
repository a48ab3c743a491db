import { executeRequest, bareId } from '@smsc/browser-shared';
describe('Xrm.WebApi.online.execute requests', () => {
  test('an entity-bound action passes the row as "entity"', () => {
    const request = executeRequest({ name: 'smsc_SendSms', target: { entityType: 'smsc_sms', id: '{ABC-1}' } });
    expect(request.entity).toEqual({ entityType: 'smsc_sms', id: 'abc-1' });
    expect(request.getMetadata()).toEqual({
      boundParameter: 'entity',
      operationName: 'smsc_SendSms',
      operationType: 0,
      parameterTypes: { entity: { typeName: 'mscrm.smsc_sms', structuralProperty: 5 } },
    });
  });

  test('a global action types each parameter', () => {
    const due = new Date('2030-01-01T08:00:00Z');
    const request = executeRequest({
      name: 'smsc_SendSmsToRecipient',
      parameters: {
        Contact: { type: 'EntityReference', value: { entityType: 'contact', id: '{C-1}' } },
        Text: { type: 'String', value: 'Hello' },
        SmsType: { type: 'Integer', value: 271300001 },
        DueDate: { type: 'DateTime', value: due },
      },
    });
    expect(request.Contact).toEqual({ entityType: 'contact', id: 'c-1' });
    expect(request.Text).toBe('Hello');
    expect(request.SmsType).toBe(271300001);
    expect(request.DueDate).toBe(due);
    expect(request.getMetadata()).toEqual({
      boundParameter: null,
      operationName: 'smsc_SendSmsToRecipient',
      operationType: 0,
      parameterTypes: {
        Contact: { typeName: 'mscrm.contact', structuralProperty: 5 },
        Text: { typeName: 'Edm.String', structuralProperty: 1 },
        SmsType: { typeName: 'Edm.Int32', structuralProperty: 1 },
        DueDate: { typeName: 'Edm.DateTimeOffset', structuralProperty: 1 },
      },
    });
  });

  test('ids lose their braces and case', () => {
    expect(bareId('{AB12-CD}')).toBe('ab12-cd');
  });
});
