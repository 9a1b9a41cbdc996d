// Driven by PusherJsTest: the real pusher-js, through Laravel Echo, against the test server.
// Prints one JSON object per line for the test to read; takes commands on stdin
// ("disconnect", "reconnect", "exit"). After every re-subscription it asks for a replay of
// what it missed, as a client app would.
import readline from 'node:readline';
import { echo as connect, say } from './echo-client.mjs';

const { USER_ID } = process.env;
const echo = connect();
const pusher = echo.connector.pusher;
const name = `private-user.${USER_ID}`;
let lastSeq = null;
let subscriptions = 0;

const channel = echo.private(`user.${USER_ID}`);
channel
  .listen('.message.created', (data) => {
    lastSeq = Math.max(lastSeq ?? 0, data.seq);
    say({ type: 'event', data });
  })
  .subscribed(() => {
    subscriptions += 1;
    say({ type: 'subscribed', count: subscriptions, socket_id: pusher.connection.socket_id });
    if (subscriptions > 1 && lastSeq !== null) {
      pusher.send_event('rosetta:replay', { channel: name, since: lastSeq });
    }
  })
  .error((error) => say({ type: 'subscription_error', error }));

const raw = pusher.channel(name);
raw.bind('rosetta:replay_completed', (data) => say({ type: 'replay_completed', data }));
raw.bind('rosetta:replay_unavailable', (data) => say({ type: 'replay_unavailable', data }));
pusher.connection.bind('state_change', ({ current }) => say({ type: 'state', state: current }));

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'disconnect') pusher.disconnect();
  if (line === 'reconnect') pusher.connect();
  if (line === 'exit') {
    pusher.disconnect();
    process.exit(0);
  }
});
