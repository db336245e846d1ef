import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { NetworkError } from '../../client/src/graphql/client';
import { clientError } from '../../client/src/graphql/errors';
import { createAppI18n } from '../../client/src/i18n';
import FormFooter from '../../client/src/ui/form/FormFooter.vue';
import GeneralErrors from '../../client/src/ui/form/GeneralErrors.vue';
import { useForm, type Form } from '../../client/src/ui/form/use-form';

// The end of a form (ui/form/FormFooter.vue): the errors that name no field, a
// notice of the form's own, and the submit button, in the form's stack.

type Props = InstanceType<typeof FormFooter>['$props'];

/** Sends until `answer` settles: resolve to take it, reject to refuse it. */
function pendingSend() {
  let settle: { resolve: () => void; reject: (failure: unknown) => void } = { resolve: () => {}, reject: () => {} };
  const send = () =>
    new Promise<void>((resolve, reject) => {
      settle = { resolve, reject };
    });
  return { send, answer: () => settle };
}

/** The app's words; no router (FieldErrorText links only EMAIL_TAKEN and a taken name's organization). */
const global = { plugins: [createAppI18n('en')], stubs: { RouterLink: true } };

let wrapper: VueWrapper;
afterEach(() => wrapper?.unmount());

function mountFooter(props: Partial<Props> = {}, slot?: () => unknown) {
  const sending = pendingSend();
  let form!: Form<{ body: string }>;
  const Host = defineComponent({
    setup() {
      form = useForm({ initial: () => ({ body: '' }), fields: ['body'], send: sending.send });
      return () =>
        h('form', { ref: form.root, class: 'stack', novalidate: true, onSubmit: (e: Event) => (e.preventDefault(), form.submit()) }, [
          h('input', { name: 'body' }),
          h(FormFooter, { form, label: 'Send', savingLabel: 'Sending…', ...props }, slot ? { default: slot } : undefined),
        ]);
    },
  });
  wrapper = mount(Host, { global, attachTo: document.body });
  return { form, answer: sending.answer };
}

/** The form's children, as tag.class (the footer adds no wrapper of its own). */
const children = () => [...wrapper.get('form').element.children].map((el) => [el.tagName.toLowerCase(), ...el.classList].join('.'));
const button = () => wrapper.get('button[type="submit"]');

describe('FormFooter', () => {
  it('puts the button on a row of its own at the start, with no wrapper around the footer', () => {
    mountFooter();
    expect(children()).toEqual(['input', 'div']);
    const row = wrapper.get('form > div');
    // A bare row: no class attribute at all, as the forms wrote it by hand.
    expect(row.element.hasAttribute('class')).toBe(false);
    expect(row.html()).toBe('<div><button type="submit" class="button button--primary" aria-busy="false">Send</button></div>');
  });

  it('says it is saving, and cannot be pressed again, until the server answers', async () => {
    const { answer } = mountFooter();
    await wrapper.get('form').trigger('submit');
    expect(button().text()).toBe('Sending…');
    expect(button().attributes('disabled')).toBeDefined();
    expect(button().attributes('aria-busy')).toBe('true');
    answer().resolve();
    await flushPromises();
    expect(button().text()).toBe('Send');
    expect(button().attributes('disabled')).toBeUndefined();
    expect(button().attributes('aria-busy')).toBe('false');
  });

  it('shows each error that names no field as an alert before the button, then none once saved', async () => {
    const { form, answer } = mountFooter();
    await wrapper.get('form').trigger('submit');
    answer().reject(new NetworkError('offline'));
    await flushPromises();
    expect(children()).toEqual(['input', 'div.notice.notice--danger', 'div']);
    const alert = wrapper.get('[role="alert"]');
    expect(alert.text()).toBe('The server could not be reached. Check your connection and try again.');

    await form.showErrors({}, [clientError('errors.unexpected'), { code: 'FORBIDDEN', message: 'no' }]);
    expect(wrapper.findAll('[role="alert"]').map((n) => n.text())).toEqual([
      'Something went wrong on our side. Please try again.',
      'You are not allowed to do this.',
    ]);

    await wrapper.get('form').trigger('submit');
    expect(wrapper.findAll('[role="alert"]')).toHaveLength(0);
    answer().resolve();
    await flushPromises();
    expect(children()).toEqual(['input', 'div']);
  });

  it('shows the form’s own notice after the errors and before the button', async () => {
    const { form } = mountFooter({}, () => h('p', { class: 'sent' }, 'Sent'));
    await form.showErrors({}, [clientError('errors.unexpected')]);
    expect(children()).toEqual(['input', 'div.notice.notice--danger', 'p.sent', 'div']);
  });

  it('puts the button at the end (.actions), or as wide as the form, small and secondary', () => {
    mountFooter({ align: 'end', small: true, primary: false });
    expect(wrapper.get('form > div').html()).toBe(
      '<div class="actions"><button type="submit" class="button button--small" aria-busy="false">Send</button></div>',
    );
    wrapper.unmount();
    mountFooter({ align: 'stretch' });
    expect(children()).toEqual(['input', 'button.button.button--primary']);
  });
});

describe('GeneralErrors', () => {
  it('gives its attributes to each notice, and shows none while there are no such errors', async () => {
    // Outside a component the form is not tracked for unsaved changes: nothing else differs.
    const form = useForm({ initial: () => ({ name: '' }), fields: ['name'], send: async () => {} });
    wrapper = mount(GeneralErrors, { props: { form }, attrs: { class: 'wide' }, global });
    expect(wrapper.findAll('.notice')).toHaveLength(0);
    await form.showErrors({}, [clientError('errors.unexpected'), clientError('errors.network')]);
    expect(wrapper.findAll('.notice.notice--danger.wide[role="alert"]').map((n) => n.text())).toEqual([
      'Something went wrong on our side. Please try again.',
      'The server could not be reached. Check your connection and try again.',
    ]);
  });
});
