import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { createAppI18n, type AppLocale } from '../../client/src/i18n';
import TimeZonePicker from '../../client/src/users/TimeZonePicker.vue';
import { findTimeZone, searchTimeZones, timeZoneChoices } from '../../client/src/users/time-zones';
import { currentZoneName } from '../../server/users/time-zone-names';

// Issue 13: time zones by their current names, searchable by city, region, old name and offset.

const regions = (region: string) => region;
const ids = (query: string) => searchTimeZones(timeZoneChoices('en', regions), query).map((choice) => choice.id);

describe('time zone search', () => {
  it('lists each zone once, by its current name, with its offset now', () => {
    const all = timeZoneChoices('en', regions);
    const names = all.map((choice) => choice.id);
    expect(names).toEqual(expect.arrayContaining(['UTC', 'Asia/Kolkata', 'Europe/Kyiv', 'Asia/Ho_Chi_Minh', 'America/Argentina/Buenos_Aires']));
    expect(names).not.toContain('Asia/Calcutta');
    expect(names).not.toContain('Europe/Kiev');
    expect(new Set(names).size).toBe(names.length);
    expect(findTimeZone(all, 'Asia/Kolkata')?.label).toBe('UTC+05:30 Kolkata');
    // Sorted by offset: west to east.
    expect(all[0]!.minutes).toBeLessThan(all.at(-1)!.minutes);
  });

  it('finds zones by city, old name, region and offset', () => {
    expect(ids('kolk')).toEqual(['Asia/Kolkata']);
    expect(ids('calcutta')).toEqual(['Asia/Kolkata']);
    expect(ids('kyiv')).toEqual(['Europe/Kyiv']);
    expect(ids('kiev')).toEqual(['Europe/Kyiv']);
    expect(ids('ho chi')).toEqual(['Asia/Ho_Chi_Minh']);
    expect(ids('saigon')).toEqual(['Asia/Ho_Chi_Minh']);
    expect(ids('+05:30')).toContain('Asia/Kolkata');
    expect(ids('+05:30')).not.toContain('Europe/Paris');
    expect(ids('UTC+5:30')).toEqual(ids('+05:30'));
    expect(ids('+0545')).toEqual(['Asia/Kathmandu']);
    expect(ids('europe paris')).toEqual(['Europe/Paris']);
    expect(ids('são paulo')).toEqual(['America/Sao_Paulo']);
    expect(ids('Atlantis')).toEqual([]);
  });

  it('maps old names to current ones and leaves others', () => {
    expect(currentZoneName('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(currentZoneName('Asia/Saigon')).toBe('Asia/Ho_Chi_Minh');
    expect(currentZoneName('Europe/Paris')).toBe('Europe/Paris');
  });

  it('says the zone in French where Intl has a French name', () => {
    const kolkata = findTimeZone(timeZoneChoices('fr', regions), 'Asia/Kolkata');
    expect(kolkata?.zoneName).toMatch(/Inde/);
    expect(searchTimeZones(timeZoneChoices('fr', regions), 'inde').map((c) => c.id)).toContain('Asia/Kolkata');
  });
});

describe('TimeZonePicker', () => {
  let wrapper: VueWrapper;
  afterEach(() => wrapper?.unmount());

  function mountPicker(initial: string, locale: AppLocale = 'en') {
    const value = ref(initial);
    const Host = defineComponent({
      setup: () => () => h(TimeZonePicker, { id: 'tz', modelValue: value.value, 'onUpdate:modelValue': (v: string) => (value.value = v) }),
    });
    wrapper = mount(Host, { global: { plugins: [createAppI18n(locale)] }, attachTo: document.body });
    return { value, input: () => wrapper.get<HTMLInputElement>('#tz') };
  }
  const options = () => wrapper.findAll('[role="option"]').map((option) => option.get('.listbox__name').text());

  it('shows a saved old name as the current one, and picks with the keyboard', async () => {
    const { value, input } = mountPicker('Asia/Calcutta');
    expect(input().element.value).toBe('UTC+05:30 Kolkata');
    expect(input().attributes('role')).toBe('combobox');

    await input().setValue('kyiv');
    await flushPromises();
    expect(options()).toHaveLength(1);
    expect(options()[0]).toMatch(/^UTC\+0[23]:00 Kyiv$/);
    expect(input().attributes('aria-expanded')).toBe('true');
    expect(input().attributes('aria-activedescendant')).toBe('tz-option-0');
    await input().trigger('keydown', { key: 'Enter' });
    expect(value.value).toBe('Europe/Kyiv');
    expect(input().element.value).toMatch(/^UTC\+0[23]:00 Kyiv$/);
    expect(input().attributes('aria-expanded')).toBe('false');
  });

  it('searches by offset, moves with the arrows, and Escape puts the choice back', async () => {
    const { value, input } = mountPicker('Europe/Paris');
    await input().setValue('+05:30');
    await flushPromises();
    expect(options()).toContain('UTC+05:30 Kolkata');
    const second = options()[1];
    await input().trigger('keydown', { key: 'ArrowDown' });
    expect(input().attributes('aria-activedescendant')).toBe('tz-option-1');
    await input().trigger('keydown', { key: 'Enter' });
    expect(input().element.value).toBe(second);
    expect(value.value).not.toBe('Europe/Paris');

    await input().setValue('nowhere at all');
    await flushPromises();
    expect(wrapper.get('.listbox__message').text()).toContain('No time zone matches “nowhere at all”');
    await input().trigger('keydown', { key: 'Escape' });
    expect(input().element.value).toBe(second);
  });

  it('clears when emptied, and reads in French', async () => {
    const { value, input } = mountPicker('Asia/Saigon', 'fr');
    expect(input().element.value).toBe('UTC+07:00 Ho Chi Minh');
    await input().trigger('focus');
    await input().setValue('');
    await input().trigger('blur');
    expect(value.value).toBe('');
    await input().setValue('kolk');
    await flushPromises();
    expect(wrapper.get('[role="option"] .listbox__detail').text()).toMatch(/Asie · heure de l’Inde · anciennement Asia\/Calcutta/);
    expect(input().attributes('placeholder')).toBe('Ville, région ou décalage (+05:30)');
  });
});
