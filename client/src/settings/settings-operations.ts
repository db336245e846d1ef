// The desk settings' GraphQL operations (typed by `npm run codegen`).
import { graphql } from '../graphql/generated';

graphql(`
  fragment DeskSettings on Settings {
    id
    version
    requestAccess
    helpCenterSignUp
    requireVerification
    welcomeOnAgentCreate
    agentsMayDeleteUsers
    acknowledgeRequests
    welcomeSubject
    welcomeBody
    deskName
    allowList
    blockList
  }
`);

export const DeskSettingsDocument = graphql(`
  query DeskSettings {
    settings {
      ...DeskSettings
    }
  }
`);

export const UpdateSettingsDocument = graphql(`
  mutation UpdateSettings($input: UpdateSettingsInput!) {
    updateSettings(input: $input) {
      ...DeskSettings
    }
  }
`);

export const PreviewWelcomeEmailDocument = graphql(`
  query PreviewWelcomeEmail($input: PreviewWelcomeEmailInput!) {
    previewWelcomeEmail(input: $input) {
      to
      subject
      text
    }
  }
`);
