import { main } from './post.js';
await main();
