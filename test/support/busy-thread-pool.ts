import { pbkdf2 } from 'node:crypto';

/*
 * Loaded into a worker process by a test (startWorker's `preload`), with a thread pool of
 * one thread: on SIGTERM, before Nest's shutdown hooks begin, that thread gets seconds of
 * work, as a loaded machine may leave the pool's threads unscheduled. Anything the process
 * hands to the pool meanwhile (an asynchronous fs.write of a log line) is still queued
 * when Nest re-raises the signal and the process ends.
 */
process.prependOnceListener('SIGTERM', () => pbkdf2('busy', 'thread pool', 3_000_000, 32, 'sha256', () => undefined));
