/**
 * The production entry: `npm run build` compiles this to dist/main.js, and
 * `node dist/main.js` (npm run start:prod, the Dockerfile, the systemd unit)
 * runs the bot in one process. `npm start` runs src/main.ts directly.
 */
import "./src/main.ts";
