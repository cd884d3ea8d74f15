// A real SMTP server for the email-receipt tests (unit and e2e): it asks for a
// password, refuses one address for good (550), and hands every message it
// took to mailparser, so tests read what a donor's mailbox would hold,
// attachment included. It can be stopped and started again on the same port
// (the organisation's server going away and coming back).
import { SMTPServer, type SMTPServerAuthentication, type SMTPServerSession } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

export const SMTP_USER = 'kiosk@asha.example.org';
export const SMTP_PASSWORD = 'mail-Pass-7f3a9c21';
/** The server refuses this address for good, as a real one refuses an unknown mailbox. */
export const UNKNOWN_RECIPIENT = 'nobody@asha.example.org';

export interface TestSmtpServer {
  port: number;
  received: ParsedMail[];
  /** Who logged in, per message. */
  users: string[];
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

function newServer(received: ParsedMail[], users: string[]): SMTPServer {
  return new SMTPServer({
    // Plain SMTP on 127.0.0.1: the tests' kiosk uses security "none".
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: false,
    logger: false,
    onAuth(auth: SMTPServerAuthentication, _session: SMTPServerSession, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (address.address === UNKNOWN_RECIPIENT) callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          users.push(String(session.user ?? ''));
          callback();
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
}

function listen(server: SMTPServer, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port));
  });
}

function shut(server: SMTPServer): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const received: ParsedMail[] = [];
  const users: string[] = [];
  let server: SMTPServer | null = newServer(received, users);
  const port = await listen(server, 0);
  return {
    port,
    received,
    users,
    async stop() {
      if (server) await shut(server);
      server = null;
    },
    async start() {
      if (server) return;
      server = newServer(received, users);
      await listen(server, port);
    },
    async close() {
      if (server) await shut(server);
      server = null;
    },
  };
}
