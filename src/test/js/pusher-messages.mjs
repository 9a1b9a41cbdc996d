// Driven by PusherJsTest: a chat client as an app writes it with Laravel Echo, listening on a
// workspace channel for new messages and their translations. Prints one JSON object per line.
import { echo as connect, say } from './echo-client.mjs';

const { CHANNEL } = process.env;
const echo = connect();

echo.private(CHANNEL)
  .listen('.message.created', (data) => say({ type: 'created', data }))
  .listen('.message.translated', (data) => say({ type: 'translated', data }))
  .subscribed(() => say({ type: 'subscribed' }))
  .error((error) => say({ type: 'subscription_error', error }));

process.stdin.on('data', () => {}).on('end', () => process.exit(0));
