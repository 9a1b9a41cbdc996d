// Driven by PusherJsTest: a chat client as an app writes it with Laravel Echo, listening on a
// workspace channel for new messages and their translations. Prints one JSON object per line.
import Echo from 'laravel-echo';
import Pusher from 'pusher-js';

const { HOST, PORT, KEY, TOKEN, CHANNEL } = process.env;
const say = (message) => process.stdout.write(JSON.stringify(message) + '\n');

const echo = new Echo({
  broadcaster: 'reverb',
  Pusher,
  key: KEY,
  wsHost: HOST,
  wsPort: Number(PORT),
  forceTLS: false,
  enabledTransports: ['ws'],
  authEndpoint: `http://${HOST}:${PORT}/broadcasting/auth`,
  auth: { headers: { Authorization: `Bearer ${TOKEN}`, Accept: 'application/json' } },
});

echo.private(CHANNEL)
  .listen('.message.created', (data) => say({ type: 'created', data }))
  .listen('.message.translated', (data) => say({ type: 'translated', data }))
  .subscribed(() => say({ type: 'subscribed' }))
  .error((error) => say({ type: 'subscription_error', error }));

process.stdin.on('data', () => {}).on('end', () => process.exit(0));
