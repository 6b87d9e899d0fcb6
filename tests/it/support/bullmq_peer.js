// The BullMQ peer of the integration tests: the real library (npm `bullmq`, installed by
// scripts/setup.sh under both majors as `bullmq5` and `bullmq6`) adding jobs, running workers
// that fail chosen jobs, and answering with its own view (getJobCounts, job states).
//
//   node bullmq_peer.js MAJOR COMMAND QUEUE [JSON]
//
// The connection comes from EVCTL_TEST_REDIS_PORT and EVCTL_TEST_REDIS_PASSWORD (loopback only).
// Commands (JSON is the command's options):
//   add      {n, name, fail, data, opts, start}  adds n jobs, data {i, fail, ...data}; prints their ids
//   work     {fixed, log, idle_ms, concurrency, max_ms}  a worker: fails jobs whose data.fail is
//            true while the file `fixed` does not exist, completes the others; appends one JSON line
//            {id, name, data, attemptsMade} per completed job to `log`; stops after idle_ms without
//            a job (or max_ms in all), then prints {completed, failed}
//   counts   {}           prints queue.getJobCounts()
//   states   {ids}        prints {id: state}
//   job      {id}         prints the job as the library reads it (name, data, opts, attemptsMade, ...)
//   pause | resume {}     queue.pause() / queue.resume()
//   version  {}           prints the meta version the library wrote
'use strict';

const fs = require('fs');

const [major, command, queueName, json] = process.argv.slice(2);
const opts = json ? JSON.parse(json) : {};
const { Queue, Worker } = require(`bullmq${major}`);
const connection = {
  host: '127.0.0.1',
  port: Number(process.env.EVCTL_TEST_REDIS_PORT),
  password: process.env.EVCTL_TEST_REDIS_PASSWORD,
  maxRetriesPerRequest: null,
};
const prefix = opts.prefix || 'bull';

async function main() {
  const queue = new Queue(queueName, { connection, prefix });
  await queue.waitUntilReady();
  try {
    switch (command) {
      case 'add': return await add(queue);
      case 'work': return await work();
      case 'counts': return print(await queue.getJobCounts());
      case 'states': {
        const out = {};
        for (const id of opts.ids) out[id] = await queue.getJobState(id);
        return print(out);
      }
      case 'job': {
        const j = await queue.getJob(opts.id);
        return print(j && { id: j.id, name: j.name, data: j.data, opts: j.opts,
          attemptsMade: j.attemptsMade, failedReason: j.failedReason, finishedOn: j.finishedOn });
      }
      case 'pause': return await queue.pause();
      case 'resume': return await queue.resume();
      case 'version': return print(await queue.getVersion());
      default: throw new Error(`unknown command ${command}`);
    }
  } finally {
    await queue.close();
  }
}

// process.exit does not wait for a pipe to take a large write: each print is awaited before it
let flushed = Promise.resolve();
function print(v) {
  const line = JSON.stringify(v) + '\n';
  flushed = flushed.then(() => new Promise((resolve) => process.stdout.write(line, resolve)));
}

async function add(queue) {
  const start = opts.start || 0;
  const jobs = [];
  for (let i = start; i < start + opts.n; i++) {
    jobs.push({ name: opts.name || 'job', data: { i, fail: !!opts.fail, ...(opts.data || {}) },
      opts: opts.opts || {} });
  }
  const ids = [];
  for (let k = 0; k < jobs.length; k += 1000) {
    const added = await queue.addBulk(jobs.slice(k, k + 1000));
    for (const j of added) ids.push(j.id);
  }
  print(ids);
}

async function work() {
  let completed = 0, failed = 0, last = Date.now();
  const started = Date.now();
  const worker = new Worker(queueName, async (job) => {
    last = Date.now();
    if (job.data.fail && !(opts.fixed && fs.existsSync(opts.fixed))) {
      throw new Error(`boom ${job.data.i}`);
    }
    if (opts.log) {
      fs.appendFileSync(opts.log, JSON.stringify({ id: job.id, name: job.name, data: job.data,
        attemptsMade: job.attemptsMade }) + '\n');
    }
    return 'ok';
  }, { connection, prefix, concurrency: opts.concurrency || 20 });
  worker.on('completed', () => { completed++; last = Date.now(); });
  worker.on('failed', () => { failed++; last = Date.now(); });
  const idle = opts.idle_ms || 1500, max = opts.max_ms || 60000;
  // ready for jobs: the test waits for this line before it moves any
  print({ ready: true });
  while (Date.now() - last < idle && Date.now() - started < max) {
    await new Promise((r) => setTimeout(r, 100));
  }
  await worker.close();
  print({ completed, failed });
}

main().then(() => flushed.then(() => process.exit(0)), (e) => {
  process.stderr.write(`bullmq_peer: ${e.stack || e}\n`);
  process.exit(1);
});
