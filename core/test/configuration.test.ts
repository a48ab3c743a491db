import { CONFIGURATION_COLUMNS, CONFIGURATION_SECRET_COLUMNS, defaultConfigurationRow, readConfiguration, SmsProvider, SmsType } from '../src';

describe('the configuration row', () => {
  test('unset columns take the defaults: transactional single sends, marketing campaigns, Octopush, 20:00', () => {
    expect(readConfiguration({ smsc_configurationid: 'c1' })).toEqual({
      id: 'c1',
      provider: 'Octopush',
      apiLogin: null,
      proxy: null,
      defaultCountry: null,
      single: { allowTypeChoice: false, defaultType: 'Transactional', allowCustomSender: false, defaultSender: null },
      campaign: { allowTypeChoice: false, defaultType: 'Marketing', allowCustomSender: false, defaultSender: null },
      sendWindowEnd: '20:00',
    });
  });

  test('set columns are read as the admin wrote them', () => {
    const settings = readConfiguration({
      smsc_provider: SmsProvider.Twilio,
      smsc_apilogin: ' api@contoso.com ',
      smsc_defaultcountry: 'fr',
      smsc_allowtypechoice: true,
      smsc_defaultsmstype: SmsType.Marketing,
      smsc_allowcustomsender: true,
      smsc_defaultsender: 'Contoso',
      smsc_campaigndefaultsmstype: SmsType.Transactional,
      smsc_sendwindowend: '22:00',
    });
    expect(settings).toMatchObject({ provider: 'Twilio', apiLogin: 'api@contoso.com', defaultCountry: 'FR', sendWindowEnd: '22:00' });
    expect(settings.single).toEqual({ allowTypeChoice: true, defaultType: 'Marketing', allowCustomSender: true, defaultSender: 'Contoso' });
    expect(settings.campaign.defaultType).toBe('Transactional');
  });

  test('a row written with the defaults reads back as the defaults, and holds no secret', () => {
    const row = defaultConfigurationRow();
    expect(readConfiguration(row)).toEqual(readConfiguration({}));
    for (const secret of CONFIGURATION_SECRET_COLUMNS) expect(row).not.toHaveProperty(secret);
    for (const column of Object.keys(row)) expect(CONFIGURATION_COLUMNS).toContain(column);
  });
});
