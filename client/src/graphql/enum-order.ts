// A generated enum's values in the order people read them (the schema prints
// them alphabetically). The compiler refuses a list that leaves a value out,
// so a value the schema gains shows up here, or one it does not have.

type Missing<TEnum, TList extends readonly unknown[]> = Exclude<TEnum, TList[number]>;

export function inOrder<TEnum extends string, const TList extends readonly TEnum[]>(
  _enum: Readonly<Record<string, TEnum>>,
  order: TList & ([Missing<TEnum, TList>] extends [never] ? unknown : { missing: Missing<TEnum, TList> }),
): TList {
  return order;
}
