/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment Viewer on User {\n    id\n    name\n    email\n    role\n  }\n": typeof types.ViewerFragmentDoc,
    "\n  fragment ViewerAbilities on ViewerPermissions {\n    changeOwnPassword\n    restoreUsers\n    eraseUsers\n    manageTeam\n    createStaff\n    createUsers\n    listUsers\n    manageApiTokens\n    manageOrganizations\n    manageUserFields\n    readOrganizations\n    readUserFields\n    shareCustomerLists\n    importUsers\n    emailUsers\n    readOutbox\n    manageWebhooks\n    manageSettings\n  }\n": typeof types.ViewerAbilitiesFragmentDoc,
    "\n  query Me {\n    me {\n      ...Viewer\n    }\n    viewerCan {\n      ...ViewerAbilities\n    }\n  }\n": typeof types.MeDocument,
    "\n    mutation SignIn($email: String!, $password: String!) {\n      signIn(email: $email, password: $password) {\n        ...Viewer\n      }\n    }\n  ": typeof types.SignInDocument,
    "\n    mutation SignOut {\n      signOut\n    }\n  ": typeof types.SignOutDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  fragment OwnProfile on User {\n    id\n    name\n    email\n    role\n    phone\n    timeZone\n    locale\n  }\n": typeof types.OwnProfileFragmentDoc,
    "\n  query MyProfile {\n    me {\n      ...OwnProfile\n    }\n  }\n": typeof types.MyProfileDocument,
    "\n  mutation UpdateMyProfile($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...OwnProfile\n    }\n  }\n": typeof types.UpdateMyProfileDocument,
    "\n  fragment FieldDefinition on UserField {\n    id\n    key\n    title\n    description\n    type\n    pattern\n    patternHint\n    lookupTarget\n    required\n    active\n    position\n    createdAt\n    updatedAt\n    options {\n      id\n      title\n      value\n      position\n    }\n  }\n": typeof types.FieldDefinitionFragmentDoc,
    "\n  fragment FieldValue on UserFieldValue {\n    key\n    type\n    value\n    values\n    text\n    number\n    boolean\n    date\n    options {\n      id\n      title\n      value\n    }\n    user {\n      id\n      name\n    }\n    organization {\n      ...OrganizationRef\n    }\n    field {\n      id\n      key\n      title\n      description\n      type\n      required\n      pattern\n      patternHint\n      lookupTarget\n      options {\n        id\n        title\n        value\n      }\n    }\n  }\n": typeof types.FieldValueFragmentDoc,
    "\n  query UserFields($active: Boolean) {\n    userFields(active: $active) {\n      ...FieldDefinition\n    }\n  }\n": typeof types.UserFieldsDocument,
    "\n  mutation CreateUserField($input: CreateUserFieldInput!) {\n    createUserField(input: $input) {\n      ...FieldDefinition\n    }\n  }\n": typeof types.CreateUserFieldDocument,
    "\n  mutation UpdateUserField($id: ID!, $input: UpdateUserFieldInput!) {\n    updateUserField(id: $id, input: $input) {\n      ...FieldDefinition\n    }\n  }\n": typeof types.UpdateUserFieldDocument,
    "\n  mutation ReorderUserFields($ids: [ID!]!) {\n    reorderUserFields(ids: $ids) {\n      ...FieldDefinition\n    }\n  }\n": typeof types.ReorderUserFieldsDocument,
    "\n  mutation DeleteUserField($id: ID!) {\n    deleteUserField(id: $id)\n  }\n": typeof types.DeleteUserFieldDocument,
    "\n  query LookupUsers($query: String, $first: Int) {\n    users(query: $query, first: $first) {\n      edges {\n        node {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": typeof types.LookupUsersDocument,
    "\n  query MissingValueCounts {\n    userFields {\n      id\n      missingValueCount\n    }\n  }\n": typeof types.MissingValueCountsDocument,
    "\n  query HelpCenter {\n    helpCenter {\n      deskName\n      signUpOpen\n    }\n  }\n": typeof types.HelpCenterDocument,
    "\n    mutation SignUp($input: SignUpInput!) {\n      signUp(input: $input) {\n        received\n      }\n    }\n  ": typeof types.SignUpDocument,
    "\n  query AccountLink($token: String!) {\n    accountLink(token: $token) {\n      state\n      purpose\n    }\n  }\n": typeof types.AccountLinkDocument,
    "\n    mutation UseAccountLink($token: String!, $password: String!) {\n      useAccountLink(token: $token, password: $password) {\n        ...Viewer\n      }\n    }\n  ": typeof types.UseAccountLinkDocument,
    "\n  mutation RenewAccountLink($token: String!) {\n    renewAccountLink(token: $token)\n  }\n": typeof types.RenewAccountLinkDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  fragment HelpTicket on Ticket {\n    id\n    subject\n    status\n    updatedAt\n  }\n": typeof types.HelpTicketFragmentDoc,
    "\n  query MyRequests {\n    me {\n      id\n      requestedTickets(first: 50) {\n        edges {\n          node {\n            ...HelpTicket\n          }\n        }\n      }\n      ccTickets(first: 50) {\n        edges {\n          node {\n            ...HelpTicket\n          }\n        }\n      }\n    }\n  }\n": typeof types.MyRequestsDocument,
    "\n  query MyRequest($id: ID!) {\n    ticket(id: $id) {\n      ...HelpTicket\n      comments(first: 100) {\n        edges {\n          node {\n            id\n            body\n            createdAt\n            authorName\n          }\n        }\n      }\n    }\n  }\n": typeof types.MyRequestDocument,
    "\n  mutation ReplyToMyRequest($ticketId: ID!, $body: String!) {\n    replyToMyRequest(ticketId: $ticketId, body: $body) {\n      id\n      body\n      createdAt\n      authorName\n    }\n  }\n": typeof types.ReplyToMyRequestDocument,
    "\n  fragment ImportJobSummary on ImportJob {\n    id\n    status\n    mode\n    fileName\n    rowsTotal\n    rowsRead\n    created\n    updated\n    unchanged\n    failed\n    warningCount\n    rowsPerSecond\n    secondsLeft\n    fileError\n    failedRowsUrl\n    warningsUrl\n    createdAt\n    finishedAt\n  }\n": typeof types.ImportJobSummaryFragmentDoc,
    "\n  query ImportJobs($first: Int, $after: String) {\n    importJobs(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...ImportJobSummary\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": typeof types.ImportJobsDocument,
    "\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      ...ImportJobSummary\n      errors(first: 100) {\n        cursor\n        line\n        column\n        code\n        message\n      }\n      warnings(first: 100) {\n        cursor\n        line\n        column\n        code\n        message\n      }\n    }\n  }\n": typeof types.ImportJobDocument,
    "\n  mutation RunImportJob($id: ID!) {\n    runImportJob(id: $id) {\n      ...ImportJobSummary\n    }\n  }\n": typeof types.RunImportJobDocument,
    "\n  mutation CancelImportJob($id: ID!) {\n    cancelImportJob(id: $id) {\n      ...ImportJobSummary\n    }\n  }\n": typeof types.CancelImportJobDocument,
    "\n  fragment CustomerListSummary on CustomerList {\n    id\n    name\n    shared\n    userCount\n  }\n": typeof types.CustomerListSummaryFragmentDoc,
    "\n  query CustomerLists {\n    customerLists {\n      ...CustomerListSummary\n    }\n  }\n": typeof types.CustomerListsDocument,
    "\n  query CustomerList($id: ID!) {\n    customerList(id: $id) {\n      ...CustomerListSummary\n      columns\n      viewerCanManage\n      sort {\n        field\n        direction\n      }\n      filter {\n        query\n        tagsAll\n        tagsAny\n        tagsNone\n        organizationId\n        withoutOrganization\n        roles\n        verified\n        suspended\n        createdAfter\n        createdBefore\n        updatedAfter\n        updatedBefore\n        fields {\n          key\n          equals\n          values\n          isEmpty\n          before\n          after\n        }\n      }\n    }\n  }\n": typeof types.CustomerListDocument,
    "\n  mutation CreateCustomerList($input: CreateCustomerListInput!) {\n    createCustomerList(input: $input) {\n      ...CustomerListSummary\n    }\n  }\n": typeof types.CreateCustomerListDocument,
    "\n  mutation UpdateCustomerList($id: ID!, $input: UpdateCustomerListInput!) {\n    updateCustomerList(id: $id, input: $input) {\n      ...CustomerListSummary\n    }\n  }\n": typeof types.UpdateCustomerListDocument,
    "\n  mutation DeleteCustomerList($id: ID!) {\n    deleteCustomerList(id: $id)\n  }\n": typeof types.DeleteCustomerListDocument,
    "\n  query ListUsers($first: Int, $after: String, $filter: UserFilterInput, $sort: UserSortInput) {\n    users(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...UserListItem\n          phone\n          tags\n          externalId\n          alias\n          timeZone\n          locale\n          verified\n          updatedAt\n          fields {\n            key\n            type\n            text\n            number\n            boolean\n            date\n            value\n          }\n        }\n      }\n    }\n  }\n": typeof types.ListUsersDocument,
    "\n  mutation BulkUpdateUsers($input: BulkUpdateUsersInput!) {\n    bulkUpdateUsers(input: $input) {\n      matched\n      changed\n      failedCount\n      failed {\n        id\n        code\n        message\n      }\n    }\n  }\n": typeof types.BulkUpdateUsersDocument,
    "\n  mutation BulkDeleteUsers($input: BulkDeleteUsersInput!) {\n    bulkDeleteUsers(input: $input) {\n      matched\n      changed\n      failedCount\n      failed {\n        id\n        code\n        message\n      }\n    }\n  }\n": typeof types.BulkDeleteUsersDocument,
    "\n  fragment OutboxMessageItem on OutboxMessage {\n    id\n    kind\n    to\n    subject\n    status\n    reason\n    attempts\n    createdAt\n    sentAt\n  }\n": typeof types.OutboxMessageItemFragmentDoc,
    "\n  mutation SendUserEmail($userId: ID!, $input: SendUserEmailInput!) {\n    sendUserEmail(userId: $userId, input: $input) {\n      ...OutboxMessageItem\n    }\n  }\n": typeof types.SendUserEmailDocument,
    "\n  fragment OutboxMessagePage on OutboxMessageConnection {\n    edges {\n      cursor\n      node {\n        ...OutboxMessageItem\n      }\n    }\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n  }\n": typeof types.OutboxMessagePageFragmentDoc,
    "\n  query UserMessages($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      id\n      messages(first: $first, after: $after) {\n        ...OutboxMessagePage\n      }\n    }\n  }\n": typeof types.UserMessagesDocument,
    "\n  query Outbox($status: OutboxStatus, $first: Int, $after: String) {\n    outbox(status: $status, first: $first, after: $after) {\n      ...OutboxMessagePage\n    }\n  }\n": typeof types.OutboxDocument,
    "\n  fragment OrganizationRef on Organization {\n    id\n    name\n  }\n": typeof types.OrganizationRefFragmentDoc,
    "\n  fragment OrganizationDetails on Organization {\n    id\n    name\n    domains\n    details\n    notes\n    tags\n    externalId\n    userCount\n    createdAt\n    updatedAt\n  }\n": typeof types.OrganizationDetailsFragmentDoc,
    "\n  fragment OrganizationListItem on Organization {\n    id\n    name\n    domains\n    userCount\n    createdAt\n  }\n": typeof types.OrganizationListItemFragmentDoc,
    "\n  query Organizations($first: Int, $after: String, $query: String) {\n    organizations(first: $first, after: $after, query: $query) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...OrganizationListItem\n        }\n      }\n    }\n  }\n": typeof types.OrganizationsDocument,
    "\n  fragment OrganizationSuggestion on Organization {\n    id\n    name\n    domains\n  }\n": typeof types.OrganizationSuggestionFragmentDoc,
    "\n  query OrganizationSuggestions($query: String, $first: Int) {\n    organizations(query: $query, first: $first) {\n      edges {\n        node {\n          ...OrganizationSuggestion\n        }\n      }\n    }\n  }\n": typeof types.OrganizationSuggestionsDocument,
    "\n  query Organization($id: ID!) {\n    organization(id: $id) {\n      ...OrganizationDetails\n    }\n  }\n": typeof types.OrganizationDocument,
    "\n  query OrganizationName($id: ID!) {\n    organization(id: $id) {\n      ...OrganizationRef\n    }\n  }\n": typeof types.OrganizationNameDocument,
    "\n  query OrganizationUsers($id: ID!, $first: Int, $after: String) {\n    organization(id: $id) {\n      id\n      users(first: $first, after: $after) {\n        ...UserPage\n      }\n    }\n  }\n": typeof types.OrganizationUsersDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      ...OrganizationDetails\n    }\n  }\n": typeof types.CreateOrganizationDocument,
    "\n  mutation UpdateOrganization($id: ID!, $input: UpdateOrganizationInput!) {\n    updateOrganization(id: $id, input: $input) {\n      ...OrganizationDetails\n    }\n  }\n": typeof types.UpdateOrganizationDocument,
    "\n  mutation DeleteOrganization($id: ID!) {\n    deleteOrganization(id: $id)\n  }\n": typeof types.DeleteOrganizationDocument,
    "\n  fragment DeskSettings on Settings {\n    id\n    version\n    requestAccess\n    helpCenterSignUp\n    requireVerification\n    welcomeOnAgentCreate\n    agentsMayDeleteUsers\n    acknowledgeRequests\n    welcomeSubject\n    welcomeBody\n    deskName\n    allowList\n    blockList\n  }\n": typeof types.DeskSettingsFragmentDoc,
    "\n  query DeskSettings {\n    settings {\n      ...DeskSettings\n    }\n  }\n": typeof types.DeskSettingsDocument,
    "\n  mutation UpdateSettings($input: UpdateSettingsInput!) {\n    updateSettings(input: $input) {\n      ...DeskSettings\n    }\n  }\n": typeof types.UpdateSettingsDocument,
    "\n  query PreviewWelcomeEmail($input: PreviewWelcomeEmailInput!) {\n    previewWelcomeEmail(input: $input) {\n      to\n      subject\n      text\n    }\n  }\n": typeof types.PreviewWelcomeEmailDocument,
    "\n  query TagSuggestions($query: String, $first: Int) {\n    tags(query: $query, first: $first) {\n      name\n      count\n    }\n  }\n": typeof types.TagSuggestionsDocument,
    "\n  fragment TeamMember on User {\n    id\n    name\n    email\n    role\n    suspended\n    lastSignInAt\n    invitedAt\n  }\n": typeof types.TeamMemberFragmentDoc,
    "\n  query Team($first: Int, $after: String, $query: String) {\n    users(first: $first, after: $after, query: $query, filter: { roles: [AGENT, ADMIN] }) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...TeamMember\n        }\n      }\n    }\n  }\n": typeof types.TeamDocument,
    "\n  mutation InviteTeamMember($input: InviteTeamMemberInput!) {\n    inviteTeamMember(input: $input) {\n      ...TeamMember\n    }\n  }\n": typeof types.InviteTeamMemberDocument,
    "\n  mutation ResendInvitation($userId: ID!) {\n    resendInvitation(userId: $userId) {\n      ...TeamMember\n    }\n  }\n": typeof types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($userId: ID!) {\n    revokeInvitation(userId: $userId)\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  fragment TicketPerson on User {\n    id\n    name\n    email\n  }\n": typeof types.TicketPersonFragmentDoc,
    "\n  fragment TicketListItem on Ticket {\n    id\n    subject\n    status\n    held\n    via\n    createdAt\n    updatedAt\n    requester {\n      ...TicketPerson\n    }\n  }\n": typeof types.TicketListItemFragmentDoc,
    "\n  fragment TicketDetail on Ticket {\n    id\n    subject\n    status\n    held\n    via\n    createdAt\n    updatedAt\n    requester {\n      ...TicketPerson\n    }\n    submitter {\n      ...TicketPerson\n    }\n    ccs {\n      ...TicketPerson\n    }\n    comments(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          body\n          public\n          via\n          attachments\n          createdAt\n          author {\n            ...TicketPerson\n          }\n        }\n      }\n    }\n    sideConversations {\n      id\n      subject\n      createdAt\n      participants {\n        ...TicketPerson\n      }\n      messages {\n        id\n        body\n        createdAt\n        author {\n          ...TicketPerson\n        }\n      }\n    }\n  }\n": typeof types.TicketDetailFragmentDoc,
    "\n  query Tickets($first: Int, $after: String, $query: String, $status: TicketStatus, $held: Boolean, $requesterId: ID) {\n    tickets(first: $first, after: $after, query: $query, status: $status, held: $held, requesterId: $requesterId) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...TicketListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n": typeof types.TicketsDocument,
    "\n  query UserTickets($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      id\n      requestedTickets(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...TicketListItem\n          }\n        }\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.UserTicketsDocument,
    "\n  query UserCcTickets($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      id\n      ccTickets(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...TicketListItem\n          }\n        }\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.UserCcTicketsDocument,
    "\n  query Ticket($id: ID!) {\n    ticket(id: $id) {\n      ...TicketDetail\n    }\n  }\n": typeof types.TicketDocument,
    "\n  query RequesterSuggestions($query: String, $first: Int) {\n    users(query: $query, first: $first) {\n      edges {\n        node {\n          ...TicketPerson\n        }\n      }\n    }\n  }\n": typeof types.RequesterSuggestionsDocument,
    "\n  mutation CreateTicket($input: CreateTicketInput!) {\n    createTicket(input: $input) {\n      ticket {\n        id\n      }\n      createdUsers {\n        ...TicketPerson\n      }\n      warnings {\n        ...WarningDetails\n      }\n    }\n  }\n": typeof types.CreateTicketDocument,
    "\n  mutation UpdateTicket($id: ID!, $input: UpdateTicketInput!) {\n    updateTicket(id: $id, input: $input) {\n      ...TicketDetail\n    }\n  }\n": typeof types.UpdateTicketDocument,
    "\n  mutation AddTicketComment($ticketId: ID!, $input: AddTicketCommentInput!) {\n    addTicketComment(ticketId: $ticketId, input: $input) {\n      ticket {\n        ...TicketDetail\n      }\n    }\n  }\n": typeof types.AddTicketCommentDocument,
    "\n  mutation AddTicketCc($ticketId: ID!, $user: UserRefInput!) {\n    addTicketCc(ticketId: $ticketId, user: $user) {\n      ticket {\n        ...TicketDetail\n      }\n      createdUser {\n        ...TicketPerson\n      }\n      warnings {\n        ...WarningDetails\n      }\n    }\n  }\n": typeof types.AddTicketCcDocument,
    "\n  mutation RemoveTicketCc($ticketId: ID!, $userId: ID!) {\n    removeTicketCc(ticketId: $ticketId, userId: $userId) {\n      ticket {\n        ...TicketDetail\n      }\n    }\n  }\n": typeof types.RemoveTicketCcDocument,
    "\n  mutation StartSideConversation($input: StartSideConversationInput!) {\n    startSideConversation(input: $input) {\n      sideConversation {\n        id\n      }\n      createdUsers {\n        ...TicketPerson\n      }\n      warnings {\n        ...WarningDetails\n      }\n    }\n  }\n": typeof types.StartSideConversationDocument,
    "\n  mutation AddSideConversationMessage($input: AddSideConversationMessageInput!) {\n    addSideConversationMessage(input: $input) {\n      message {\n        id\n      }\n    }\n  }\n": typeof types.AddSideConversationMessageDocument,
    "\n  mutation SubmitRequest($input: SubmitRequestInput!) {\n    submitRequest(input: $input) {\n      received\n    }\n  }\n": typeof types.SubmitRequestDocument,
    "\n  query TicketEvents($id: ID!, $first: Int) {\n    ticket(id: $id) {\n      id\n      events(first: $first) {\n        totalCount\n        edges {\n          node {\n            id\n            action\n            source\n            createdAt\n            actor {\n              kind\n              tokenName\n              user {\n                id\n                name\n              }\n            }\n            changes {\n              field\n              oldValue\n              newValue\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.TicketEventsDocument,
    "\n  fragment ApiTokenDetails on ApiToken {\n    id\n    name\n    scopes\n    createdAt\n    lastUsedAt\n    revokedAt\n    createdBy {\n      id\n      name\n    }\n  }\n": typeof types.ApiTokenDetailsFragmentDoc,
    "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenDetails\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      secret\n      token {\n        ...ApiTokenDetails\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenDetails\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  fragment IdentityDetails on UserIdentity {\n    id\n    type\n    value\n    displayValue\n    primary\n    verified\n    deliverability\n    shared\n    createdAt\n    sharedWith {\n      id\n      name\n    }\n  }\n": typeof types.IdentityDetailsFragmentDoc,
    "\n  mutation AddUserIdentity($userId: ID!, $input: AddUserIdentityInput!) {\n    addUserIdentity(userId: $userId, input: $input) {\n      identity {\n        ...IdentityDetails\n      }\n      user {\n        ...UserProfile\n      }\n      warnings {\n        ...WarningDetails\n        existingUserId\n      }\n    }\n  }\n": typeof types.AddUserIdentityDocument,
    "\n  mutation RemoveUserIdentity($id: ID!) {\n    removeUserIdentity(id: $id) {\n      ...UserProfile\n    }\n  }\n": typeof types.RemoveUserIdentityDocument,
    "\n  mutation MakeUserIdentityPrimary($id: ID!) {\n    makeUserIdentityPrimary(id: $id) {\n      ...UserProfile\n    }\n  }\n": typeof types.MakeUserIdentityPrimaryDocument,
    "\n  mutation VerifyUserIdentity($id: ID!) {\n    verifyUserIdentity(id: $id) {\n      ...IdentityDetails\n    }\n  }\n": typeof types.VerifyUserIdentityDocument,
    "\n  fragment DeletedCustomer on DeletedUser {\n    id\n    name\n    email\n    phone\n    deletedAt\n    eraseAfter\n    deletedBy {\n      id\n      name\n    }\n  }\n": typeof types.DeletedCustomerFragmentDoc,
    "\n  query DeletedUsers($first: Int, $after: String) {\n    deletedUsers(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...DeletedCustomer\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": typeof types.DeletedUsersDocument,
    "\n  mutation RestoreUser($id: ID!) {\n    restoreUser(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.RestoreUserDocument,
    "\n  mutation EraseUser($id: ID!) {\n    eraseUser(id: $id)\n  }\n": typeof types.EraseUserDocument,
    "\n  query PossibleDuplicates($id: ID!) {\n    user(id: $id) {\n      id\n      possibleDuplicates {\n        id\n        name\n        email\n        phone\n        identities {\n          type\n          primary\n          displayValue\n        }\n      }\n    }\n  }\n": typeof types.PossibleDuplicatesDocument,
    "\n  query MergeUsersPreview($sourceId: ID!, $targetId: ID!) {\n    mergeUsersPreview(sourceId: $sourceId, targetId: $targetId) {\n      source {\n        id\n        name\n        identities {\n          type\n          value\n          displayValue\n        }\n      }\n      target {\n        id\n        name\n      }\n      emails\n      phones\n      tags\n      choices {\n        field\n        title\n        sourceValue\n        targetValue\n        sourceDisplay {\n          ...HistoryValueFields\n        }\n        targetDisplay {\n          ...HistoryValueFields\n        }\n      }\n      ticketsRequested\n      ticketsCopied\n      historyEntries\n    }\n  }\n": typeof types.MergeUsersPreviewDocument,
    "\n  mutation MergeUsers($input: MergeUsersInput!) {\n    mergeUsers(input: $input) {\n      id\n    }\n  }\n": typeof types.MergeUsersDocument,
    "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    endCursor\n  }\n": typeof types.PageInfoFieldsFragmentDoc,
    "\n  fragment UserListItem on User {\n    id\n    name\n    email\n    role\n    suspended\n    createdAt\n    organization {\n      ...OrganizationRef\n    }\n    identities {\n      type\n      primary\n      displayValue\n    }\n  }\n": typeof types.UserListItemFragmentDoc,
    "\n  fragment UserPage on UserConnection {\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n    edges {\n      cursor\n      node {\n        ...UserListItem\n      }\n    }\n  }\n": typeof types.UserPageFragmentDoc,
    "\n  query Users(\n    $first: Int\n    $after: String\n    $query: String\n    $tags: [String!]\n    $organizationId: ID\n    $fields: [UserFieldFilter!]\n    $filter: UserFilterInput\n    $sort: UserSortInput\n  ) {\n    users(first: $first, after: $after, query: $query, tags: $tags, organizationId: $organizationId, fields: $fields, filter: $filter, sort: $sort) {\n      ...UserPage\n      suggestions\n    }\n  }\n": typeof types.UsersDocument,
    "\n  fragment UserAbilities on UserPermissions {\n    update\n    updateOwnProfileOnly\n    readPrivateFields\n    changeFields\n    changeIdentities\n    changeRole\n    changeSuspended\n    changeVerified\n    verifyIdentities\n    makeUnverifiedEmailPrimary\n    setPassword\n    unlock\n    delete\n    merge\n  }\n": typeof types.UserAbilitiesFragmentDoc,
    "\n  fragment UserProfile on User {\n    id\n    name\n    email\n    role\n    phone\n    tags\n    timeZone\n    locale\n    externalId\n    alias\n    details\n    notes\n    verified\n    suspended\n    version\n    createdVia\n    createdAt\n    updatedAt\n    organization {\n      ...OrganizationRef\n    }\n    identities {\n      ...IdentityDetails\n    }\n    fields {\n      ...FieldValue\n    }\n    viewerCan {\n      ...UserAbilities\n    }\n  }\n": typeof types.UserProfileFragmentDoc,
    "\n  query User($id: ID!) {\n    user(id: $id) {\n      ...UserProfile\n    }\n  }\n": typeof types.UserDocument,
    "\n  fragment WarningDetails on UserWarning {\n    code\n    field\n    message\n  }\n": typeof types.WarningDetailsFragmentDoc,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        ...UserProfile\n      }\n      warnings {\n        ...WarningDetails\n      }\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!, $expectedVersion: Int) {\n    updateUser(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...UserProfile\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  mutation DeleteUser($id: ID!) {\n    deleteUser(id: $id)\n  }\n": typeof types.DeleteUserDocument,
    "\n  mutation SetUserPassword($id: ID!, $password: String!) {\n    setUserPassword(id: $id, password: $password)\n  }\n": typeof types.SetUserPasswordDocument,
    "\n  mutation UnlockUser($id: ID!) {\n    unlockUser(id: $id)\n  }\n": typeof types.UnlockUserDocument,
    "\n  fragment HistoryEvent on UserEvent {\n    id\n    action\n    source\n    createdAt\n    actor {\n      kind\n      tokenName\n      user {\n        id\n        name\n      }\n    }\n    changes {\n      field\n      oldValue\n      newValue\n      redacted\n      oldDisplay {\n        ...HistoryValueFields\n      }\n      newDisplay {\n        ...HistoryValueFields\n      }\n    }\n  }\n": typeof types.HistoryEventFragmentDoc,
    "\n  fragment HistoryValueFields on HistoryValue {\n    kind\n    value\n    label\n    refId\n    gone\n  }\n": typeof types.HistoryValueFieldsFragmentDoc,
    "\n  query UserEvents($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      id\n      events(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            ...HistoryEvent\n          }\n        }\n      }\n    }\n  }\n": typeof types.UserEventsDocument,
    "\n  query TextVersions($id: ID!) {\n    user(id: $id) {\n      id\n      notes: textVersions(field: NOTES) {\n        version\n        value\n        changedAt\n        changedBy {\n          id\n          name\n        }\n      }\n      details: textVersions(field: DETAILS) {\n        version\n        value\n        changedAt\n        changedBy {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.TextVersionsDocument,
    "\n  mutation ResendVerification($userId: ID!) {\n    resendVerification(userId: $userId)\n  }\n": typeof types.ResendVerificationDocument,
    "\n  fragment WebhookDetails on Webhook {\n    id\n    url\n    events\n    secretHint\n    createdAt\n    updatedAt\n  }\n": typeof types.WebhookDetailsFragmentDoc,
    "\n  fragment WebhookDeliveryDetails on WebhookDelivery {\n    id\n    event\n    status\n    attempts\n    responseStatus\n    lastResponse\n    reason\n    createdAt\n    sentAt\n    nextAttemptAt\n  }\n": typeof types.WebhookDeliveryDetailsFragmentDoc,
    "\n  query Webhooks {\n    webhooks {\n      ...WebhookDetails\n    }\n  }\n": typeof types.WebhooksDocument,
    "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook {\n        ...WebhookDetails\n      }\n    }\n  }\n": typeof types.CreateWebhookDocument,
    "\n  mutation UpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {\n    updateWebhook(id: $id, input: $input) {\n      ...WebhookDetails\n    }\n  }\n": typeof types.UpdateWebhookDocument,
    "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n": typeof types.DeleteWebhookDocument,
    "\n  mutation TestWebhook($id: ID!) {\n    testWebhook(id: $id) {\n      ...WebhookDeliveryDetails\n    }\n  }\n": typeof types.TestWebhookDocument,
    "\n  query WebhookDeliveries($id: ID!, $first: Int!, $after: String) {\n    webhook(id: $id) {\n      id\n      deliveries(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...WebhookDeliveryDetails\n          }\n        }\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
};
const documents: Documents = {
    "\n  fragment Viewer on User {\n    id\n    name\n    email\n    role\n  }\n": types.ViewerFragmentDoc,
    "\n  fragment ViewerAbilities on ViewerPermissions {\n    changeOwnPassword\n    restoreUsers\n    eraseUsers\n    manageTeam\n    createStaff\n    createUsers\n    listUsers\n    manageApiTokens\n    manageOrganizations\n    manageUserFields\n    readOrganizations\n    readUserFields\n    shareCustomerLists\n    importUsers\n    emailUsers\n    readOutbox\n    manageWebhooks\n    manageSettings\n  }\n": types.ViewerAbilitiesFragmentDoc,
    "\n  query Me {\n    me {\n      ...Viewer\n    }\n    viewerCan {\n      ...ViewerAbilities\n    }\n  }\n": types.MeDocument,
    "\n    mutation SignIn($email: String!, $password: String!) {\n      signIn(email: $email, password: $password) {\n        ...Viewer\n      }\n    }\n  ": types.SignInDocument,
    "\n    mutation SignOut {\n      signOut\n    }\n  ": types.SignOutDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  fragment OwnProfile on User {\n    id\n    name\n    email\n    role\n    phone\n    timeZone\n    locale\n  }\n": types.OwnProfileFragmentDoc,
    "\n  query MyProfile {\n    me {\n      ...OwnProfile\n    }\n  }\n": types.MyProfileDocument,
    "\n  mutation UpdateMyProfile($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...OwnProfile\n    }\n  }\n": types.UpdateMyProfileDocument,
    "\n  fragment FieldDefinition on UserField {\n    id\n    key\n    title\n    description\n    type\n    pattern\n    patternHint\n    lookupTarget\n    required\n    active\n    position\n    createdAt\n    updatedAt\n    options {\n      id\n      title\n      value\n      position\n    }\n  }\n": types.FieldDefinitionFragmentDoc,
    "\n  fragment FieldValue on UserFieldValue {\n    key\n    type\n    value\n    values\n    text\n    number\n    boolean\n    date\n    options {\n      id\n      title\n      value\n    }\n    user {\n      id\n      name\n    }\n    organization {\n      ...OrganizationRef\n    }\n    field {\n      id\n      key\n      title\n      description\n      type\n      required\n      pattern\n      patternHint\n      lookupTarget\n      options {\n        id\n        title\n        value\n      }\n    }\n  }\n": types.FieldValueFragmentDoc,
    "\n  query UserFields($active: Boolean) {\n    userFields(active: $active) {\n      ...FieldDefinition\n    }\n  }\n": types.UserFieldsDocument,
    "\n  mutation CreateUserField($input: CreateUserFieldInput!) {\n    createUserField(input: $input) {\n      ...FieldDefinition\n    }\n  }\n": types.CreateUserFieldDocument,
    "\n  mutation UpdateUserField($id: ID!, $input: UpdateUserFieldInput!) {\n    updateUserField(id: $id, input: $input) {\n      ...FieldDefinition\n    }\n  }\n": types.UpdateUserFieldDocument,
    "\n  mutation ReorderUserFields($ids: [ID!]!) {\n    reorderUserFields(ids: $ids) {\n      ...FieldDefinition\n    }\n  }\n": types.ReorderUserFieldsDocument,
    "\n  mutation DeleteUserField($id: ID!) {\n    deleteUserField(id: $id)\n  }\n": types.DeleteUserFieldDocument,
    "\n  query LookupUsers($query: String, $first: Int) {\n    users(query: $query, first: $first) {\n      edges {\n        node {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": types.LookupUsersDocument,
    "\n  query MissingValueCounts {\n    userFields {\n      id\n      missingValueCount\n    }\n  }\n": types.MissingValueCountsDocument,
    "\n  query HelpCenter {\n    helpCenter {\n      deskName\n      signUpOpen\n    }\n  }\n": types.HelpCenterDocument,
    "\n    mutation SignUp($input: SignUpInput!) {\n      signUp(input: $input) {\n        received\n      }\n    }\n  ": types.SignUpDocument,
    "\n  query AccountLink($token: String!) {\n    accountLink(token: $token) {\n      state\n      purpose\n    }\n  }\n": types.AccountLinkDocument,
    "\n    mutation UseAccountLink($token: String!, $password: String!) {\n      useAccountLink(token: $token, password: $password) {\n        ...Viewer\n      }\n    }\n  ": types.UseAccountLinkDocument,
    "\n  mutation RenewAccountLink($token: String!) {\n    renewAccountLink(token: $token)\n  }\n": types.RenewAccountLinkDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  fragment HelpTicket on Ticket {\n    id\n    subject\n    status\n    updatedAt\n  }\n": types.HelpTicketFragmentDoc,
    "\n  query MyRequests {\n    me {\n      id\n      requestedTickets(first: 50) {\n        edges {\n          node {\n            ...HelpTicket\n          }\n        }\n      }\n      ccTickets(first: 50) {\n        edges {\n          node {\n            ...HelpTicket\n          }\n        }\n      }\n    }\n  }\n": types.MyRequestsDocument,
    "\n  query MyRequest($id: ID!) {\n    ticket(id: $id) {\n      ...HelpTicket\n      comments(first: 100) {\n        edges {\n          node {\n            id\n            body\n            createdAt\n            authorName\n          }\n        }\n      }\n    }\n  }\n": types.MyRequestDocument,
    "\n  mutation ReplyToMyRequest($ticketId: ID!, $body: String!) {\n    replyToMyRequest(ticketId: $ticketId, body: $body) {\n      id\n      body\n      createdAt\n      authorName\n    }\n  }\n": types.ReplyToMyRequestDocument,
    "\n  fragment ImportJobSummary on ImportJob {\n    id\n    status\n    mode\n    fileName\n    rowsTotal\n    rowsRead\n    created\n    updated\n    unchanged\n    failed\n    warningCount\n    rowsPerSecond\n    secondsLeft\n    fileError\n    failedRowsUrl\n    warningsUrl\n    createdAt\n    finishedAt\n  }\n": types.ImportJobSummaryFragmentDoc,
    "\n  query ImportJobs($first: Int, $after: String) {\n    importJobs(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...ImportJobSummary\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": types.ImportJobsDocument,
    "\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      ...ImportJobSummary\n      errors(first: 100) {\n        cursor\n        line\n        column\n        code\n        message\n      }\n      warnings(first: 100) {\n        cursor\n        line\n        column\n        code\n        message\n      }\n    }\n  }\n": types.ImportJobDocument,
    "\n  mutation RunImportJob($id: ID!) {\n    runImportJob(id: $id) {\n      ...ImportJobSummary\n    }\n  }\n": types.RunImportJobDocument,
    "\n  mutation CancelImportJob($id: ID!) {\n    cancelImportJob(id: $id) {\n      ...ImportJobSummary\n    }\n  }\n": types.CancelImportJobDocument,
    "\n  fragment CustomerListSummary on CustomerList {\n    id\n    name\n    shared\n    userCount\n  }\n": types.CustomerListSummaryFragmentDoc,
    "\n  query CustomerLists {\n    customerLists {\n      ...CustomerListSummary\n    }\n  }\n": types.CustomerListsDocument,
    "\n  query CustomerList($id: ID!) {\n    customerList(id: $id) {\n      ...CustomerListSummary\n      columns\n      viewerCanManage\n      sort {\n        field\n        direction\n      }\n      filter {\n        query\n        tagsAll\n        tagsAny\n        tagsNone\n        organizationId\n        withoutOrganization\n        roles\n        verified\n        suspended\n        createdAfter\n        createdBefore\n        updatedAfter\n        updatedBefore\n        fields {\n          key\n          equals\n          values\n          isEmpty\n          before\n          after\n        }\n      }\n    }\n  }\n": types.CustomerListDocument,
    "\n  mutation CreateCustomerList($input: CreateCustomerListInput!) {\n    createCustomerList(input: $input) {\n      ...CustomerListSummary\n    }\n  }\n": types.CreateCustomerListDocument,
    "\n  mutation UpdateCustomerList($id: ID!, $input: UpdateCustomerListInput!) {\n    updateCustomerList(id: $id, input: $input) {\n      ...CustomerListSummary\n    }\n  }\n": types.UpdateCustomerListDocument,
    "\n  mutation DeleteCustomerList($id: ID!) {\n    deleteCustomerList(id: $id)\n  }\n": types.DeleteCustomerListDocument,
    "\n  query ListUsers($first: Int, $after: String, $filter: UserFilterInput, $sort: UserSortInput) {\n    users(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...UserListItem\n          phone\n          tags\n          externalId\n          alias\n          timeZone\n          locale\n          verified\n          updatedAt\n          fields {\n            key\n            type\n            text\n            number\n            boolean\n            date\n            value\n          }\n        }\n      }\n    }\n  }\n": types.ListUsersDocument,
    "\n  mutation BulkUpdateUsers($input: BulkUpdateUsersInput!) {\n    bulkUpdateUsers(input: $input) {\n      matched\n      changed\n      failedCount\n      failed {\n        id\n        code\n        message\n      }\n    }\n  }\n": types.BulkUpdateUsersDocument,
    "\n  mutation BulkDeleteUsers($input: BulkDeleteUsersInput!) {\n    bulkDeleteUsers(input: $input) {\n      matched\n      changed\n      failedCount\n      failed {\n        id\n        code\n        message\n      }\n    }\n  }\n": types.BulkDeleteUsersDocument,
    "\n  fragment OutboxMessageItem on OutboxMessage {\n    id\n    kind\n    to\n    subject\n    status\n    reason\n    attempts\n    createdAt\n    sentAt\n  }\n": types.OutboxMessageItemFragmentDoc,
    "\n  mutation SendUserEmail($userId: ID!, $input: SendUserEmailInput!) {\n    sendUserEmail(userId: $userId, input: $input) {\n      ...OutboxMessageItem\n    }\n  }\n": types.SendUserEmailDocument,
    "\n  fragment OutboxMessagePage on OutboxMessageConnection {\n    edges {\n      cursor\n      node {\n        ...OutboxMessageItem\n      }\n    }\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n  }\n": types.OutboxMessagePageFragmentDoc,
    "\n  query UserMessages($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      id\n      messages(first: $first, after: $after) {\n        ...OutboxMessagePage\n      }\n    }\n  }\n": types.UserMessagesDocument,
    "\n  query Outbox($status: OutboxStatus, $first: Int, $after: String) {\n    outbox(status: $status, first: $first, after: $after) {\n      ...OutboxMessagePage\n    }\n  }\n": types.OutboxDocument,
    "\n  fragment OrganizationRef on Organization {\n    id\n    name\n  }\n": types.OrganizationRefFragmentDoc,
    "\n  fragment OrganizationDetails on Organization {\n    id\n    name\n    domains\n    details\n    notes\n    tags\n    externalId\n    userCount\n    createdAt\n    updatedAt\n  }\n": types.OrganizationDetailsFragmentDoc,
    "\n  fragment OrganizationListItem on Organization {\n    id\n    name\n    domains\n    userCount\n    createdAt\n  }\n": types.OrganizationListItemFragmentDoc,
    "\n  query Organizations($first: Int, $after: String, $query: String) {\n    organizations(first: $first, after: $after, query: $query) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...OrganizationListItem\n        }\n      }\n    }\n  }\n": types.OrganizationsDocument,
    "\n  fragment OrganizationSuggestion on Organization {\n    id\n    name\n    domains\n  }\n": types.OrganizationSuggestionFragmentDoc,
    "\n  query OrganizationSuggestions($query: String, $first: Int) {\n    organizations(query: $query, first: $first) {\n      edges {\n        node {\n          ...OrganizationSuggestion\n        }\n      }\n    }\n  }\n": types.OrganizationSuggestionsDocument,
    "\n  query Organization($id: ID!) {\n    organization(id: $id) {\n      ...OrganizationDetails\n    }\n  }\n": types.OrganizationDocument,
    "\n  query OrganizationName($id: ID!) {\n    organization(id: $id) {\n      ...OrganizationRef\n    }\n  }\n": types.OrganizationNameDocument,
    "\n  query OrganizationUsers($id: ID!, $first: Int, $after: String) {\n    organization(id: $id) {\n      id\n      users(first: $first, after: $after) {\n        ...UserPage\n      }\n    }\n  }\n": types.OrganizationUsersDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      ...OrganizationDetails\n    }\n  }\n": types.CreateOrganizationDocument,
    "\n  mutation UpdateOrganization($id: ID!, $input: UpdateOrganizationInput!) {\n    updateOrganization(id: $id, input: $input) {\n      ...OrganizationDetails\n    }\n  }\n": types.UpdateOrganizationDocument,
    "\n  mutation DeleteOrganization($id: ID!) {\n    deleteOrganization(id: $id)\n  }\n": types.DeleteOrganizationDocument,
    "\n  fragment DeskSettings on Settings {\n    id\n    version\n    requestAccess\n    helpCenterSignUp\n    requireVerification\n    welcomeOnAgentCreate\n    agentsMayDeleteUsers\n    acknowledgeRequests\n    welcomeSubject\n    welcomeBody\n    deskName\n    allowList\n    blockList\n  }\n": types.DeskSettingsFragmentDoc,
    "\n  query DeskSettings {\n    settings {\n      ...DeskSettings\n    }\n  }\n": types.DeskSettingsDocument,
    "\n  mutation UpdateSettings($input: UpdateSettingsInput!) {\n    updateSettings(input: $input) {\n      ...DeskSettings\n    }\n  }\n": types.UpdateSettingsDocument,
    "\n  query PreviewWelcomeEmail($input: PreviewWelcomeEmailInput!) {\n    previewWelcomeEmail(input: $input) {\n      to\n      subject\n      text\n    }\n  }\n": types.PreviewWelcomeEmailDocument,
    "\n  query TagSuggestions($query: String, $first: Int) {\n    tags(query: $query, first: $first) {\n      name\n      count\n    }\n  }\n": types.TagSuggestionsDocument,
    "\n  fragment TeamMember on User {\n    id\n    name\n    email\n    role\n    suspended\n    lastSignInAt\n    invitedAt\n  }\n": types.TeamMemberFragmentDoc,
    "\n  query Team($first: Int, $after: String, $query: String) {\n    users(first: $first, after: $after, query: $query, filter: { roles: [AGENT, ADMIN] }) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...TeamMember\n        }\n      }\n    }\n  }\n": types.TeamDocument,
    "\n  mutation InviteTeamMember($input: InviteTeamMemberInput!) {\n    inviteTeamMember(input: $input) {\n      ...TeamMember\n    }\n  }\n": types.InviteTeamMemberDocument,
    "\n  mutation ResendInvitation($userId: ID!) {\n    resendInvitation(userId: $userId) {\n      ...TeamMember\n    }\n  }\n": types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($userId: ID!) {\n    revokeInvitation(userId: $userId)\n  }\n": types.RevokeInvitationDocument,
    "\n  fragment TicketPerson on User {\n    id\n    name\n    email\n  }\n": types.TicketPersonFragmentDoc,
    "\n  fragment TicketListItem on Ticket {\n    id\n    subject\n    status\n    held\n    via\n    createdAt\n    updatedAt\n    requester {\n      ...TicketPerson\n    }\n  }\n": types.TicketListItemFragmentDoc,
    "\n  fragment TicketDetail on Ticket {\n    id\n    subject\n    status\n    held\n    via\n    createdAt\n    updatedAt\n    requester {\n      ...TicketPerson\n    }\n    submitter {\n      ...TicketPerson\n    }\n    ccs {\n      ...TicketPerson\n    }\n    comments(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          body\n          public\n          via\n          attachments\n          createdAt\n          author {\n            ...TicketPerson\n          }\n        }\n      }\n    }\n    sideConversations {\n      id\n      subject\n      createdAt\n      participants {\n        ...TicketPerson\n      }\n      messages {\n        id\n        body\n        createdAt\n        author {\n          ...TicketPerson\n        }\n      }\n    }\n  }\n": types.TicketDetailFragmentDoc,
    "\n  query Tickets($first: Int, $after: String, $query: String, $status: TicketStatus, $held: Boolean, $requesterId: ID) {\n    tickets(first: $first, after: $after, query: $query, status: $status, held: $held, requesterId: $requesterId) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...TicketListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n": types.TicketsDocument,
    "\n  query UserTickets($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      id\n      requestedTickets(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...TicketListItem\n          }\n        }\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n": types.UserTicketsDocument,
    "\n  query UserCcTickets($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      id\n      ccTickets(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...TicketListItem\n          }\n        }\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n": types.UserCcTicketsDocument,
    "\n  query Ticket($id: ID!) {\n    ticket(id: $id) {\n      ...TicketDetail\n    }\n  }\n": types.TicketDocument,
    "\n  query RequesterSuggestions($query: String, $first: Int) {\n    users(query: $query, first: $first) {\n      edges {\n        node {\n          ...TicketPerson\n        }\n      }\n    }\n  }\n": types.RequesterSuggestionsDocument,
    "\n  mutation CreateTicket($input: CreateTicketInput!) {\n    createTicket(input: $input) {\n      ticket {\n        id\n      }\n      createdUsers {\n        ...TicketPerson\n      }\n      warnings {\n        ...WarningDetails\n      }\n    }\n  }\n": types.CreateTicketDocument,
    "\n  mutation UpdateTicket($id: ID!, $input: UpdateTicketInput!) {\n    updateTicket(id: $id, input: $input) {\n      ...TicketDetail\n    }\n  }\n": types.UpdateTicketDocument,
    "\n  mutation AddTicketComment($ticketId: ID!, $input: AddTicketCommentInput!) {\n    addTicketComment(ticketId: $ticketId, input: $input) {\n      ticket {\n        ...TicketDetail\n      }\n    }\n  }\n": types.AddTicketCommentDocument,
    "\n  mutation AddTicketCc($ticketId: ID!, $user: UserRefInput!) {\n    addTicketCc(ticketId: $ticketId, user: $user) {\n      ticket {\n        ...TicketDetail\n      }\n      createdUser {\n        ...TicketPerson\n      }\n      warnings {\n        ...WarningDetails\n      }\n    }\n  }\n": types.AddTicketCcDocument,
    "\n  mutation RemoveTicketCc($ticketId: ID!, $userId: ID!) {\n    removeTicketCc(ticketId: $ticketId, userId: $userId) {\n      ticket {\n        ...TicketDetail\n      }\n    }\n  }\n": types.RemoveTicketCcDocument,
    "\n  mutation StartSideConversation($input: StartSideConversationInput!) {\n    startSideConversation(input: $input) {\n      sideConversation {\n        id\n      }\n      createdUsers {\n        ...TicketPerson\n      }\n      warnings {\n        ...WarningDetails\n      }\n    }\n  }\n": types.StartSideConversationDocument,
    "\n  mutation AddSideConversationMessage($input: AddSideConversationMessageInput!) {\n    addSideConversationMessage(input: $input) {\n      message {\n        id\n      }\n    }\n  }\n": types.AddSideConversationMessageDocument,
    "\n  mutation SubmitRequest($input: SubmitRequestInput!) {\n    submitRequest(input: $input) {\n      received\n    }\n  }\n": types.SubmitRequestDocument,
    "\n  query TicketEvents($id: ID!, $first: Int) {\n    ticket(id: $id) {\n      id\n      events(first: $first) {\n        totalCount\n        edges {\n          node {\n            id\n            action\n            source\n            createdAt\n            actor {\n              kind\n              tokenName\n              user {\n                id\n                name\n              }\n            }\n            changes {\n              field\n              oldValue\n              newValue\n            }\n          }\n        }\n      }\n    }\n  }\n": types.TicketEventsDocument,
    "\n  fragment ApiTokenDetails on ApiToken {\n    id\n    name\n    scopes\n    createdAt\n    lastUsedAt\n    revokedAt\n    createdBy {\n      id\n      name\n    }\n  }\n": types.ApiTokenDetailsFragmentDoc,
    "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenDetails\n    }\n  }\n": types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      secret\n      token {\n        ...ApiTokenDetails\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenDetails\n    }\n  }\n": types.RevokeApiTokenDocument,
    "\n  fragment IdentityDetails on UserIdentity {\n    id\n    type\n    value\n    displayValue\n    primary\n    verified\n    deliverability\n    shared\n    createdAt\n    sharedWith {\n      id\n      name\n    }\n  }\n": types.IdentityDetailsFragmentDoc,
    "\n  mutation AddUserIdentity($userId: ID!, $input: AddUserIdentityInput!) {\n    addUserIdentity(userId: $userId, input: $input) {\n      identity {\n        ...IdentityDetails\n      }\n      user {\n        ...UserProfile\n      }\n      warnings {\n        ...WarningDetails\n        existingUserId\n      }\n    }\n  }\n": types.AddUserIdentityDocument,
    "\n  mutation RemoveUserIdentity($id: ID!) {\n    removeUserIdentity(id: $id) {\n      ...UserProfile\n    }\n  }\n": types.RemoveUserIdentityDocument,
    "\n  mutation MakeUserIdentityPrimary($id: ID!) {\n    makeUserIdentityPrimary(id: $id) {\n      ...UserProfile\n    }\n  }\n": types.MakeUserIdentityPrimaryDocument,
    "\n  mutation VerifyUserIdentity($id: ID!) {\n    verifyUserIdentity(id: $id) {\n      ...IdentityDetails\n    }\n  }\n": types.VerifyUserIdentityDocument,
    "\n  fragment DeletedCustomer on DeletedUser {\n    id\n    name\n    email\n    phone\n    deletedAt\n    eraseAfter\n    deletedBy {\n      id\n      name\n    }\n  }\n": types.DeletedCustomerFragmentDoc,
    "\n  query DeletedUsers($first: Int, $after: String) {\n    deletedUsers(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...DeletedCustomer\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": types.DeletedUsersDocument,
    "\n  mutation RestoreUser($id: ID!) {\n    restoreUser(id: $id) {\n      id\n      name\n    }\n  }\n": types.RestoreUserDocument,
    "\n  mutation EraseUser($id: ID!) {\n    eraseUser(id: $id)\n  }\n": types.EraseUserDocument,
    "\n  query PossibleDuplicates($id: ID!) {\n    user(id: $id) {\n      id\n      possibleDuplicates {\n        id\n        name\n        email\n        phone\n        identities {\n          type\n          primary\n          displayValue\n        }\n      }\n    }\n  }\n": types.PossibleDuplicatesDocument,
    "\n  query MergeUsersPreview($sourceId: ID!, $targetId: ID!) {\n    mergeUsersPreview(sourceId: $sourceId, targetId: $targetId) {\n      source {\n        id\n        name\n        identities {\n          type\n          value\n          displayValue\n        }\n      }\n      target {\n        id\n        name\n      }\n      emails\n      phones\n      tags\n      choices {\n        field\n        title\n        sourceValue\n        targetValue\n        sourceDisplay {\n          ...HistoryValueFields\n        }\n        targetDisplay {\n          ...HistoryValueFields\n        }\n      }\n      ticketsRequested\n      ticketsCopied\n      historyEntries\n    }\n  }\n": types.MergeUsersPreviewDocument,
    "\n  mutation MergeUsers($input: MergeUsersInput!) {\n    mergeUsers(input: $input) {\n      id\n    }\n  }\n": types.MergeUsersDocument,
    "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    endCursor\n  }\n": types.PageInfoFieldsFragmentDoc,
    "\n  fragment UserListItem on User {\n    id\n    name\n    email\n    role\n    suspended\n    createdAt\n    organization {\n      ...OrganizationRef\n    }\n    identities {\n      type\n      primary\n      displayValue\n    }\n  }\n": types.UserListItemFragmentDoc,
    "\n  fragment UserPage on UserConnection {\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n    edges {\n      cursor\n      node {\n        ...UserListItem\n      }\n    }\n  }\n": types.UserPageFragmentDoc,
    "\n  query Users(\n    $first: Int\n    $after: String\n    $query: String\n    $tags: [String!]\n    $organizationId: ID\n    $fields: [UserFieldFilter!]\n    $filter: UserFilterInput\n    $sort: UserSortInput\n  ) {\n    users(first: $first, after: $after, query: $query, tags: $tags, organizationId: $organizationId, fields: $fields, filter: $filter, sort: $sort) {\n      ...UserPage\n      suggestions\n    }\n  }\n": types.UsersDocument,
    "\n  fragment UserAbilities on UserPermissions {\n    update\n    updateOwnProfileOnly\n    readPrivateFields\n    changeFields\n    changeIdentities\n    changeRole\n    changeSuspended\n    changeVerified\n    verifyIdentities\n    makeUnverifiedEmailPrimary\n    setPassword\n    unlock\n    delete\n    merge\n  }\n": types.UserAbilitiesFragmentDoc,
    "\n  fragment UserProfile on User {\n    id\n    name\n    email\n    role\n    phone\n    tags\n    timeZone\n    locale\n    externalId\n    alias\n    details\n    notes\n    verified\n    suspended\n    version\n    createdVia\n    createdAt\n    updatedAt\n    organization {\n      ...OrganizationRef\n    }\n    identities {\n      ...IdentityDetails\n    }\n    fields {\n      ...FieldValue\n    }\n    viewerCan {\n      ...UserAbilities\n    }\n  }\n": types.UserProfileFragmentDoc,
    "\n  query User($id: ID!) {\n    user(id: $id) {\n      ...UserProfile\n    }\n  }\n": types.UserDocument,
    "\n  fragment WarningDetails on UserWarning {\n    code\n    field\n    message\n  }\n": types.WarningDetailsFragmentDoc,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        ...UserProfile\n      }\n      warnings {\n        ...WarningDetails\n      }\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!, $expectedVersion: Int) {\n    updateUser(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...UserProfile\n    }\n  }\n": types.UpdateUserDocument,
    "\n  mutation DeleteUser($id: ID!) {\n    deleteUser(id: $id)\n  }\n": types.DeleteUserDocument,
    "\n  mutation SetUserPassword($id: ID!, $password: String!) {\n    setUserPassword(id: $id, password: $password)\n  }\n": types.SetUserPasswordDocument,
    "\n  mutation UnlockUser($id: ID!) {\n    unlockUser(id: $id)\n  }\n": types.UnlockUserDocument,
    "\n  fragment HistoryEvent on UserEvent {\n    id\n    action\n    source\n    createdAt\n    actor {\n      kind\n      tokenName\n      user {\n        id\n        name\n      }\n    }\n    changes {\n      field\n      oldValue\n      newValue\n      redacted\n      oldDisplay {\n        ...HistoryValueFields\n      }\n      newDisplay {\n        ...HistoryValueFields\n      }\n    }\n  }\n": types.HistoryEventFragmentDoc,
    "\n  fragment HistoryValueFields on HistoryValue {\n    kind\n    value\n    label\n    refId\n    gone\n  }\n": types.HistoryValueFieldsFragmentDoc,
    "\n  query UserEvents($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      id\n      events(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            ...HistoryEvent\n          }\n        }\n      }\n    }\n  }\n": types.UserEventsDocument,
    "\n  query TextVersions($id: ID!) {\n    user(id: $id) {\n      id\n      notes: textVersions(field: NOTES) {\n        version\n        value\n        changedAt\n        changedBy {\n          id\n          name\n        }\n      }\n      details: textVersions(field: DETAILS) {\n        version\n        value\n        changedAt\n        changedBy {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.TextVersionsDocument,
    "\n  mutation ResendVerification($userId: ID!) {\n    resendVerification(userId: $userId)\n  }\n": types.ResendVerificationDocument,
    "\n  fragment WebhookDetails on Webhook {\n    id\n    url\n    events\n    secretHint\n    createdAt\n    updatedAt\n  }\n": types.WebhookDetailsFragmentDoc,
    "\n  fragment WebhookDeliveryDetails on WebhookDelivery {\n    id\n    event\n    status\n    attempts\n    responseStatus\n    lastResponse\n    reason\n    createdAt\n    sentAt\n    nextAttemptAt\n  }\n": types.WebhookDeliveryDetailsFragmentDoc,
    "\n  query Webhooks {\n    webhooks {\n      ...WebhookDetails\n    }\n  }\n": types.WebhooksDocument,
    "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook {\n        ...WebhookDetails\n      }\n    }\n  }\n": types.CreateWebhookDocument,
    "\n  mutation UpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {\n    updateWebhook(id: $id, input: $input) {\n      ...WebhookDetails\n    }\n  }\n": types.UpdateWebhookDocument,
    "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n": types.DeleteWebhookDocument,
    "\n  mutation TestWebhook($id: ID!) {\n    testWebhook(id: $id) {\n      ...WebhookDeliveryDetails\n    }\n  }\n": types.TestWebhookDocument,
    "\n  query WebhookDeliveries($id: ID!, $first: Int!, $after: String) {\n    webhook(id: $id) {\n      id\n      deliveries(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...WebhookDeliveryDetails\n          }\n        }\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n": types.WebhookDeliveriesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Viewer on User {\n    id\n    name\n    email\n    role\n  }\n"): (typeof documents)["\n  fragment Viewer on User {\n    id\n    name\n    email\n    role\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewerAbilities on ViewerPermissions {\n    changeOwnPassword\n    restoreUsers\n    eraseUsers\n    manageTeam\n    createStaff\n    createUsers\n    listUsers\n    manageApiTokens\n    manageOrganizations\n    manageUserFields\n    readOrganizations\n    readUserFields\n    shareCustomerLists\n    importUsers\n    emailUsers\n    readOutbox\n    manageWebhooks\n    manageSettings\n  }\n"): (typeof documents)["\n  fragment ViewerAbilities on ViewerPermissions {\n    changeOwnPassword\n    restoreUsers\n    eraseUsers\n    manageTeam\n    createStaff\n    createUsers\n    listUsers\n    manageApiTokens\n    manageOrganizations\n    manageUserFields\n    readOrganizations\n    readUserFields\n    shareCustomerLists\n    importUsers\n    emailUsers\n    readOutbox\n    manageWebhooks\n    manageSettings\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...Viewer\n    }\n    viewerCan {\n      ...ViewerAbilities\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...Viewer\n    }\n    viewerCan {\n      ...ViewerAbilities\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation SignIn($email: String!, $password: String!) {\n      signIn(email: $email, password: $password) {\n        ...Viewer\n      }\n    }\n  "): (typeof documents)["\n    mutation SignIn($email: String!, $password: String!) {\n      signIn(email: $email, password: $password) {\n        ...Viewer\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation SignOut {\n      signOut\n    }\n  "): (typeof documents)["\n    mutation SignOut {\n      signOut\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OwnProfile on User {\n    id\n    name\n    email\n    role\n    phone\n    timeZone\n    locale\n  }\n"): (typeof documents)["\n  fragment OwnProfile on User {\n    id\n    name\n    email\n    role\n    phone\n    timeZone\n    locale\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyProfile {\n    me {\n      ...OwnProfile\n    }\n  }\n"): (typeof documents)["\n  query MyProfile {\n    me {\n      ...OwnProfile\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMyProfile($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...OwnProfile\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMyProfile($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...OwnProfile\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FieldDefinition on UserField {\n    id\n    key\n    title\n    description\n    type\n    pattern\n    patternHint\n    lookupTarget\n    required\n    active\n    position\n    createdAt\n    updatedAt\n    options {\n      id\n      title\n      value\n      position\n    }\n  }\n"): (typeof documents)["\n  fragment FieldDefinition on UserField {\n    id\n    key\n    title\n    description\n    type\n    pattern\n    patternHint\n    lookupTarget\n    required\n    active\n    position\n    createdAt\n    updatedAt\n    options {\n      id\n      title\n      value\n      position\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FieldValue on UserFieldValue {\n    key\n    type\n    value\n    values\n    text\n    number\n    boolean\n    date\n    options {\n      id\n      title\n      value\n    }\n    user {\n      id\n      name\n    }\n    organization {\n      ...OrganizationRef\n    }\n    field {\n      id\n      key\n      title\n      description\n      type\n      required\n      pattern\n      patternHint\n      lookupTarget\n      options {\n        id\n        title\n        value\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment FieldValue on UserFieldValue {\n    key\n    type\n    value\n    values\n    text\n    number\n    boolean\n    date\n    options {\n      id\n      title\n      value\n    }\n    user {\n      id\n      name\n    }\n    organization {\n      ...OrganizationRef\n    }\n    field {\n      id\n      key\n      title\n      description\n      type\n      required\n      pattern\n      patternHint\n      lookupTarget\n      options {\n        id\n        title\n        value\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserFields($active: Boolean) {\n    userFields(active: $active) {\n      ...FieldDefinition\n    }\n  }\n"): (typeof documents)["\n  query UserFields($active: Boolean) {\n    userFields(active: $active) {\n      ...FieldDefinition\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUserField($input: CreateUserFieldInput!) {\n    createUserField(input: $input) {\n      ...FieldDefinition\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUserField($input: CreateUserFieldInput!) {\n    createUserField(input: $input) {\n      ...FieldDefinition\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUserField($id: ID!, $input: UpdateUserFieldInput!) {\n    updateUserField(id: $id, input: $input) {\n      ...FieldDefinition\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUserField($id: ID!, $input: UpdateUserFieldInput!) {\n    updateUserField(id: $id, input: $input) {\n      ...FieldDefinition\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReorderUserFields($ids: [ID!]!) {\n    reorderUserFields(ids: $ids) {\n      ...FieldDefinition\n    }\n  }\n"): (typeof documents)["\n  mutation ReorderUserFields($ids: [ID!]!) {\n    reorderUserFields(ids: $ids) {\n      ...FieldDefinition\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteUserField($id: ID!) {\n    deleteUserField(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteUserField($id: ID!) {\n    deleteUserField(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LookupUsers($query: String, $first: Int) {\n    users(query: $query, first: $first) {\n      edges {\n        node {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LookupUsers($query: String, $first: Int) {\n    users(query: $query, first: $first) {\n      edges {\n        node {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MissingValueCounts {\n    userFields {\n      id\n      missingValueCount\n    }\n  }\n"): (typeof documents)["\n  query MissingValueCounts {\n    userFields {\n      id\n      missingValueCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HelpCenter {\n    helpCenter {\n      deskName\n      signUpOpen\n    }\n  }\n"): (typeof documents)["\n  query HelpCenter {\n    helpCenter {\n      deskName\n      signUpOpen\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation SignUp($input: SignUpInput!) {\n      signUp(input: $input) {\n        received\n      }\n    }\n  "): (typeof documents)["\n    mutation SignUp($input: SignUpInput!) {\n      signUp(input: $input) {\n        received\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountLink($token: String!) {\n    accountLink(token: $token) {\n      state\n      purpose\n    }\n  }\n"): (typeof documents)["\n  query AccountLink($token: String!) {\n    accountLink(token: $token) {\n      state\n      purpose\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation UseAccountLink($token: String!, $password: String!) {\n      useAccountLink(token: $token, password: $password) {\n        ...Viewer\n      }\n    }\n  "): (typeof documents)["\n    mutation UseAccountLink($token: String!, $password: String!) {\n      useAccountLink(token: $token, password: $password) {\n        ...Viewer\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenewAccountLink($token: String!) {\n    renewAccountLink(token: $token)\n  }\n"): (typeof documents)["\n  mutation RenewAccountLink($token: String!) {\n    renewAccountLink(token: $token)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HelpTicket on Ticket {\n    id\n    subject\n    status\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment HelpTicket on Ticket {\n    id\n    subject\n    status\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyRequests {\n    me {\n      id\n      requestedTickets(first: 50) {\n        edges {\n          node {\n            ...HelpTicket\n          }\n        }\n      }\n      ccTickets(first: 50) {\n        edges {\n          node {\n            ...HelpTicket\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyRequests {\n    me {\n      id\n      requestedTickets(first: 50) {\n        edges {\n          node {\n            ...HelpTicket\n          }\n        }\n      }\n      ccTickets(first: 50) {\n        edges {\n          node {\n            ...HelpTicket\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyRequest($id: ID!) {\n    ticket(id: $id) {\n      ...HelpTicket\n      comments(first: 100) {\n        edges {\n          node {\n            id\n            body\n            createdAt\n            authorName\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyRequest($id: ID!) {\n    ticket(id: $id) {\n      ...HelpTicket\n      comments(first: 100) {\n        edges {\n          node {\n            id\n            body\n            createdAt\n            authorName\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplyToMyRequest($ticketId: ID!, $body: String!) {\n    replyToMyRequest(ticketId: $ticketId, body: $body) {\n      id\n      body\n      createdAt\n      authorName\n    }\n  }\n"): (typeof documents)["\n  mutation ReplyToMyRequest($ticketId: ID!, $body: String!) {\n    replyToMyRequest(ticketId: $ticketId, body: $body) {\n      id\n      body\n      createdAt\n      authorName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImportJobSummary on ImportJob {\n    id\n    status\n    mode\n    fileName\n    rowsTotal\n    rowsRead\n    created\n    updated\n    unchanged\n    failed\n    warningCount\n    rowsPerSecond\n    secondsLeft\n    fileError\n    failedRowsUrl\n    warningsUrl\n    createdAt\n    finishedAt\n  }\n"): (typeof documents)["\n  fragment ImportJobSummary on ImportJob {\n    id\n    status\n    mode\n    fileName\n    rowsTotal\n    rowsRead\n    created\n    updated\n    unchanged\n    failed\n    warningCount\n    rowsPerSecond\n    secondsLeft\n    fileError\n    failedRowsUrl\n    warningsUrl\n    createdAt\n    finishedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportJobs($first: Int, $after: String) {\n    importJobs(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...ImportJobSummary\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ImportJobs($first: Int, $after: String) {\n    importJobs(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...ImportJobSummary\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      ...ImportJobSummary\n      errors(first: 100) {\n        cursor\n        line\n        column\n        code\n        message\n      }\n      warnings(first: 100) {\n        cursor\n        line\n        column\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      ...ImportJobSummary\n      errors(first: 100) {\n        cursor\n        line\n        column\n        code\n        message\n      }\n      warnings(first: 100) {\n        cursor\n        line\n        column\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunImportJob($id: ID!) {\n    runImportJob(id: $id) {\n      ...ImportJobSummary\n    }\n  }\n"): (typeof documents)["\n  mutation RunImportJob($id: ID!) {\n    runImportJob(id: $id) {\n      ...ImportJobSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelImportJob($id: ID!) {\n    cancelImportJob(id: $id) {\n      ...ImportJobSummary\n    }\n  }\n"): (typeof documents)["\n  mutation CancelImportJob($id: ID!) {\n    cancelImportJob(id: $id) {\n      ...ImportJobSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerListSummary on CustomerList {\n    id\n    name\n    shared\n    userCount\n  }\n"): (typeof documents)["\n  fragment CustomerListSummary on CustomerList {\n    id\n    name\n    shared\n    userCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerLists {\n    customerLists {\n      ...CustomerListSummary\n    }\n  }\n"): (typeof documents)["\n  query CustomerLists {\n    customerLists {\n      ...CustomerListSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerList($id: ID!) {\n    customerList(id: $id) {\n      ...CustomerListSummary\n      columns\n      viewerCanManage\n      sort {\n        field\n        direction\n      }\n      filter {\n        query\n        tagsAll\n        tagsAny\n        tagsNone\n        organizationId\n        withoutOrganization\n        roles\n        verified\n        suspended\n        createdAfter\n        createdBefore\n        updatedAfter\n        updatedBefore\n        fields {\n          key\n          equals\n          values\n          isEmpty\n          before\n          after\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerList($id: ID!) {\n    customerList(id: $id) {\n      ...CustomerListSummary\n      columns\n      viewerCanManage\n      sort {\n        field\n        direction\n      }\n      filter {\n        query\n        tagsAll\n        tagsAny\n        tagsNone\n        organizationId\n        withoutOrganization\n        roles\n        verified\n        suspended\n        createdAfter\n        createdBefore\n        updatedAfter\n        updatedBefore\n        fields {\n          key\n          equals\n          values\n          isEmpty\n          before\n          after\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCustomerList($input: CreateCustomerListInput!) {\n    createCustomerList(input: $input) {\n      ...CustomerListSummary\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCustomerList($input: CreateCustomerListInput!) {\n    createCustomerList(input: $input) {\n      ...CustomerListSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCustomerList($id: ID!, $input: UpdateCustomerListInput!) {\n    updateCustomerList(id: $id, input: $input) {\n      ...CustomerListSummary\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCustomerList($id: ID!, $input: UpdateCustomerListInput!) {\n    updateCustomerList(id: $id, input: $input) {\n      ...CustomerListSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCustomerList($id: ID!) {\n    deleteCustomerList(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteCustomerList($id: ID!) {\n    deleteCustomerList(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListUsers($first: Int, $after: String, $filter: UserFilterInput, $sort: UserSortInput) {\n    users(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...UserListItem\n          phone\n          tags\n          externalId\n          alias\n          timeZone\n          locale\n          verified\n          updatedAt\n          fields {\n            key\n            type\n            text\n            number\n            boolean\n            date\n            value\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ListUsers($first: Int, $after: String, $filter: UserFilterInput, $sort: UserSortInput) {\n    users(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...UserListItem\n          phone\n          tags\n          externalId\n          alias\n          timeZone\n          locale\n          verified\n          updatedAt\n          fields {\n            key\n            type\n            text\n            number\n            boolean\n            date\n            value\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkUpdateUsers($input: BulkUpdateUsersInput!) {\n    bulkUpdateUsers(input: $input) {\n      matched\n      changed\n      failedCount\n      failed {\n        id\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BulkUpdateUsers($input: BulkUpdateUsersInput!) {\n    bulkUpdateUsers(input: $input) {\n      matched\n      changed\n      failedCount\n      failed {\n        id\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkDeleteUsers($input: BulkDeleteUsersInput!) {\n    bulkDeleteUsers(input: $input) {\n      matched\n      changed\n      failedCount\n      failed {\n        id\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BulkDeleteUsers($input: BulkDeleteUsersInput!) {\n    bulkDeleteUsers(input: $input) {\n      matched\n      changed\n      failedCount\n      failed {\n        id\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OutboxMessageItem on OutboxMessage {\n    id\n    kind\n    to\n    subject\n    status\n    reason\n    attempts\n    createdAt\n    sentAt\n  }\n"): (typeof documents)["\n  fragment OutboxMessageItem on OutboxMessage {\n    id\n    kind\n    to\n    subject\n    status\n    reason\n    attempts\n    createdAt\n    sentAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendUserEmail($userId: ID!, $input: SendUserEmailInput!) {\n    sendUserEmail(userId: $userId, input: $input) {\n      ...OutboxMessageItem\n    }\n  }\n"): (typeof documents)["\n  mutation SendUserEmail($userId: ID!, $input: SendUserEmailInput!) {\n    sendUserEmail(userId: $userId, input: $input) {\n      ...OutboxMessageItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OutboxMessagePage on OutboxMessageConnection {\n    edges {\n      cursor\n      node {\n        ...OutboxMessageItem\n      }\n    }\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n  }\n"): (typeof documents)["\n  fragment OutboxMessagePage on OutboxMessageConnection {\n    edges {\n      cursor\n      node {\n        ...OutboxMessageItem\n      }\n    }\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserMessages($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      id\n      messages(first: $first, after: $after) {\n        ...OutboxMessagePage\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserMessages($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      id\n      messages(first: $first, after: $after) {\n        ...OutboxMessagePage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Outbox($status: OutboxStatus, $first: Int, $after: String) {\n    outbox(status: $status, first: $first, after: $after) {\n      ...OutboxMessagePage\n    }\n  }\n"): (typeof documents)["\n  query Outbox($status: OutboxStatus, $first: Int, $after: String) {\n    outbox(status: $status, first: $first, after: $after) {\n      ...OutboxMessagePage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganizationRef on Organization {\n    id\n    name\n  }\n"): (typeof documents)["\n  fragment OrganizationRef on Organization {\n    id\n    name\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganizationDetails on Organization {\n    id\n    name\n    domains\n    details\n    notes\n    tags\n    externalId\n    userCount\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment OrganizationDetails on Organization {\n    id\n    name\n    domains\n    details\n    notes\n    tags\n    externalId\n    userCount\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganizationListItem on Organization {\n    id\n    name\n    domains\n    userCount\n    createdAt\n  }\n"): (typeof documents)["\n  fragment OrganizationListItem on Organization {\n    id\n    name\n    domains\n    userCount\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Organizations($first: Int, $after: String, $query: String) {\n    organizations(first: $first, after: $after, query: $query) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...OrganizationListItem\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Organizations($first: Int, $after: String, $query: String) {\n    organizations(first: $first, after: $after, query: $query) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...OrganizationListItem\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganizationSuggestion on Organization {\n    id\n    name\n    domains\n  }\n"): (typeof documents)["\n  fragment OrganizationSuggestion on Organization {\n    id\n    name\n    domains\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationSuggestions($query: String, $first: Int) {\n    organizations(query: $query, first: $first) {\n      edges {\n        node {\n          ...OrganizationSuggestion\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationSuggestions($query: String, $first: Int) {\n    organizations(query: $query, first: $first) {\n      edges {\n        node {\n          ...OrganizationSuggestion\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Organization($id: ID!) {\n    organization(id: $id) {\n      ...OrganizationDetails\n    }\n  }\n"): (typeof documents)["\n  query Organization($id: ID!) {\n    organization(id: $id) {\n      ...OrganizationDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationName($id: ID!) {\n    organization(id: $id) {\n      ...OrganizationRef\n    }\n  }\n"): (typeof documents)["\n  query OrganizationName($id: ID!) {\n    organization(id: $id) {\n      ...OrganizationRef\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationUsers($id: ID!, $first: Int, $after: String) {\n    organization(id: $id) {\n      id\n      users(first: $first, after: $after) {\n        ...UserPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationUsers($id: ID!, $first: Int, $after: String) {\n    organization(id: $id) {\n      id\n      users(first: $first, after: $after) {\n        ...UserPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      ...OrganizationDetails\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      ...OrganizationDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrganization($id: ID!, $input: UpdateOrganizationInput!) {\n    updateOrganization(id: $id, input: $input) {\n      ...OrganizationDetails\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateOrganization($id: ID!, $input: UpdateOrganizationInput!) {\n    updateOrganization(id: $id, input: $input) {\n      ...OrganizationDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteOrganization($id: ID!) {\n    deleteOrganization(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteOrganization($id: ID!) {\n    deleteOrganization(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DeskSettings on Settings {\n    id\n    version\n    requestAccess\n    helpCenterSignUp\n    requireVerification\n    welcomeOnAgentCreate\n    agentsMayDeleteUsers\n    acknowledgeRequests\n    welcomeSubject\n    welcomeBody\n    deskName\n    allowList\n    blockList\n  }\n"): (typeof documents)["\n  fragment DeskSettings on Settings {\n    id\n    version\n    requestAccess\n    helpCenterSignUp\n    requireVerification\n    welcomeOnAgentCreate\n    agentsMayDeleteUsers\n    acknowledgeRequests\n    welcomeSubject\n    welcomeBody\n    deskName\n    allowList\n    blockList\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskSettings {\n    settings {\n      ...DeskSettings\n    }\n  }\n"): (typeof documents)["\n  query DeskSettings {\n    settings {\n      ...DeskSettings\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSettings($input: UpdateSettingsInput!) {\n    updateSettings(input: $input) {\n      ...DeskSettings\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSettings($input: UpdateSettingsInput!) {\n    updateSettings(input: $input) {\n      ...DeskSettings\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewWelcomeEmail($input: PreviewWelcomeEmailInput!) {\n    previewWelcomeEmail(input: $input) {\n      to\n      subject\n      text\n    }\n  }\n"): (typeof documents)["\n  query PreviewWelcomeEmail($input: PreviewWelcomeEmailInput!) {\n    previewWelcomeEmail(input: $input) {\n      to\n      subject\n      text\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TagSuggestions($query: String, $first: Int) {\n    tags(query: $query, first: $first) {\n      name\n      count\n    }\n  }\n"): (typeof documents)["\n  query TagSuggestions($query: String, $first: Int) {\n    tags(query: $query, first: $first) {\n      name\n      count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TeamMember on User {\n    id\n    name\n    email\n    role\n    suspended\n    lastSignInAt\n    invitedAt\n  }\n"): (typeof documents)["\n  fragment TeamMember on User {\n    id\n    name\n    email\n    role\n    suspended\n    lastSignInAt\n    invitedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Team($first: Int, $after: String, $query: String) {\n    users(first: $first, after: $after, query: $query, filter: { roles: [AGENT, ADMIN] }) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...TeamMember\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Team($first: Int, $after: String, $query: String) {\n    users(first: $first, after: $after, query: $query, filter: { roles: [AGENT, ADMIN] }) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...TeamMember\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteTeamMember($input: InviteTeamMemberInput!) {\n    inviteTeamMember(input: $input) {\n      ...TeamMember\n    }\n  }\n"): (typeof documents)["\n  mutation InviteTeamMember($input: InviteTeamMemberInput!) {\n    inviteTeamMember(input: $input) {\n      ...TeamMember\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendInvitation($userId: ID!) {\n    resendInvitation(userId: $userId) {\n      ...TeamMember\n    }\n  }\n"): (typeof documents)["\n  mutation ResendInvitation($userId: ID!) {\n    resendInvitation(userId: $userId) {\n      ...TeamMember\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($userId: ID!) {\n    revokeInvitation(userId: $userId)\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($userId: ID!) {\n    revokeInvitation(userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketPerson on User {\n    id\n    name\n    email\n  }\n"): (typeof documents)["\n  fragment TicketPerson on User {\n    id\n    name\n    email\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketListItem on Ticket {\n    id\n    subject\n    status\n    held\n    via\n    createdAt\n    updatedAt\n    requester {\n      ...TicketPerson\n    }\n  }\n"): (typeof documents)["\n  fragment TicketListItem on Ticket {\n    id\n    subject\n    status\n    held\n    via\n    createdAt\n    updatedAt\n    requester {\n      ...TicketPerson\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketDetail on Ticket {\n    id\n    subject\n    status\n    held\n    via\n    createdAt\n    updatedAt\n    requester {\n      ...TicketPerson\n    }\n    submitter {\n      ...TicketPerson\n    }\n    ccs {\n      ...TicketPerson\n    }\n    comments(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          body\n          public\n          via\n          attachments\n          createdAt\n          author {\n            ...TicketPerson\n          }\n        }\n      }\n    }\n    sideConversations {\n      id\n      subject\n      createdAt\n      participants {\n        ...TicketPerson\n      }\n      messages {\n        id\n        body\n        createdAt\n        author {\n          ...TicketPerson\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment TicketDetail on Ticket {\n    id\n    subject\n    status\n    held\n    via\n    createdAt\n    updatedAt\n    requester {\n      ...TicketPerson\n    }\n    submitter {\n      ...TicketPerson\n    }\n    ccs {\n      ...TicketPerson\n    }\n    comments(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          body\n          public\n          via\n          attachments\n          createdAt\n          author {\n            ...TicketPerson\n          }\n        }\n      }\n    }\n    sideConversations {\n      id\n      subject\n      createdAt\n      participants {\n        ...TicketPerson\n      }\n      messages {\n        id\n        body\n        createdAt\n        author {\n          ...TicketPerson\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tickets($first: Int, $after: String, $query: String, $status: TicketStatus, $held: Boolean, $requesterId: ID) {\n    tickets(first: $first, after: $after, query: $query, status: $status, held: $held, requesterId: $requesterId) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...TicketListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Tickets($first: Int, $after: String, $query: String, $status: TicketStatus, $held: Boolean, $requesterId: ID) {\n    tickets(first: $first, after: $after, query: $query, status: $status, held: $held, requesterId: $requesterId) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...TicketListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserTickets($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      id\n      requestedTickets(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...TicketListItem\n          }\n        }\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserTickets($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      id\n      requestedTickets(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...TicketListItem\n          }\n        }\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserCcTickets($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      id\n      ccTickets(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...TicketListItem\n          }\n        }\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserCcTickets($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      id\n      ccTickets(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...TicketListItem\n          }\n        }\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Ticket($id: ID!) {\n    ticket(id: $id) {\n      ...TicketDetail\n    }\n  }\n"): (typeof documents)["\n  query Ticket($id: ID!) {\n    ticket(id: $id) {\n      ...TicketDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequesterSuggestions($query: String, $first: Int) {\n    users(query: $query, first: $first) {\n      edges {\n        node {\n          ...TicketPerson\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RequesterSuggestions($query: String, $first: Int) {\n    users(query: $query, first: $first) {\n      edges {\n        node {\n          ...TicketPerson\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTicket($input: CreateTicketInput!) {\n    createTicket(input: $input) {\n      ticket {\n        id\n      }\n      createdUsers {\n        ...TicketPerson\n      }\n      warnings {\n        ...WarningDetails\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTicket($input: CreateTicketInput!) {\n    createTicket(input: $input) {\n      ticket {\n        id\n      }\n      createdUsers {\n        ...TicketPerson\n      }\n      warnings {\n        ...WarningDetails\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTicket($id: ID!, $input: UpdateTicketInput!) {\n    updateTicket(id: $id, input: $input) {\n      ...TicketDetail\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTicket($id: ID!, $input: UpdateTicketInput!) {\n    updateTicket(id: $id, input: $input) {\n      ...TicketDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddTicketComment($ticketId: ID!, $input: AddTicketCommentInput!) {\n    addTicketComment(ticketId: $ticketId, input: $input) {\n      ticket {\n        ...TicketDetail\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddTicketComment($ticketId: ID!, $input: AddTicketCommentInput!) {\n    addTicketComment(ticketId: $ticketId, input: $input) {\n      ticket {\n        ...TicketDetail\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddTicketCc($ticketId: ID!, $user: UserRefInput!) {\n    addTicketCc(ticketId: $ticketId, user: $user) {\n      ticket {\n        ...TicketDetail\n      }\n      createdUser {\n        ...TicketPerson\n      }\n      warnings {\n        ...WarningDetails\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddTicketCc($ticketId: ID!, $user: UserRefInput!) {\n    addTicketCc(ticketId: $ticketId, user: $user) {\n      ticket {\n        ...TicketDetail\n      }\n      createdUser {\n        ...TicketPerson\n      }\n      warnings {\n        ...WarningDetails\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveTicketCc($ticketId: ID!, $userId: ID!) {\n    removeTicketCc(ticketId: $ticketId, userId: $userId) {\n      ticket {\n        ...TicketDetail\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveTicketCc($ticketId: ID!, $userId: ID!) {\n    removeTicketCc(ticketId: $ticketId, userId: $userId) {\n      ticket {\n        ...TicketDetail\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartSideConversation($input: StartSideConversationInput!) {\n    startSideConversation(input: $input) {\n      sideConversation {\n        id\n      }\n      createdUsers {\n        ...TicketPerson\n      }\n      warnings {\n        ...WarningDetails\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StartSideConversation($input: StartSideConversationInput!) {\n    startSideConversation(input: $input) {\n      sideConversation {\n        id\n      }\n      createdUsers {\n        ...TicketPerson\n      }\n      warnings {\n        ...WarningDetails\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddSideConversationMessage($input: AddSideConversationMessageInput!) {\n    addSideConversationMessage(input: $input) {\n      message {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddSideConversationMessage($input: AddSideConversationMessageInput!) {\n    addSideConversationMessage(input: $input) {\n      message {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitRequest($input: SubmitRequestInput!) {\n    submitRequest(input: $input) {\n      received\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitRequest($input: SubmitRequestInput!) {\n    submitRequest(input: $input) {\n      received\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketEvents($id: ID!, $first: Int) {\n    ticket(id: $id) {\n      id\n      events(first: $first) {\n        totalCount\n        edges {\n          node {\n            id\n            action\n            source\n            createdAt\n            actor {\n              kind\n              tokenName\n              user {\n                id\n                name\n              }\n            }\n            changes {\n              field\n              oldValue\n              newValue\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TicketEvents($id: ID!, $first: Int) {\n    ticket(id: $id) {\n      id\n      events(first: $first) {\n        totalCount\n        edges {\n          node {\n            id\n            action\n            source\n            createdAt\n            actor {\n              kind\n              tokenName\n              user {\n                id\n                name\n              }\n            }\n            changes {\n              field\n              oldValue\n              newValue\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiTokenDetails on ApiToken {\n    id\n    name\n    scopes\n    createdAt\n    lastUsedAt\n    revokedAt\n    createdBy {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ApiTokenDetails on ApiToken {\n    id\n    name\n    scopes\n    createdAt\n    lastUsedAt\n    revokedAt\n    createdBy {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenDetails\n    }\n  }\n"): (typeof documents)["\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      secret\n      token {\n        ...ApiTokenDetails\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      secret\n      token {\n        ...ApiTokenDetails\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenDetails\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IdentityDetails on UserIdentity {\n    id\n    type\n    value\n    displayValue\n    primary\n    verified\n    deliverability\n    shared\n    createdAt\n    sharedWith {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment IdentityDetails on UserIdentity {\n    id\n    type\n    value\n    displayValue\n    primary\n    verified\n    deliverability\n    shared\n    createdAt\n    sharedWith {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddUserIdentity($userId: ID!, $input: AddUserIdentityInput!) {\n    addUserIdentity(userId: $userId, input: $input) {\n      identity {\n        ...IdentityDetails\n      }\n      user {\n        ...UserProfile\n      }\n      warnings {\n        ...WarningDetails\n        existingUserId\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddUserIdentity($userId: ID!, $input: AddUserIdentityInput!) {\n    addUserIdentity(userId: $userId, input: $input) {\n      identity {\n        ...IdentityDetails\n      }\n      user {\n        ...UserProfile\n      }\n      warnings {\n        ...WarningDetails\n        existingUserId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveUserIdentity($id: ID!) {\n    removeUserIdentity(id: $id) {\n      ...UserProfile\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveUserIdentity($id: ID!) {\n    removeUserIdentity(id: $id) {\n      ...UserProfile\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MakeUserIdentityPrimary($id: ID!) {\n    makeUserIdentityPrimary(id: $id) {\n      ...UserProfile\n    }\n  }\n"): (typeof documents)["\n  mutation MakeUserIdentityPrimary($id: ID!) {\n    makeUserIdentityPrimary(id: $id) {\n      ...UserProfile\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyUserIdentity($id: ID!) {\n    verifyUserIdentity(id: $id) {\n      ...IdentityDetails\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyUserIdentity($id: ID!) {\n    verifyUserIdentity(id: $id) {\n      ...IdentityDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DeletedCustomer on DeletedUser {\n    id\n    name\n    email\n    phone\n    deletedAt\n    eraseAfter\n    deletedBy {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment DeletedCustomer on DeletedUser {\n    id\n    name\n    email\n    phone\n    deletedAt\n    eraseAfter\n    deletedBy {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeletedUsers($first: Int, $after: String) {\n    deletedUsers(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...DeletedCustomer\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeletedUsers($first: Int, $after: String) {\n    deletedUsers(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...DeletedCustomer\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreUser($id: ID!) {\n    restoreUser(id: $id) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreUser($id: ID!) {\n    restoreUser(id: $id) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EraseUser($id: ID!) {\n    eraseUser(id: $id)\n  }\n"): (typeof documents)["\n  mutation EraseUser($id: ID!) {\n    eraseUser(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PossibleDuplicates($id: ID!) {\n    user(id: $id) {\n      id\n      possibleDuplicates {\n        id\n        name\n        email\n        phone\n        identities {\n          type\n          primary\n          displayValue\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PossibleDuplicates($id: ID!) {\n    user(id: $id) {\n      id\n      possibleDuplicates {\n        id\n        name\n        email\n        phone\n        identities {\n          type\n          primary\n          displayValue\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MergeUsersPreview($sourceId: ID!, $targetId: ID!) {\n    mergeUsersPreview(sourceId: $sourceId, targetId: $targetId) {\n      source {\n        id\n        name\n        identities {\n          type\n          value\n          displayValue\n        }\n      }\n      target {\n        id\n        name\n      }\n      emails\n      phones\n      tags\n      choices {\n        field\n        title\n        sourceValue\n        targetValue\n        sourceDisplay {\n          ...HistoryValueFields\n        }\n        targetDisplay {\n          ...HistoryValueFields\n        }\n      }\n      ticketsRequested\n      ticketsCopied\n      historyEntries\n    }\n  }\n"): (typeof documents)["\n  query MergeUsersPreview($sourceId: ID!, $targetId: ID!) {\n    mergeUsersPreview(sourceId: $sourceId, targetId: $targetId) {\n      source {\n        id\n        name\n        identities {\n          type\n          value\n          displayValue\n        }\n      }\n      target {\n        id\n        name\n      }\n      emails\n      phones\n      tags\n      choices {\n        field\n        title\n        sourceValue\n        targetValue\n        sourceDisplay {\n          ...HistoryValueFields\n        }\n        targetDisplay {\n          ...HistoryValueFields\n        }\n      }\n      ticketsRequested\n      ticketsCopied\n      historyEntries\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergeUsers($input: MergeUsersInput!) {\n    mergeUsers(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation MergeUsers($input: MergeUsersInput!) {\n    mergeUsers(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    endCursor\n  }\n"): (typeof documents)["\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    endCursor\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserListItem on User {\n    id\n    name\n    email\n    role\n    suspended\n    createdAt\n    organization {\n      ...OrganizationRef\n    }\n    identities {\n      type\n      primary\n      displayValue\n    }\n  }\n"): (typeof documents)["\n  fragment UserListItem on User {\n    id\n    name\n    email\n    role\n    suspended\n    createdAt\n    organization {\n      ...OrganizationRef\n    }\n    identities {\n      type\n      primary\n      displayValue\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserPage on UserConnection {\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n    edges {\n      cursor\n      node {\n        ...UserListItem\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment UserPage on UserConnection {\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n    edges {\n      cursor\n      node {\n        ...UserListItem\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users(\n    $first: Int\n    $after: String\n    $query: String\n    $tags: [String!]\n    $organizationId: ID\n    $fields: [UserFieldFilter!]\n    $filter: UserFilterInput\n    $sort: UserSortInput\n  ) {\n    users(first: $first, after: $after, query: $query, tags: $tags, organizationId: $organizationId, fields: $fields, filter: $filter, sort: $sort) {\n      ...UserPage\n      suggestions\n    }\n  }\n"): (typeof documents)["\n  query Users(\n    $first: Int\n    $after: String\n    $query: String\n    $tags: [String!]\n    $organizationId: ID\n    $fields: [UserFieldFilter!]\n    $filter: UserFilterInput\n    $sort: UserSortInput\n  ) {\n    users(first: $first, after: $after, query: $query, tags: $tags, organizationId: $organizationId, fields: $fields, filter: $filter, sort: $sort) {\n      ...UserPage\n      suggestions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserAbilities on UserPermissions {\n    update\n    updateOwnProfileOnly\n    readPrivateFields\n    changeFields\n    changeIdentities\n    changeRole\n    changeSuspended\n    changeVerified\n    verifyIdentities\n    makeUnverifiedEmailPrimary\n    setPassword\n    unlock\n    delete\n    merge\n  }\n"): (typeof documents)["\n  fragment UserAbilities on UserPermissions {\n    update\n    updateOwnProfileOnly\n    readPrivateFields\n    changeFields\n    changeIdentities\n    changeRole\n    changeSuspended\n    changeVerified\n    verifyIdentities\n    makeUnverifiedEmailPrimary\n    setPassword\n    unlock\n    delete\n    merge\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserProfile on User {\n    id\n    name\n    email\n    role\n    phone\n    tags\n    timeZone\n    locale\n    externalId\n    alias\n    details\n    notes\n    verified\n    suspended\n    version\n    createdVia\n    createdAt\n    updatedAt\n    organization {\n      ...OrganizationRef\n    }\n    identities {\n      ...IdentityDetails\n    }\n    fields {\n      ...FieldValue\n    }\n    viewerCan {\n      ...UserAbilities\n    }\n  }\n"): (typeof documents)["\n  fragment UserProfile on User {\n    id\n    name\n    email\n    role\n    phone\n    tags\n    timeZone\n    locale\n    externalId\n    alias\n    details\n    notes\n    verified\n    suspended\n    version\n    createdVia\n    createdAt\n    updatedAt\n    organization {\n      ...OrganizationRef\n    }\n    identities {\n      ...IdentityDetails\n    }\n    fields {\n      ...FieldValue\n    }\n    viewerCan {\n      ...UserAbilities\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query User($id: ID!) {\n    user(id: $id) {\n      ...UserProfile\n    }\n  }\n"): (typeof documents)["\n  query User($id: ID!) {\n    user(id: $id) {\n      ...UserProfile\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WarningDetails on UserWarning {\n    code\n    field\n    message\n  }\n"): (typeof documents)["\n  fragment WarningDetails on UserWarning {\n    code\n    field\n    message\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        ...UserProfile\n      }\n      warnings {\n        ...WarningDetails\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        ...UserProfile\n      }\n      warnings {\n        ...WarningDetails\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!, $expectedVersion: Int) {\n    updateUser(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...UserProfile\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!, $expectedVersion: Int) {\n    updateUser(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...UserProfile\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteUser($id: ID!) {\n    deleteUser(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteUser($id: ID!) {\n    deleteUser(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserPassword($id: ID!, $password: String!) {\n    setUserPassword(id: $id, password: $password)\n  }\n"): (typeof documents)["\n  mutation SetUserPassword($id: ID!, $password: String!) {\n    setUserPassword(id: $id, password: $password)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlockUser($id: ID!) {\n    unlockUser(id: $id)\n  }\n"): (typeof documents)["\n  mutation UnlockUser($id: ID!) {\n    unlockUser(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HistoryEvent on UserEvent {\n    id\n    action\n    source\n    createdAt\n    actor {\n      kind\n      tokenName\n      user {\n        id\n        name\n      }\n    }\n    changes {\n      field\n      oldValue\n      newValue\n      redacted\n      oldDisplay {\n        ...HistoryValueFields\n      }\n      newDisplay {\n        ...HistoryValueFields\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment HistoryEvent on UserEvent {\n    id\n    action\n    source\n    createdAt\n    actor {\n      kind\n      tokenName\n      user {\n        id\n        name\n      }\n    }\n    changes {\n      field\n      oldValue\n      newValue\n      redacted\n      oldDisplay {\n        ...HistoryValueFields\n      }\n      newDisplay {\n        ...HistoryValueFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HistoryValueFields on HistoryValue {\n    kind\n    value\n    label\n    refId\n    gone\n  }\n"): (typeof documents)["\n  fragment HistoryValueFields on HistoryValue {\n    kind\n    value\n    label\n    refId\n    gone\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserEvents($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      id\n      events(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            ...HistoryEvent\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserEvents($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      id\n      events(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n        edges {\n          cursor\n          node {\n            ...HistoryEvent\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TextVersions($id: ID!) {\n    user(id: $id) {\n      id\n      notes: textVersions(field: NOTES) {\n        version\n        value\n        changedAt\n        changedBy {\n          id\n          name\n        }\n      }\n      details: textVersions(field: DETAILS) {\n        version\n        value\n        changedAt\n        changedBy {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TextVersions($id: ID!) {\n    user(id: $id) {\n      id\n      notes: textVersions(field: NOTES) {\n        version\n        value\n        changedAt\n        changedBy {\n          id\n          name\n        }\n      }\n      details: textVersions(field: DETAILS) {\n        version\n        value\n        changedAt\n        changedBy {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendVerification($userId: ID!) {\n    resendVerification(userId: $userId)\n  }\n"): (typeof documents)["\n  mutation ResendVerification($userId: ID!) {\n    resendVerification(userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookDetails on Webhook {\n    id\n    url\n    events\n    secretHint\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment WebhookDetails on Webhook {\n    id\n    url\n    events\n    secretHint\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookDeliveryDetails on WebhookDelivery {\n    id\n    event\n    status\n    attempts\n    responseStatus\n    lastResponse\n    reason\n    createdAt\n    sentAt\n    nextAttemptAt\n  }\n"): (typeof documents)["\n  fragment WebhookDeliveryDetails on WebhookDelivery {\n    id\n    event\n    status\n    attempts\n    responseStatus\n    lastResponse\n    reason\n    createdAt\n    sentAt\n    nextAttemptAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Webhooks {\n    webhooks {\n      ...WebhookDetails\n    }\n  }\n"): (typeof documents)["\n  query Webhooks {\n    webhooks {\n      ...WebhookDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook {\n        ...WebhookDetails\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook {\n        ...WebhookDetails\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {\n    updateWebhook(id: $id, input: $input) {\n      ...WebhookDetails\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {\n    updateWebhook(id: $id, input: $input) {\n      ...WebhookDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestWebhook($id: ID!) {\n    testWebhook(id: $id) {\n      ...WebhookDeliveryDetails\n    }\n  }\n"): (typeof documents)["\n  mutation TestWebhook($id: ID!) {\n    testWebhook(id: $id) {\n      ...WebhookDeliveryDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($id: ID!, $first: Int!, $after: String) {\n    webhook(id: $id) {\n      id\n      deliveries(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...WebhookDeliveryDetails\n          }\n        }\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebhookDeliveries($id: ID!, $first: Int!, $after: String) {\n    webhook(id: $id) {\n      id\n      deliveries(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...WebhookDeliveryDetails\n          }\n        }\n        totalCount\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;