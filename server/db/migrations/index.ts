import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-session-user-snapshot';
import * as m0003 from './0003-customers';
import * as m0004 from './0004-questionnaires';
import * as m0005 from './0005-callbacks';
import * as m0006 from './0006-faq';
import * as m0007 from './0007-jobs-notifications';
import * as m0009 from './0009-survey-links';
import * as m0010 from './0010-call-scripts';
import * as m0011 from './0011-cases';
import * as m0012 from './0012-complaints';
import * as m0013 from './0013-kpi-aggregates';
import * as m0014 from './0014-faq-task-link';
import * as m0015 from './0015-case-substitute';
import * as m0016 from './0016-reports';
import * as m0017 from './0017-queue-claim';
import * as m0018 from './0018-special-callbacks';
import * as m0019 from './0019-import-throughput';
import * as m0020 from './0020-kpi-thresholds';
import * as m0021 from './0021-queue-claim-plans';

/** Forward-only migrations, in order. Add a file and list it here; never edit a landed one. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-session-user-snapshot': m0002,
  '0003-customers': m0003,
  '0004-questionnaires': m0004,
  '0005-callbacks': m0005,
  '0006-faq': m0006,
  '0007-jobs-notifications': m0007,
  '0009-survey-links': m0009,
  '0010-call-scripts': m0010,
  '0011-cases': m0011,
  '0012-complaints': m0012,
  '0013-kpi-aggregates': m0013,
  '0014-faq-task-link': m0014,
  '0015-case-substitute': m0015,
  '0016-reports': m0016,
  '0017-queue-claim': m0017,
  '0018-special-callbacks': m0018,
  '0019-import-throughput': m0019,
  '0020-kpi-thresholds': m0020,
  '0021-queue-claim-plans': m0021,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
