// What the help center's pages share: the desk's name and whether sign-up is open (asked once by the page that
// provides it: HelpLayout, or the public request form, which stands alone).
import { inject, onMounted, provide, shallowRef, type InjectionKey, type ShallowRef } from 'vue';
import { request } from '../graphql/client';
import type { HelpCenterQuery } from '../graphql/generated/graphql';
import { HelpCenterDocument } from './help-operations';

type Info = HelpCenterQuery['helpCenter'];
const KEY: InjectionKey<ShallowRef<Info | null>> = Symbol('help-center');

/** Asks the server once the component is mounted, and provides the answer to the pages under it (null until then). */
export function provideHelpCenter(): ShallowRef<Info | null> {
  const info = shallowRef<Info | null>(null);
  provide(KEY, info);
  onMounted(async () => {
    try {
      info.value = (await request(HelpCenterDocument, {})).helpCenter;
    } catch {
      // The pages still work without the desk's name.
    }
  });
  return info;
}

export function useHelpCenter(): ShallowRef<Info | null> {
  return inject(KEY, shallowRef(null));
}
