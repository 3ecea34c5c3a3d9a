import { describe, expect, it } from 'vitest';
import { loadAnswersSettings } from '../../shared/settings/answers.js';
import { loadApiSettings } from '../../shared/settings/api.js';
import { loadNotificationSettings } from '../../shared/settings/ses-notifications.js';
import { loadTickSettings } from '../../shared/settings/tick.js';

const table = { TABLE_NAME: 'kundpuls', TOKEN_PEPPER_PARAMETER: '/kundpuls/dev/token-pepper' };
const pepper = 'p'.repeat(43);
const readSecret = async (name: string) => (name === '/kundpuls/dev/token-pepper' ? pepper : '');

describe('each function’s settings', () => {
  it('lets the answer pages and the notifications start with neither a sender nor a public URL', async () => {
    const answers = await loadAnswersSettings(table, readSecret);
    const notifications = await loadNotificationSettings(table, readSecret);

    expect(answers).toEqual({
      tableName: 'kundpuls',
      region: 'eu-north-1',
      logLevel: 'info',
      tokenPepper: pepper,
    });
    expect(notifications).toEqual(answers);
  });

  it('requires a sender and a public URL of the API and the tick, naming what is missing', async () => {
    await expect(loadApiSettings(table, readSecret)).rejects.toThrow(/Invalid environment:[\s\S]*MAIL_FROM/);
    await expect(
      loadTickSettings({ ...table, MAIL_FROM: 'pulse@kundpuls.example' }, readSecret),
    ).rejects.toThrow(/PUBLIC_URL/);
  });

  it('reads the tick’s pace and rule, and the API’s enrolment key, only where they belong', async () => {
    const env = {
      ...table,
      MAIL_FROM: 'pulse@kundpuls.example',
      PUBLIC_URL: 'https://pulse.example.org/',
      TICK_RULE_NAME: 'kundpuls-dev-tick',
      MAIL_RATE_PER_SECOND: '14',
      TICK_BUDGET_SECONDS: '720',
      ENROLMENT_KEY: 'e'.repeat(32),
    };
    const api = await loadApiSettings(env, readSecret);
    const tick = await loadTickSettings(env, readSecret);

    expect(api).toMatchObject({ publicUrl: 'https://pulse.example.org', enrolmentKey: 'e'.repeat(32) });
    expect(api).not.toHaveProperty('mailRatePerSecond');
    expect(tick).toMatchObject({
      mailRatePerSecond: 14,
      tickBudgetMs: 720_000,
      tickRuleName: 'kundpuls-dev-tick',
    });
    expect(tick).not.toHaveProperty('enrolmentKey');
  });

  it('refuses to start the API or the tick without the tick rule they wake: no silent in-process stand-in', async () => {
    const env = { ...table, MAIL_FROM: 'pulse@kundpuls.example', PUBLIC_URL: 'https://pulse.example.org/' };

    await expect(loadApiSettings(env, readSecret)).rejects.toThrow(/TICK_RULE_NAME/);
    await expect(loadTickSettings(env, readSecret)).rejects.toThrow(/TICK_RULE_NAME/);
  });

  it('gives the tick an SMS channel only with an origination identity, which must be an ARN', async () => {
    const env = {
      ...table,
      MAIL_FROM: 'pulse@kundpuls.example',
      PUBLIC_URL: 'https://pulse.example.org',
      TICK_RULE_NAME: 'kundpuls-dev-tick',
    };
    const identity = 'arn:aws:sms-voice:eu-north-1:123456789012:sender-id/Kundpuls/SE';

    const without = await loadTickSettings(env, readSecret);
    const withSms = await loadTickSettings(
      { ...env, SMS_ORIGINATION_IDENTITY: identity, SMS_CONFIGURATION_SET: 'kundpuls-prod-sms' },
      readSecret,
    );

    expect(without.sms).toBeUndefined();
    expect(withSms.sms).toEqual({ originationIdentity: identity, configurationSet: 'kundpuls-prod-sms' });
    await expect(
      loadTickSettings({ ...env, SMS_ORIGINATION_IDENTITY: '+46701234567' }, readSecret),
    ).rejects.toThrow(/SMS_ORIGINATION_IDENTITY/);
    await expect(
      loadTickSettings({ ...env, SMS_CONFIGURATION_SET: 'kundpuls-prod-sms' }, readSecret),
    ).rejects.toThrow(/SMS_CONFIGURATION_SET needs SMS_ORIGINATION_IDENTITY/);
  });

  it('fails at load when no pepper can be had', async () => {
    await expect(loadAnswersSettings({ TABLE_NAME: 'kundpuls' })).rejects.toThrow(/TOKEN_PEPPER/);
  });
});
