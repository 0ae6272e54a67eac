export { Notification } from './notification.entity.ts'
export { markNotificationsRead, myNotifications, notify, type NotificationDto } from './notifications.ts'
