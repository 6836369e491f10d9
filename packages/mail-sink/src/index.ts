export { startMailSink, type MailSink, type ReceivedMail, type ReceivedAttachment } from './start-mail-sink';
