// Parent side of one measurement: forks child.mjs, hands it the spec, runs the scenario's
// control function (if any) alongside, and always resolves, with either the child's result
// or an error that names what went wrong. A child that outlives its time budget is killed.

import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./child.mjs', import.meta.url));

/** Every child currently running, so an interrupted run can kill them. */
const running = new Set();

export function killRunningChildren() {
  for (const child of running) child.kill('SIGKILL');
}

/**
 * @param {object} spec        passed to the child: client, scenario, options, endpoints
 * @param {object} params
 * @param {Function} [params.control]  async (channel, env) => extra fields merged into the result
 * @param {object}   params.env        handed to control (server handles)
 * @param {number}   params.timeoutMs  hard limit for the whole measurement
 * @returns {Promise<{ ok: true, ...result } | { ok: false, error: string }>}
 */
export function runInChild(spec, { control, env, timeoutMs, execArgv = [] }) {
  return new Promise((resolve) => {
    const child = fork(CHILD, [], {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      execArgv,
      serialization: 'json',
    });
    running.add(child);
    let output = '';
    const keep = (chunk) => {
      output = (output + chunk).slice(-2000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);

    let settled = false;
    let resolveResult;
    let rejectResult;
    const resultPromise = new Promise((res, rej) => {
      resolveResult = res;
      rejectResult = rej;
    });
    resultPromise.catch(() => {});

    const inbox = [];
    const waiters = [];
    let exitError = null;
    let childReportedError = false;
    const channel = {
      send: (msg) => {
        if (child.connected) child.send(msg);
      },
      waitFor(type, ms) {
        const i = inbox.findIndex((m) => m.type === type);
        if (i >= 0) return Promise.resolve(inbox.splice(i, 1)[0]);
        if (exitError) return Promise.reject(exitError);
        return new Promise((res, rej) => {
          const waiter = { type, resolve: res, reject: rej };
          waiters.push(waiter);
          setTimeout(() => {
            const at = waiters.indexOf(waiter);
            if (at >= 0) {
              waiters.splice(at, 1);
              rej(new Error(`child sent no '${type}' within ${ms} ms`));
            }
          }, ms).unref();
        });
      },
      /** Settles when the child has reported its result (rejects on error or exit). */
      result: resultPromise,
    };

    child.on('message', (msg) => {
      if (msg?.type === 'result') resolveResult(msg.result);
      else if (msg?.type === 'error') {
        childReportedError = true;
        rejectResult(new Error(msg.error));
      }
      else {
        const i = waiters.findIndex((w) => w.type === msg?.type);
        if (i >= 0) waiters.splice(i, 1)[0].resolve(msg);
        else inbox.push(msg);
      }
    });
    child.on('error', (err) => rejectResult(err));
    // 'close', not 'exit': 'exit' can come before the child's last IPC message has been read.
    child.on('close', (code, signal) => {
      running.delete(child);
      const tail = output.trim().split('\n').slice(-3).join(' | ');
      exitError = new Error(`child exited (${signal ?? `code ${code}`}) without a result${tail ? `: ${tail}` : ''}`);
      rejectResult(exitError);
      for (const w of waiters.splice(0)) w.reject(exitError);
    });

    const timer = setTimeout(() => {
      rejectResult(new Error(`timed out after ${Math.round(timeoutMs / 1000)} s`));
      child.kill('SIGKILL');
    }, timeoutMs);

    const finish = (value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) {
        // The child exits by itself right after reporting; give it a moment, then make sure.
        setTimeout(() => child.kill('SIGKILL'), 2000).unref();
      }
      resolve(value);
    };

    const controlPromise = control ? control(channel, env) : Promise.resolve({});
    // A control failure leaves the child waiting for messages that will never come.
    controlPromise.catch(() => child.kill('SIGKILL'));
    Promise.allSettled([resultPromise, controlPromise]).then(([result, extra]) => {
      // Prefer the child's own error; then the harness's; then how the child ended.
      if (result.status === 'rejected' && childReportedError) finish({ ok: false, error: result.reason.message });
      else if (extra.status === 'rejected') finish({ ok: false, error: `harness: ${extra.reason.message}` });
      else if (result.status === 'rejected') finish({ ok: false, error: result.reason.message });
      else finish({ ok: true, ...result.value, ...extra.value });
    });

    child.send({ type: 'run', spec });
  });
}
