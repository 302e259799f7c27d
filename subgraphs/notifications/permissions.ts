import { allow, isMember } from '../../lib/shieldRules.ts';

// Everything here is the signed-in member's own: resolvers read and write the viewer's rows only.
export const permissions = {
  Query: { localMail: isMember },
  Mutation: {
    follow: isMember,
    unfollow: isMember,
    saveSearch: isMember,
    deleteSavedSearch: isMember,
    markNotificationsRead: isMember,
    markAllNotificationsRead: isMember,
    setNotificationPreferences: isMember,
  },
  Member: allow,
  Procedure: allow,
  LegalFramework: allow,
  Curriculum: allow,
  Workshop: allow,
  LegalProvision: allow,
  SwotItem: allow,
  Recommendation: allow,
  Follow: allow,
  SavedSearch: allow,
  Notification: allow,
  NotificationConnection: allow,
  PageInfo: allow,
  NotificationPreferences: allow,
  LocalMail: allow,
};
