import type { JobDefinitions } from '../../lib/jobs.ts';
import { sendQueuedMail } from './delivery.ts';
import type { MailCounters, MailSettings } from './delivery.ts';
import { makeDigests } from './digest.ts';

/**
 * The notifications subgraph's background work: sending each queued mail (retried with exponential backoff while the
 * SMTP server fails) and the daily digests at 07:00 UTC (a day missed while down is caught up on start).
 */
export function notificationsJobs(sources: string[], settings: MailSettings, counters: MailCounters): JobDefinitions {
  return {
    tasks: {
      sendMail: async (payload, job) => {
        const id = payload.mail;
        if (typeof id !== 'string' && typeof id !== 'number') throw new Error('A sendMail job names no mail');
        await sendQueuedMail(job.db, sources, settings, counters, String(id), job);
      },
      sendDigests: async (_payload, job) => {
        const made = await makeDigests(job.db, sources, settings.publicUrl);
        if (made.members) job.log.info(made, 'daily digests queued');
        counters.waiting += made.members;
      },
    },
    schedules: [{ task: 'sendDigests', cron: '0 7 * * *' }],
  };
}
