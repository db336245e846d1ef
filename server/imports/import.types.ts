import { Authorized, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OPEN } from '../auth/policy.js';
import { PageInfo } from '../graphql/connection.js';
import { listSize } from '../graphql/list-size.js';
import { importPolicy } from './import.policy.js';
import { UserWarningCode } from '../users/user.inputs.js';

export enum ImportJobStatus {
  PREVIEWING = 'PREVIEWING',
  PREVIEWED = 'PREVIEWED',
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ImportJobStatus, {
  name: 'ImportJobStatus',
  description: 'Where an import stands.',
  valuesConfig: {
    PREVIEWING: { description: 'The file is being checked; nothing is written.' },
    PREVIEWED: { description: 'Checked: the counts say what a run would do. runImportJob runs it.' },
    QUEUED: { description: 'Waiting for a worker.' },
    RUNNING: { description: 'Rows are being written, chunk by chunk.' },
    DONE: { description: 'Every row was read; the counts say what was done.' },
    FAILED: {
      description:
        'The file could not be imported (bad header, not UTF-8…: nothing was written), or the import stopped because its uploader may no longer import (deleted, suspended, no longer an admin, or the uploading token revoked: the chunks written before stay). fileError says why.',
    },
    CANCELLED: { description: 'Stopped by someone; the chunks written before stay.' },
  },
});

export enum ImportMode {
  CREATE = 'CREATE',
  CREATE_OR_UPDATE = 'CREATE_OR_UPDATE',
  UPDATE = 'UPDATE',
}
registerEnumType(ImportMode, {
  name: 'ImportMode',
  description: 'What an import does with rows that match existing users (by external ID, then any email, then phone).',
  valuesConfig: {
    CREATE: { description: 'Adds users; a row matching an existing user fails.' },
    CREATE_OR_UPDATE: { description: 'Adds users, and updates the ones rows match.' },
    UPDATE: { description: 'Updates matched users; a row that matches nobody fails.' },
  },
});

export enum ImportDelimiter {
  COMMA = 'COMMA',
  SEMICOLON = 'SEMICOLON',
  TAB = 'TAB',
}
registerEnumType(ImportDelimiter, {
  name: 'ImportDelimiter',
  description: 'What separates the fields of an imported file, found from its header row.',
  valuesConfig: {
    COMMA: { description: 'Commas (RFC 4180; Excel in English).' },
    SEMICOLON: { description: 'Semicolons (Excel where the comma is the decimal separator: French, German…).' },
    TAB: { description: 'Tabs (a .tsv, or Excel’s “Unicode text”).' },
  },
});

/** Where in the file, and what: an error's and a warning's fields (each type has them as its own; this one is in no schema). */
@ObjectType()
abstract class ImportRowMessage {
  @Field(() => String, { description: 'Pass as `after` to read the ones after this one.' })
  cursor: string;

  @Field(() => Int, { description: 'The row as a spreadsheet shows it: the header is row 1.' })
  line: number;

  @Field(() => String, { nullable: true, description: "The column, as the file's header spells it; null for the whole row." })
  column: string | null;

  @Field(() => String, { description: 'What it says, for people to read (in the reader’s language).' })
  message: string;
}

@ObjectType({ description: 'A failing row of an import, or a problem with its file (line 1 for the header).' })
@Authorized(importPolicy.manage)
export class ImportRowError extends ImportRowMessage {
  @Field(() => String, { description: 'BAD_USER_INPUT, EMAIL_TAKEN, DUPLICATE_IN_FILE, INVALID_ROLE, UNKNOWN_COLUMN, NOT_UTF8…' })
  code: string;
}

@ObjectType({
  description:
    'Something worth knowing about a row an import wrote (a preview: would write), as createUser warns about the same values. ' +
    'Never a failure: the row is written.',
})
@Authorized(importPolicy.manage)
export class ImportRowWarning extends ImportRowMessage {
  @Field(() => UserWarningCode, { description: 'UNDELIVERABLE_RESERVED, NO_MAIL_DOMAIN, BLOCKED_ADDRESS or SHARED_PHONE: see UserWarningCode.' })
  code: `${UserWarningCode}`;
}

@ObjectType({ description: 'An import of a users CSV file, with its live progress.' })
@Authorized(importPolicy.manage)
export class ImportJob {
  @Field(() => ID, { description: 'Identifies the import.' })
  @Authorized(OPEN)
  id: string;

  @Field(() => ImportJobStatus, { description: 'Where it stands.' })
  status: ImportJobStatus;

  @Field(() => ImportMode, { description: 'What it does with existing users.' })
  mode: ImportMode;

  @Field(() => String, { description: 'The uploaded file’s name.' })
  fileName: string;

  @Field(() => ImportDelimiter, {
    nullable: true,
    description: 'The field delimiter found from the file’s header row; null until the header is read, or when it was refused.',
  })
  delimiter: ImportDelimiter | null;

  @Field(() => Boolean, { description: 'In update modes, an empty cell clears the field (otherwise it leaves it as it is).' })
  blankCellsClear: boolean;

  @Field(() => Int, { nullable: true, description: 'Rows in the file (without the header); null until counted.' })
  rowsTotal: number | null;

  @Field(() => Int, { description: 'Rows read and done so far (committed, for a run).' })
  rowsRead: number;

  @Field(() => Int, { description: 'Users created (a preview: that would be created).' })
  created: number;

  @Field(() => Int, { description: 'Users updated (a preview: that would be updated).' })
  updated: number;

  @Field(() => Int, { description: 'Rows that matched a user who already had every value.' })
  unchanged: number;

  @Field(() => Int, { description: 'Rows that failed (see errors).' })
  failed: number;

  @Field(() => Int, {
    description:
      'Warnings about rows written (a preview: that would be written), one per warning, as createUser gives them: an address never mailed ' +
      '(reserved, or no mail server), on the block list, a number another account has. Every one is counted; the first 1,000 are listed ' +
      '(warnings, warningsUrl).',
  })
  warningCount: number;

  @Field(() => Int, { description: 'Rows per second since it started.' })
  rowsPerSecond: number;

  @Field(() => Int, { nullable: true, description: 'Seconds left at the current pace; null when unknown or ended.' })
  secondsLeft: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the whole file was refused, or why the import stopped (its uploader may no longer import); null otherwise.',
  })
  fileError: string | null;

  @Field(() => Date, { nullable: true, description: 'When the preview or the run started.' })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it ended.' })
  finishedAt: Date | null;

  @Field(() => Date, { description: 'When the file was uploaded.' })
  createdAt: Date;

  @Field(() => String, { nullable: true, description: 'Where to download the failing rows as CSV with an `errors` column; null when none failed.' })
  failedRowsUrl: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where to download the listed warnings as CSV (row, column, code, message); null when there are none.',
  })
  warningsUrl: string | null;

  createdById: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'An import, with its place in the list.' })
export class ImportJobEdge {
  @Field(() => String, { description: 'Pass as `after` to read the imports after this one.' })
  cursor: string;

  @Field(() => ImportJob, { description: 'The import.' })
  node: ImportJob;
}

@ObjectType({ description: 'A page of imports, newest first.' })
export class ImportJobConnection {
  @Field(() => [ImportJobEdge], { description: 'The imports of this page.' })
  @listSize({ kind: 'edges' })
  edges: ImportJobEdge[];

  @Field(() => PageInfo, { description: 'Whether more imports follow, and where to continue.' })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many imports there are in all.' })
  totalCount: number;
}
