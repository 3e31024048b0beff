import { main } from './tty-status.js';
main();
