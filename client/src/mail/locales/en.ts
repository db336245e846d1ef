// English messages for outgoing mail (spread into locales/en.ts).
const messages = {
  mail: {
    status: {
      QUEUED: 'Queued',
      SENDING: 'Sending',
      SENT: 'Sent',
      FAILED: 'Failed',
      SKIPPED: 'Skipped',
    },
    kind: {
      FOLLOW_UP: 'Follow-up',
      TICKET_COMMENT: 'Ticket reply',
      TICKET_RECEIVED: 'Request received',
      WELCOME: 'Welcome',
      VERIFICATION: 'Verification',
      INVITATION: 'Invitation',
      PASSWORD_RESET: 'Password reset',
      TEST: 'Test',
    },
    columns: {
      subject: 'Subject',
      to: 'To',
      status: 'Status',
      attempts: 'Tries',
      created: 'Queued',
    },
    send: {
      open: 'Send email',
      title: 'Send email',
      intro: 'To {to}. It is queued at once; its status shows under Messages.',
      introNoAddress: 'This person has no email address.',
      subject: 'Subject',
      body: 'Message',
      submit: 'Send',
      sending: 'Sending…',
      subjectRequired: 'Enter a subject.',
      subjectTooLong: 'A subject has at most {max} characters.',
      bodyRequired: 'Write a message.',
    },
    messages: {
      title: 'Messages',
      none: 'No email has been sent to this person yet.',
      loadError: 'The messages could not be loaded.',
      pagination: 'Pages of messages',
    },
    outbox: {
      title: 'Outbox',
      subtitle: 'Every email the desk sends: what waits, what went, and why some were skipped or failed.',
      noAccess: "You don't have access",
      noAccessHint: 'Only admins can see the outbox.',
      status: 'Status',
      allStatuses: 'All',
      none: 'No email has been queued yet.',
      noneWithStatus: 'No email has this status.',
      loadError: 'The outbox could not be loaded.',
      pagination: 'Pages of the outbox',
    },
  },
};

export default messages;
