import { OctopushProvider } from '../src/providers/octopush/client';
import { octopushError } from '../src/providers/octopush/errors';
import { octopushDeliveryState } from '../src/providers/octopush/statuses';

const provider = new OctopushProvider({ baseUrl: 'http://127.0.0.1:9/v1/public', credentials: async () => ({ login: 'a', apiKey: 'b' }), simulationMode: false, timeoutMs: 1000 });

describe('Octopush callbacks', () => {
  test('delivery report, in Paris time', () => {
    expect(provider.parseCallback({ message_id: 'sms_5fec', number: '+33649819006', status: 'DELIVERED', delivery_date: '2026-11-22 15:04:05', channel: 'sms' })).toEqual([
      { kind: 'delivery', ticket: 'sms_5fec', to: '+33649819006', state: 'Delivered', rawStatus: 'DELIVERED', at: new Date('2026-11-22T14:04:05Z') },
    ]);
  });
  test('reply and STOP; numbers without + are international', () => {
    expect(provider.parseCallback({ message_id: 'sms_1', number: '33649819006', text: 'Oui merci', reception_date: '2026-07-01 09:00:00' })).toEqual([
      { kind: 'inbound', ticket: 'sms_1', from: '+33649819006', text: 'Oui merci', at: new Date('2026-07-01T07:00:00Z') },
    ]);
    expect(provider.parseCallback({ message_id: 'sms_1', number: '+33649819006', text: 'stop', stop_date: '2026-07-01 09:00:00' })[0]).toMatchObject({ kind: 'optout', from: '+33649819006' });
  });
  test('unknown shapes give nothing', () => {
    expect(provider.parseCallback({ hello: 'world' })).toEqual([]);
    expect(provider.parseCallback('nope')).toEqual([]);
  });
  test.each([
    ['ACK', 'Submitted'],
    ['DELIVERED', 'Delivered'],
    ['NOT_DELIVERED', 'Failed'],
    ['NOT_ALLOWED', 'Failed'],
    ['UNKNOWN_DELIVERY', 'Submitted'],
    ['BAD_DESTINATION', 'Failed'],
    ['BLACKLISTED_NUMBER', 'Failed'],
    ['UNDEFINED', 'Submitted'],
    ['READ', 'Delivered'],
    ['PROCESSED', 'Submitted'],
    ['SOMETHING_NEW', 'Submitted'],
  ])('status %s → %s', (raw, state) => {
    expect(octopushDeliveryState(raw)).toBe(state);
  });
});

describe('Octopush errors', () => {
  test('STOP mention missing is a clear, final error in the user language', () => {
    const error = octopushError(400, { code: 121, message: 'STOP mention ([STOP au 30101]) is missing from your text.' }, undefined, 'fr');
    expect(error).toMatchObject({ status: 400, vendorCode: 121, retryable: false });
    expect(error.message).toBe("Les SMS marketing vers la France doivent contenir la mention 'STOP au XXXXX'.");
  });
  test('server errors, throttling and network failures may be retried', () => {
    expect(octopushError(503, {}, undefined, 'en').retryable).toBe(true);
    expect(octopushError(429, {}, 4, 'en')).toMatchObject({ retryable: true, retryAfterSeconds: 4 });
    expect(octopushError(undefined, { message: 'ECONNREFUSED' }, undefined, 'en')).toMatchObject({ retryable: true, message: 'Octopush did not answer (ECONNREFUSED).' });
  });
  test('authentication failures are final', () => {
    expect(octopushError(401, { code: 101 }, undefined, 'en')).toMatchObject({ retryable: false, message: 'Octopush refused the API login or key: check the connection settings.' });
  });
  test('unknown codes keep the provider words', () => {
    expect(octopushError(400, { code: 999, message: 'Weird' }, undefined, 'en').message).toBe('Octopush: Weird');
  });
});
