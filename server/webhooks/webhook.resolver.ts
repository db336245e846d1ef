import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { connection } from '../graphql/connection.js';
import { NotFoundError } from '../graphql/errors.js';
import { parseId } from '../graphql/ids.js';
import { listSize } from '../graphql/list-size.js';
import { deliveryCursor } from './webhook.service.js';
import { webhookPolicy } from './webhook.policy.js';
import {
  CreateWebhookInput,
  CreateWebhookPayload,
  UpdateWebhookInput,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryConnection,
} from './webhook.types.js';
import { msg } from '../i18n/message.js';

/** No rule caps how many webhooks exist; the cost limit counts this many. */
const WEBHOOKS_BOUND = 100;

function webhookId(id: string): number {
  const n = parseId(id);
  if (n === null) throw new NotFoundError(msg('notFound.webhook', { webhookId: id }));
  return n;
}

/** Admins signed in manage the partner apps' endpoints (the rule sits on the Webhook type too). */
@Resolver(() => Webhook)
export class WebhookResolver {
  @Query(() => [Webhook], { description: 'Every webhook, oldest first. Admins signed in.' })
  @Authorized(webhookPolicy.manage)
  @listSize({ kind: 'bound', max: WEBHOOKS_BOUND })
  webhooks(@Ctx() ctx: Context): Promise<Webhook[]> {
    return ctx.webhooks.list();
  }

  @Query(() => Webhook, { nullable: true, description: 'One webhook, or null. Admins signed in.' })
  @Authorized(webhookPolicy.manage)
  async webhook(@Arg('id', () => ID, { description: 'The webhook.' }) id: string, @Ctx() ctx: Context): Promise<Webhook | null> {
    const n = parseId(id);
    return n === null ? null : ctx.webhooks.findById(n);
  }

  @Mutation(() => CreateWebhookPayload, {
    description: 'Registers an endpoint (admins signed in); the signing secret is in the answer, and only there.',
  })
  @Authorized(webhookPolicy.manage)
  createWebhook(
    @Arg('input', () => CreateWebhookInput, { description: 'The new webhook.' }) input: CreateWebhookInput,
    @Ctx() ctx: Context,
  ): Promise<CreateWebhookPayload> {
    return ctx.webhooks.create(input);
  }

  @Mutation(() => Webhook, {
    description: 'Changes a webhook (admins signed in). Deliveries still queued go to the new URL, signed with the new secret.',
  })
  @Authorized(webhookPolicy.manage)
  updateWebhook(
    @Arg('id', () => ID, { description: 'The webhook.' }) id: string,
    @Arg('input', () => UpdateWebhookInput, { description: 'What changes.' }) input: UpdateWebhookInput,
    @Ctx() ctx: Context,
  ): Promise<Webhook> {
    return ctx.webhooks.update(webhookId(id), input);
  }

  @Mutation(() => Boolean, { description: 'Deletes a webhook (admins signed in); its queued deliveries are skipped.' })
  @Authorized(webhookPolicy.manage)
  async deleteWebhook(@Arg('id', () => ID, { description: 'The webhook.' }) id: string, @Ctx() ctx: Context): Promise<boolean> {
    await ctx.webhooks.delete(webhookId(id));
    return true;
  }

  @Mutation(() => WebhookDelivery, {
    description: 'Queues a TEST event to the webhook through the outbox, like any event; follow it in its deliveries.',
  })
  @Authorized(webhookPolicy.manage)
  testWebhook(@Arg('id', () => ID, { description: 'The webhook.' }) id: string, @Ctx() ctx: Context): Promise<WebhookDelivery> {
    return ctx.webhookEvents.test(webhookId(id));
  }

  @FieldResolver(() => WebhookDeliveryConnection, { description: 'What was sent to it, newest first. `first` is capped at 100.' })
  @Authorized(webhookPolicy.manage)
  @listSize({ kind: 'page', max: 100 })
  async deliveries(
    @Root() webhook: Webhook,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'How many deliveries to return, 0 to 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after: string | null,
  ): Promise<WebhookDeliveryConnection> {
    const id = Number(webhook.id);
    const [page, totalCount] = await Promise.all([ctx.webhooks.deliveries(id, { first, after }), ctx.webhooks.countDeliveries(id)]);
    return { ...connection(page, (d) => deliveryCursor.encode(d.id)), totalCount };
  }
}
