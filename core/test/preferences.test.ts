import { applySendPreferences, isValidSender, type SendPreferences } from '@smsc/core';

const locked: SendPreferences = { allowTypeChoice: false, defaultType: 'Transactional', allowCustomSender: false, defaultSender: 'Contoso' };
const open: SendPreferences = { allowTypeChoice: true, defaultType: 'Marketing', allowCustomSender: true, defaultSender: null };

describe('applySendPreferences', () => {
  test('without choice, the defaults win whatever the user asked', () => {
    expect(applySendPreferences(locked, { type: 'Marketing', sender: 'Other' })).toEqual({ type: 'Transactional', sender: 'Contoso' });
  });
  test('with choice, the user request wins, and blanks fall back to the defaults', () => {
    expect(applySendPreferences(open, { type: 'Transactional', sender: ' Shop ' })).toEqual({ type: 'Transactional', sender: 'Shop' });
    expect(applySendPreferences(open, { type: null, sender: '  ' })).toEqual({ type: 'Marketing', sender: null });
    expect(applySendPreferences({ ...open, defaultSender: 'Contoso' }, {})).toEqual({ type: 'Marketing', sender: 'Contoso' });
  });
});

describe('isValidSender', () => {
  test.each([
    ['SMS', true],
    ['Contoso2026', true],
    ['AB', false],
    ['TwelveLetter', false],
    ['Café', false],
    ['My Shop', false],
    ['12345', false],
  ])('%p → %p', (sender, valid) => {
    expect(isValidSender(sender)).toBe(valid);
  });
});
