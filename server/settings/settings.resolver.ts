import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { OPEN } from '../auth/policy.js';
import { RequestAccess } from './request-access.js';
import { SettingsEntity } from './settings.entity.js';
import { settingsPolicy } from './settings.policy.js';
import { HelpCenterInfo, PreviewWelcomeEmailInput, UpdateSettingsInput, WelcomeEmailPreview } from './settings.types.js';

@Resolver(() => SettingsEntity)
export class SettingsResolver {
  @Query(() => SettingsEntity, {
    description: 'The desk settings (access, sign-up, verification, welcome email, allow and block lists). Agents and admins.',
  })
  @Authorized(settingsPolicy.read)
  async settings(@Ctx() ctx: Context): Promise<SettingsEntity> {
    return (await ctx.settings.get()).row;
  }

  @Mutation(() => SettingsEntity, {
    description: 'Changes the settings (admins). Every bad field is refused at once (an unknown placeholder names itself); nothing is saved then.',
  })
  @Authorized(settingsPolicy.manage)
  updateSettings(
    @Arg('input', () => UpdateSettingsInput, { description: 'What to change.' }) input: UpdateSettingsInput,
    @Ctx() ctx: Context,
  ): Promise<SettingsEntity> {
    return ctx.settings.update(input);
  }

  @Query(() => WelcomeEmailPreview, { description: 'The welcome email rendered for a sample person, with unsaved templates (admins).' })
  @Authorized(settingsPolicy.manage)
  previewWelcomeEmail(
    @Arg('input', () => PreviewWelcomeEmailInput, { description: 'Templates to try; the saved ones where left out.' })
    input: PreviewWelcomeEmailInput,
    @Ctx() ctx: Context,
  ): Promise<WelcomeEmailPreview> {
    return ctx.settings.preview(input, ctx.config.publicUrl);
  }

  @Query(() => HelpCenterInfo, { description: "The help center's name and whether sign-up is open. Open to anyone." })
  @Authorized(OPEN)
  async helpCenter(@Ctx() ctx: Context): Promise<HelpCenterInfo> {
    const { row } = await ctx.settings.get();
    return { deskName: row.deskName, signUpOpen: row.helpCenterSignUp && row.requestAccess !== RequestAccess.CLOSED };
  }
}
