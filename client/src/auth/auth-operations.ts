// Signing in and out, passwords, and an end user's own profile.
import { publicOperation } from '../graphql/client';
import { graphql } from '../graphql/generated';

/** The signed-in person, as the app keeps them. */
graphql(`
  fragment Viewer on User {
    id
    name
    email
    role
  }
`);

/** What the signed-in person may do in general, as the server's rules answer it. */
graphql(`
  fragment ViewerAbilities on ViewerPermissions {
    changeOwnPassword
    restoreUsers
    eraseUsers
    manageTeam
    createStaff
    createUsers
    listUsers
    manageApiTokens
    manageOrganizations
    manageUserFields
    readOrganizations
    readUserFields
    shareCustomerLists
    importUsers
    emailUsers
    readOutbox
    manageWebhooks
    manageSettings
  }
`);

export const MeDocument = graphql(`
  query Me {
    me {
      ...Viewer
    }
    viewerCan {
      ...ViewerAbilities
    }
  }
`);

/** A failed sign-in answers UNAUTHENTICATED: not a lapsed session. */
export const SignInDocument = publicOperation(
  graphql(`
    mutation SignIn($email: String!, $password: String!) {
      signIn(email: $email, password: $password) {
        ...Viewer
      }
    }
  `),
);

export const SignOutDocument = publicOperation(
  graphql(`
    mutation SignOut {
      signOut
    }
  `),
);

export const ChangePasswordDocument = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

/** Only the fields an end user may read and change on their own profile. */
graphql(`
  fragment OwnProfile on User {
    id
    name
    email
    role
    phone
    timeZone
    locale
  }
`);

export const MyProfileDocument = graphql(`
  query MyProfile {
    me {
      ...OwnProfile
    }
  }
`);

export const UpdateMyProfileDocument = graphql(`
  mutation UpdateMyProfile($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      ...OwnProfile
    }
  }
`);
