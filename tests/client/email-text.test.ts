import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import EmailText from '../../client/src/users/EmailText.vue';

describe('EmailText', () => {
  const markup = (address: string, query?: string) =>
    mount(EmailText, { props: { address, query } })
      .html()
      .replace(/<!--[^>]*-->| data-v-\w+=""|<\/?span[^>]*>|\s*\n\s*/g, '');

  it('marks what a search matched on each side of the break after the @', () => {
    expect(markup('grace.hopper@navy.example.org', 'hopper navy')).toBe(
      'grace.<mark class="highlight-text__match">hopper</mark>@<wbr><mark class="highlight-text__match">navy</mark>.example.org',
    );
    expect(markup('grace.hopper@navy.example.org')).toBe('grace.hopper@<wbr>navy.example.org');
  });

  it('has no break without an @ past the start, and nothing after a final @', () => {
    expect(markup('@grace', 'grace')).toBe('@<mark class="highlight-text__match">grace</mark>');
    expect(markup('grace@')).toBe('grace@<wbr>');
  });
});
