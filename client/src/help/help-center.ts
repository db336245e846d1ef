// What the help center's pages share: the desk's name and whether sign-up is open (asked once by HelpLayout).
import { inject, provide, shallowRef, type InjectionKey, type ShallowRef } from 'vue';
import type { HelpCenterQuery } from '../graphql/generated/graphql';

type Info = HelpCenterQuery['helpCenter'];
const KEY: InjectionKey<ShallowRef<Info | null>> = Symbol('help-center');

export function provideHelpCenter(): ShallowRef<Info | null> {
  const info = shallowRef<Info | null>(null);
  provide(KEY, info);
  return info;
}

export function useHelpCenter(): ShallowRef<Info | null> {
  return inject(KEY, shallowRef(null));
}
