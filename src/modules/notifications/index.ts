// Public API of the notifications module: render, queue, and the senders the outbox worker calls.
export { enqueueNotification, notificationHandlers, EMAIL_TOPIC, SMS_TOPIC, SMS_MAX_SEGMENTS, type NotificationInput, type SmsQuota } from "./notify.ts";
export { renderNotification, NOTIFICATION_KINDS, type NotificationData, type NotificationKind, type RenderedNotification } from "./templates.ts";
export { createDevSmsSink, createHttpSmsGateway, toE164Vn, type DevSmsSink, type HttpSmsGatewayOptions, type SentSms, type SmsSender } from "./sms.ts";
export { createDevEmailSink, createSmtpSender, type DevEmailSink, type EmailMessage, type EmailSender, type SentEmail, type SmtpSender } from "./email.ts";
export { countSmsSegments, toGsm7, toSmsText, type SmsText } from "./sms-text.ts";
