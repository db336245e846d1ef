// English messages for the admins' Registration settings page (spread into locales/en.ts).
const messages = {
  deskSettings: {
    nav: 'Registration',
    title: 'Registration and access',
    subtitle: 'Who may sign up, sign in and ask for help, and the welcome email.',
    noAccess: "You don't have access",
    noAccessHint: 'Only admins can change these settings.',
    access: 'Who may submit requests',
    accessOptions: {
      ANYONE: 'Anyone',
      REGISTERED: 'Registered people (unknown senders verify their address first)',
      CLOSED: 'Only people the team added',
      RESTRICTED: 'Only allowed domains (and people the team added)',
    },
    helpCenterSignUp: 'Visitors may sign up in the help center',
    requireVerification: 'People must verify their address',
    requireVerificationHint: 'A request from an account that has not confirmed its address waits until it does (a link is mailed).',
    requireVerificationOnlyRegistered: 'Applies only to “Registered people” above; with this choice it has no effect.',
    welcomeOnAgentCreate: 'Send the welcome email when the team adds someone',
    acknowledgeRequests: 'Tell people by email that their request was received',
    acknowledgeRequestsHint:
      'When someone writes in (the request form, the help center or email), they get its number; their message too when their verified address is proven theirs. Never for held requests.',
    agentsMayDeleteUsers: 'Agents may delete customers',
    agentsMayDeleteUsersHint:
      'A deleted customer can be restored from Deleted customers until erased. Admins can always delete; only admins delete permanently.',
    deskName: 'Desk name',
    lists: 'Allow and block lists',
    listsHint: 'One entry a line: a domain (acme.com) or an address. The allow list wins over the block list.',
    allowList: 'Allow list',
    blockList: 'Block list',
    blockListHint: 'reject: refuses outright, suspend: holds for review, * holds everyone not allowed.',
    welcome: 'Welcome email',
    welcomeHint: 'Placeholders: {placeholders}',
    welcomeLanguages: 'Until you change them, the subject and body shipped with Accueil go out in each person’s language (English or French).',
    welcomeSubject: 'Subject',
    welcomeBody: 'Body',
    preview: 'Preview',
    previewTo: 'To: {to}',
    previewFailed: 'Fix the template to see the preview.',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Saved',
  },
  verificationLink: {
    title: 'Verification link',
    intro: 'Mail {name} a new link to confirm {email} and choose a password; the links sent before stop working.',
    submit: 'Send verification link',
    submitting: 'Sending…',
    done: 'A new link is on its way to {email}.',
  },
  ticketHold: {
    SUSPENDED: 'Held for review: the sender is on the block list.',
    UNVERIFIED: 'Waiting for the requester to verify their address.',
    release: 'Release',
  },
};

export default messages;
