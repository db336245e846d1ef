import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeskSettingsFragment } from '../../client/src/graphql/generated/graphql';
import { byLabel, callsOf, errorNextTo, graphQLError, mountApp, signedInAs, stubGraphQL, VIEWER_CAN } from './helpers';

let wrapper: VueWrapper;

afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const saved: DeskSettingsFragment = {
  id: '1',
  version: 3,
  requestAccess: 'ANYONE',
  helpCenterSignUp: true,
  requireVerification: true,
  welcomeOnAgentCreate: false,
  agentsMayDeleteUsers: true,
  acknowledgeRequests: true,
  welcomeSubject: 'Welcome to {{desk_name}}',
  welcomeBody: 'Hello {{name}}: {{verify_link}}',
  deskName: 'Acme Help',
  allowList: ['acme.com'],
  blockList: ['reject:spam.io'],
};

function serve() {
  return stubGraphQL({
    DeskSettings: () => ({ data: { settings: saved } }),
    PreviewWelcomeEmail: ({ input }) => {
      const i = input as { welcomeSubject: string; welcomeBody: string; deskName: string };
      if (i.welcomeBody.includes('{{nmae}}')) {
        return graphQLError('{{nmae}} is not a placeholder: did you mean {{name}}?', { code: 'BAD_USER_INPUT', field: 'welcomeBody' });
      }
      const render = (s: string) =>
        s.replaceAll('{{name}}', 'Ada Lovelace').replaceAll('{{desk_name}}', i.deskName).replaceAll('{{verify_link}}', 'https://x/verify/sample');
      return { data: { previewWelcomeEmail: { to: 'ada.lovelace@example.com', subject: render(i.welcomeSubject), text: render(i.welcomeBody) } } };
    },
    UpdateSettings: ({ input }) => {
      const i = input as Record<string, unknown>;
      if ((i.blockList as string[]).includes('not a domain')) {
        return graphQLError('"not a domain" is neither a domain (acme.com) nor an email address.', {
          code: 'BAD_USER_INPUT',
          field: 'blockList.1',
          errors: [
            { field: 'blockList.1', code: 'BAD_USER_INPUT', message: '"not a domain" is neither a domain (acme.com) nor an email address.' },
            { field: 'welcomeSubject', code: 'BAD_USER_INPUT', message: '{{nom}} is not a placeholder.' },
          ],
        });
      }
      return { data: { updateSettings: { ...saved, ...i, version: 4 } } };
    },
  });
}

/** Lets the preview's pause pass and its answer arrive. */
async function settle(): Promise<void> {
  await new Promise((r) => setTimeout(r, 350));
  await flushPromises();
}

describe('the Registration settings page', () => {
  it('shows the saved settings, previews the welcome email live, and saves what was changed with the version read', async () => {
    const calls = serve();
    ({ wrapper } = await mountApp('/settings/registration'));
    await settle();
    expect(wrapper.get('h1').text()).toBe('Registration and access');
    expect((byLabel(wrapper, 'Who may submit requests').element as HTMLSelectElement).value).toBe('ANYONE');
    expect((byLabel(wrapper, 'Allow list').element as HTMLTextAreaElement).value).toBe('acme.com');
    expect(wrapper.get('[data-preview-subject]').text()).toBe('Welcome to Acme Help');

    await byLabel(wrapper, 'Body').setValue('Dear {{name}}, see {{verify_link}}');
    await settle();
    expect(wrapper.get('[data-preview-body]').text()).toBe('Dear Ada Lovelace, see https://x/verify/sample');

    await byLabel(wrapper, 'Who may submit requests').setValue('REGISTERED');
    await byLabel(wrapper, 'Block list').setValue('reject:spam.io\n\n  suspend:odd.io ');
    await byLabel(wrapper, 'Send the welcome email when the team adds someone').setValue(true);
    expect((byLabel(wrapper, 'Agents may delete customers').element as HTMLInputElement).checked).toBe(true);
    await byLabel(wrapper, 'Agents may delete customers').setValue(false);
    await wrapper.get('form[data-form="settings"]').trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'UpdateSettings').map((c) => c.variables.input)).toEqual([
      expect.objectContaining({
        version: 3,
        requestAccess: 'REGISTERED',
        welcomeOnAgentCreate: true,
        agentsMayDeleteUsers: false,
        welcomeBody: 'Dear {{name}}, see {{verify_link}}',
        allowList: ['acme.com'],
        blockList: ['reject:spam.io', 'suspend:odd.io'],
      }),
    ]);
    expect(wrapper.text()).toContain('Saved');
  });

  it('shows Save only once something changed, as a profile does; Discard goes back to what was saved last', async () => {
    serve();
    ({ wrapper } = await mountApp('/settings/registration'));
    await settle();
    const bar = () => wrapper.get('form[data-form="settings"] .save-bar');
    const save = () => wrapper.find('form[data-form="settings"] button[type="submit"]');
    const discard = () => wrapper.findAll('form[data-form="settings"] button').find((b) => b.text() === 'Discard changes');
    expect(bar().classes()).toContain('save-bar--quiet');
    expect(bar().classes()).not.toContain('save-bar--sticky');
    expect(save().exists()).toBe(false);

    await byLabel(wrapper, 'Desk name').setValue('Acme Support');
    expect(bar().classes()).toContain('save-bar--sticky');
    expect(save().text()).toBe('Save');
    await discard()!.trigger('click');
    await flushPromises();
    expect((byLabel(wrapper, 'Desk name').element as HTMLInputElement).value).toBe('Acme Help');
    expect(save().exists()).toBe(false);

    // Saved: the bar steps aside, saying so; Discard then goes back to the new values, not the first ones.
    await byLabel(wrapper, 'Desk name').setValue('Acme Support');
    await wrapper.get('form[data-form="settings"]').trigger('submit');
    await flushPromises();
    expect(bar().classes()).toContain('save-bar--quiet');
    expect(bar().text()).toContain('Saved');
    await byLabel(wrapper, 'Desk name').setValue('Something else');
    await discard()!.trigger('click');
    await flushPromises();
    expect((byLabel(wrapper, 'Desk name').element as HTMLInputElement).value).toBe('Acme Support');
  });

  it('offers “People must verify their address” only where it applies (Registered), and says so elsewhere', async () => {
    const calls = serve();
    ({ wrapper } = await mountApp('/settings/registration'));
    await settle();
    const box = () => byLabel(wrapper, 'People must verify their address').element as HTMLInputElement;
    const hint = () => wrapper.get(`#${box().getAttribute('aria-describedby')}`).text();
    expect(box().disabled).toBe(true);
    expect(hint()).toBe('Applies only to “Registered people” above; with this choice it has no effect.');
    for (const access of ['CLOSED', 'RESTRICTED']) {
      await byLabel(wrapper, 'Who may submit requests').setValue(access);
      expect(box().disabled, access).toBe(true);
    }
    await byLabel(wrapper, 'Who may submit requests').setValue('REGISTERED');
    expect(box().disabled).toBe(false);
    expect(hint()).toMatch(/waits until it does/);
    await byLabel(wrapper, 'People must verify their address').setValue(false);
    await wrapper.get('form[data-form="settings"]').trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'UpdateSettings').at(-1)!.variables.input).toMatchObject({ requestAccess: 'REGISTERED', requireVerification: false });
  });

  it('turns the acknowledgment of requests off with its checkbox, labelled and explained in English and in French', async () => {
    const calls = serve();
    ({ wrapper } = await mountApp('/settings/registration'));
    await settle();
    const label = 'Tell people by email that their request was received';
    const box = () => byLabel(wrapper, label).element as HTMLInputElement;
    expect(box().type).toBe('checkbox');
    expect(box().checked).toBe(true);
    // In the welcome email's section, with its one-line hint tied to it.
    expect(wrapper.get('[aria-labelledby="settings-welcome-title"]').text()).toContain(label);
    expect(wrapper.get(`#${box().getAttribute('aria-describedby')}`).text()).toMatch(
      /their message too when their verified address is proven theirs\. Never for held requests/,
    );
    await byLabel(wrapper, label).setValue(false);
    await wrapper.get('form[data-form="settings"]').trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'UpdateSettings').map((c) => c.variables.input)).toEqual([expect.objectContaining({ acknowledgeRequests: false })]);
    wrapper.unmount();

    serve();
    ({ wrapper } = await mountApp('/settings/registration', 'fr'));
    await settle();
    const fr = byLabel(wrapper, 'Confirmer par e-mail la réception des demandes').element as HTMLInputElement;
    expect(fr.checked).toBe(true);
    expect(wrapper.get(`#${fr.getAttribute('aria-describedby')}`).text()).toMatch(
      /son message aussi quand son adresse vérifiée est bien la sienne\. Jamais pour une demande retenue/,
    );
  });

  it('puts a bad placeholder and a bad list entry next to their fields', async () => {
    serve();
    ({ wrapper } = await mountApp('/settings/registration'));
    await settle();
    // While typing: the preview's refusal shows on the template's field.
    await byLabel(wrapper, 'Body').setValue('Hello {{nmae}}');
    await settle();
    expect(errorNextTo(wrapper, 'Body')).toContain('did you mean {{name}}?');
    expect(wrapper.get('[data-preview]').text()).toContain('Fix the template');
    // On save: every problem next to its field (a list entry on its list).
    await byLabel(wrapper, 'Body').setValue('Hello {{name}}');
    await byLabel(wrapper, 'Block list').setValue('spam.io\nnot a domain');
    await wrapper.get('form[data-form="settings"]').trigger('submit');
    await flushPromises();
    expect(errorNextTo(wrapper, 'Block list')).toContain('"not a domain" is neither a domain');
    expect(errorNextTo(wrapper, 'Subject')).toContain('{{nom}} is not a placeholder.');
  });

  it('is for admins: an agent is told there is no access and sees no sidebar entry', async () => {
    const calls = stubGraphQL({ Me: signedInAs({ id: '7', name: 'Agent Smith', email: 'agent@acme.io', role: 'AGENT' }, VIEWER_CAN.AGENT) });
    ({ wrapper } = await mountApp('/settings/registration'));
    expect(wrapper.text()).toContain("You don't have access");
    expect(callsOf(calls, 'DeskSettings')).toHaveLength(0);
    expect(wrapper.findAll('nav a').map((a) => a.text())).not.toContain('Registration');
  });
});
