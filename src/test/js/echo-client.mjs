// Shared by the pusher-js tests: Laravel Echo with pusher-js, set up as a client app would
// against the test server (HOST, PORT, KEY, TOKEN from the environment), and one JSON object
// per printed line for the test to read.
import Echo from 'laravel-echo';
import Pusher from 'pusher-js';

export const say = (message) => process.stdout.write(JSON.stringify(message) + '\n');

export function echo() {
  const { HOST, PORT, KEY, TOKEN } = process.env;
  return new Echo({
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
}
