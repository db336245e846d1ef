import { Users1764000000000 } from './1764000000000-users.js';
import { AuthAudit1764100000000 } from './1764100000000-auth-audit.js';
import { OrganizationsIdentities1764200000000 } from './1764200000000-organizations-identities.js';
import { UserFields1764300000000 } from './1764300000000-user-fields.js';
import { AdminIndex1764400000000 } from './1764400000000-admin-index.js';
import { EmailKeys1765000000000 } from './1765000000000-email-keys.js';
import { SearchWords1765100000000 } from './1765100000000-search-words.js';
import { CustomerLists1765100000001 } from './1765100000001-customer-lists.js';
import { RateLimitCounters1765200000000 } from './1765200000000-rate-limit-counters.js';
import { Tickets1765300000000 } from './1765300000000-tickets.js';
import { UserChangeFeed1765400000000 } from './1765400000000-user-change-feed.js';
import { ImportJobs1765400000001 } from './1765400000001-import-jobs.js';
import { Outbox1765500000000 } from './1765500000000-outbox.js';
import { Webhooks1765500000100 } from './1765500000100-webhooks.js';
import { SettingsDoor1765500000200 } from './1765500000200-settings-door.js';
import { Records1765500000300 } from './1765500000300-records.js';
import { Team1765600000000 } from './1765600000000-team.js';
import { TimeZoneNames1765600000200 } from './1765600000200-time-zone-names.js';
import { AgentsDelete1765600000400 } from './1765600000400-agents-delete.js';
import { SearchPrefixCounts1765730000000 } from './1765730000000-search-prefix-counts.js';
import { SideConversationMail1765800000000 } from './1765800000000-side-conversation-mail.js';
import { ImportErrorMessages1765600000600 } from './1765600000600-import-error-messages.js';
import { ImportDelimiter1765900000000 } from './1765900000000-import-delimiter.js';
import { ImportUploaderToken1766000000000 } from './1766000000000-import-uploader-token.js';
import { AcknowledgeRequests1766100000000 } from './1766100000000-acknowledge-requests.js';
import { ImportErrorPublicText1766200000000 } from './1766200000000-import-error-public-text.js';
import { UniqueMessageIds1766300000000 } from './1766300000000-unique-message-ids.js';
import { ImportWarnings1766400000000 } from './1766400000000-import-warnings.js';

/** Every migration, oldest first. */
export const migrations = [
  Users1764000000000,
  AuthAudit1764100000000,
  OrganizationsIdentities1764200000000,
  UserFields1764300000000,
  AdminIndex1764400000000,
  EmailKeys1765000000000,
  SearchWords1765100000000,
  CustomerLists1765100000001,
  RateLimitCounters1765200000000,
  Tickets1765300000000,
  UserChangeFeed1765400000000,
  ImportJobs1765400000001,
  Outbox1765500000000,
  Webhooks1765500000100,
  SettingsDoor1765500000200,
  Records1765500000300,
  Team1765600000000,
  TimeZoneNames1765600000200,
  AgentsDelete1765600000400,
  ImportErrorMessages1765600000600,
  SearchPrefixCounts1765730000000,
  SideConversationMail1765800000000,
  ImportDelimiter1765900000000,
  ImportUploaderToken1766000000000,
  AcknowledgeRequests1766100000000,
  ImportErrorPublicText1766200000000,
  UniqueMessageIds1766300000000,
  ImportWarnings1766400000000,
];
