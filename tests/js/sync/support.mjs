// Shared pieces of the sync tests: the real-data gate, a fake clock, and engines.
import fs from 'node:fs';
import { REAL_DATA_DIR } from './replay_server.mjs';

/**
 * Whether the real data is there. When it is missing: prints LOUPE-SKIP and skips the test, or
 * fails it when LOUPE_REQUIRE_REAL_DATA=1.
 */
export function haveRealData(t) {
  if (fs.existsSync(`${REAL_DATA_DIR}/github-api/devlake-e2e-panjf2000-ants/raw_tables`)) return true;
  const why = `${REAL_DATA_DIR}/github-api is missing (shared real data)`;
  if (process.env.LOUPE_REQUIRE_REAL_DATA === '1') throw new Error(`LOUPE_REQUIRE_REAL_DATA=1 but ${why}`);
  console.log(`LOUPE-SKIP: ${t.name}: ${why}`);
  t.skip(why);
  return false;
}

/** A clock the sync's now()/sleep() use: sleeping advances it at once and is recorded. */
export class FakeClock {
  constructor(start = Date.parse('2026-11-28T12:00:00Z')) {
    this.t = start;
    this.sleeps = [];
    this.onSleep = null;  // async hook, runs before the time advances
    this.now = () => this.t;
    this.sleep = async (ms, signal) => {
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      this.sleeps.push(ms);
      if (this.onSleep) await this.onSleep(ms);
      this.t += ms;
    };
  }
}

/** Every `.log` entry's path plus its page (for assertions on pagination). */
export function pagesOf(log, path) {
  return log.filter((e) => e.path === path).map((e) => Number(e.query.page ?? 1));
}
