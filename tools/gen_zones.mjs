// gen_zones.mjs — turns a compiled IANA zoneinfo tree into the engine's zone table.
//
//   node tools/gen_zones.mjs /usr/share/zoneinfo OUT.cpp
//
// Reads every TZif (v2+) file, keeps the transitions from 1970 up to 2027-01-01 plus the footer
// POSIX TZ string that governs later instants, and writes C++ defining the arrays declared in
// engine/src/core/zone_data.h. The same tzdata always gives the same bytes (everything is sorted).
//
// The footer is only authoritative after a file's last transition, and some zones list predicted
// transitions the footer cannot express (Morocco's and Palestine's Ramadan changes, up to 2087).
// So the footer is checked against the file after the cut, and transitions are kept past 2027
// until the footer reproduces everything that follows.
import fs from 'node:fs';
import path from 'node:path';

const kCutInstant = 1798761600;  // 2027-01-01T00:00:00Z
const kSkippedDirs = new Set(['posix', 'right']);
const kSkippedFiles = new Set(['localtime', 'posixrules', 'Factory']);
const kMaxUint32 = 0xffffffff;

function fail(message) {
  process.stderr.write(`gen_zones: ${message}\n`);
  process.exit(1);
}

// ---- Calendar arithmetic (Hinnant's days_from_civil, as in engine/src/core/time.cpp) ----

function floorDiv(a, b) {
  return Math.floor(a / b);
}

function daysFromCivil(y, m, d) {
  y -= m <= 2 ? 1 : 0;
  const era = floorDiv(y, 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function yearOfInstant(t) {
  let days = floorDiv(t, 86400) + 719468;
  const era = floorDiv(days, 146097);
  const doe = days - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) -
                          Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  return yoe + era * 400 + (m <= 2 ? 1 : 0);
}

function isLeap(y) {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y, m) {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

// ---- POSIX TZ strings (RFC 8536 §3.3, with the §3.3.1 extensions) ----

function parsePosixTz(text) {
  let i = 0;
  const bad = (what) => fail(`footer "${text}": ${what} at offset ${i}`);
  const name = () => {
    if (text[i] === '<') {
      const close = text.indexOf('>', i);
      if (close < 0) bad('unterminated <name>');
      const n = text.slice(i + 1, close);
      i = close + 1;
      return n;
    }
    const m = /^[A-Za-z]{3,}/.exec(text.slice(i));
    if (!m) bad('expected a zone abbreviation');
    i += m[0].length;
    return m[0];
  };
  const number = () => {
    const m = /^[0-9]+/.exec(text.slice(i));
    if (!m) bad('expected a number');
    i += m[0].length;
    return Number(m[0]);
  };
  // [+-]hh[:mm[:ss]] in seconds.
  const duration = () => {
    let sign = 1;
    if (text[i] === '+' || text[i] === '-') sign = text[i++] === '-' ? -1 : 1;
    let s = number() * 3600;
    if (text[i] === ':') { ++i; s += number() * 60; }
    if (text[i] === ':') { ++i; s += number(); }
    return sign * s;
  };
  const rule = () => {
    const r = {};
    if (text[i] === 'M') {
      ++i;
      r.kind = 'M';
      r.month = number();
      if (text[i++] !== '.') bad('expected "."');
      r.week = number();
      if (text[i++] !== '.') bad('expected "."');
      r.weekday = number();
    } else if (text[i] === 'J') {
      ++i;
      r.kind = 'J';
      r.day = number();
    } else {
      r.kind = 'n';
      r.day = number();
    }
    r.time = 7200;
    if (text[i] === '/') { ++i; r.time = duration(); }
    return r;
  };

  const tz = {stdAbbr: name()};
  tz.stdOff = -duration();  // POSIX counts west of UTC as positive
  if (i < text.length) {
    tz.dstAbbr = name();
    tz.dstOff = tz.stdOff + 3600;
    if (i < text.length && text[i] !== ',') tz.dstOff = -duration();
    if (text[i++] !== ',') bad('expected ",start,end" rules');
    tz.start = rule();
    if (text[i++] !== ',') bad('expected ",end" rule');
    tz.end = rule();
  }
  if (i !== text.length) bad('trailing characters');
  return tz;
}

function ruleDay(year, r) {
  const jan1 = daysFromCivil(year, 1, 1);
  if (r.kind === 'J') return jan1 + r.day - 1 + (isLeap(year) && r.day >= 60 ? 1 : 0);
  if (r.kind === 'n') return jan1 + r.day;
  const first = daysFromCivil(year, r.month, 1);
  const firstWeekday = ((first + 4) % 7 + 7) % 7;  // Sunday = 0; 1970-01-01 was a Thursday
  let day = first + ((r.weekday - firstWeekday + 7) % 7) + (r.week - 1) * 7;
  while (day >= first + daysInMonth(year, r.month)) day -= 7;
  return day;
}

// The DST changes of the years around `year`, in order; equal instants keep year order so a
// year-round DST rule (end of one year == start of the next) stays in DST.
function footerEvents(tz, fromYear, toYear) {
  const events = [];
  for (let y = fromYear; y <= toYear; ++y) {
    events.push({t: ruleDay(y, tz.start) * 86400 + tz.start.time - tz.stdOff, dst: true});
    events.push({t: ruleDay(y, tz.end) * 86400 + tz.end.time - tz.dstOff, dst: false});
  }
  return events.sort((a, b) => a.t - b.t);
}

function footerAt(tz, t) {
  if (tz.dstAbbr === undefined) return {utoff: tz.stdOff, isdst: 0, abbr: tz.stdAbbr};
  const y = yearOfInstant(t);
  const events = footerEvents(tz, y - 1, y + 1);
  let dst = !events[0].dst;
  for (const e of events) {
    if (e.t > t) break;
    dst = e.dst;
  }
  return dst ? {utoff: tz.dstOff, isdst: 1, abbr: tz.dstAbbr}
             : {utoff: tz.stdOff, isdst: 0, abbr: tz.stdAbbr};
}

// ---- TZif (RFC 8536) ----

function parseTzif(bytes, where) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = (at) => {
    if (bytes.toString('latin1', at, at + 4) !== 'TZif') fail(`${where}: bad TZif header`);
    const c = (k) => view.getUint32(at + 20 + 4 * k);
    return {version: bytes[at + 4], isut: c(0), isstd: c(1), leap: c(2), time: c(3), type: c(4),
            char: c(5)};
  };
  const v1 = header(0);
  if (v1.version === 0) fail(`${where}: TZif version 1 has no 64-bit data; need v2+`);
  let at = 44 + v1.time * 5 + v1.type * 6 + v1.char + v1.leap * 8 + v1.isstd + v1.isut;
  const h = header(at);
  if (h.leap !== 0) fail(`${where}: leap-second ("right/") data is not supported`);
  at += 44;
  const times = [];
  for (let k = 0; k < h.time; ++k) times.push(Number(view.getBigInt64(at + 8 * k)));
  at += 8 * h.time;
  const typeOf = [...bytes.subarray(at, at + h.time)];
  at += h.time;
  const rawTypes = [];
  for (let k = 0; k < h.type; ++k, at += 6) {
    rawTypes.push({utoff: view.getInt32(at), isdst: bytes[at + 4], abbrind: bytes[at + 5]});
  }
  const chars = bytes.subarray(at, at + h.char);
  at += h.char + h.isstd + h.isut;
  const types = rawTypes.map(({utoff, isdst, abbrind}) => {
    const end = chars.indexOf(0, abbrind);
    return {utoff, isdst, abbr: chars.toString('latin1', abbrind, end < 0 ? chars.length : end)};
  });
  if (bytes[at] !== 0x0a) fail(`${where}: missing footer`);
  const footerEnd = bytes.indexOf(0x0a, at + 1);
  if (footerEnd < 0) fail(`${where}: unterminated footer`);
  const footer = bytes.toString('latin1', at + 1, footerEnd);
  return {times, typeOf, types, footer};
}

function sameLocal(a, b) {
  return a.utoff === b.utoff && a.isdst === b.isdst && a.abbr === b.abbr;
}

// Reduces one zone to what the engine keeps: the type before 1970, the transitions from 1970 on
// (up to the cut), and the footer.
function reduceZone(z, where) {
  const tz = z.footer === '' ? null : parsePosixTz(z.footer);
  const n = z.times.length;
  // RFC 8536: type 0 before the first transition, the footer on or after the last one.
  const fileAt = (t) => {
    if (n === 0 || t < z.times[0]) return z.types[0];
    if (tz && t >= z.times[n - 1]) return footerAt(tz, t);
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (z.times[mid] <= t) lo = mid; else hi = mid - 1;
    }
    return z.types[z.typeOf[lo]];
  };

  const first = z.times.findIndex((t) => t >= 0);
  const begin = first < 0 ? n : first;
  let end = begin;
  while (end < n && z.times[end] < kCutInstant) ++end;
  if (!tz) {
    end = n;
  } else {
    const last = n > 0 ? z.times[n - 1] : 0;
    for (;;) {
      const footerFrom = end > begin ? z.times[end - 1] : 0;
      // Both sides are constant between consecutive check points, so agreeing at every point
      // means agreeing everywhere in [footerFrom, last].
      const points = [footerFrom];
      for (let k = end; k < n; ++k) points.push(z.times[k] - 1, z.times[k]);
      if (tz.dstAbbr !== undefined) {
        for (const e of footerEvents(tz, yearOfInstant(footerFrom) - 1, yearOfInstant(last) + 1)) {
          if (e.t > footerFrom && e.t <= last) points.push(e.t - 1, e.t);
        }
      }
      const bad = points.filter((p) => !sameLocal(fileAt(p), footerAt(tz, p)));
      if (bad.length === 0) break;
      const worst = Math.max(...bad);
      if (end === n) fail(`${where}: footer "${z.footer}" disagrees with the last transition`);
      while (end < n && z.times[end] <= worst) ++end;
      if (end < n) ++end;
    }
  }
  const kept = [];
  for (let k = begin; k < end; ++k) {
    if (z.times[k] > kMaxUint32) fail(`${where}: transition ${z.times[k]} beyond 2106`);
    kept.push({t: z.times[k], type: z.types[z.typeOf[k]]});
  }
  return {initial: fileAt(-1), kept, footer: z.footer};
}

// ---- Walking the tree ----

function walk(root) {
  const out = [];
  const visit = (dir, rel) => {
    for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      const full = path.join(dir, entry.name);
      const stat = fs.statSync(full, {throwIfNoEntry: false});
      if (!stat) continue;
      if (stat.isDirectory()) {
        // Symlinked directories only mirror the tree (posix/ on Debian); following them loops.
        if (!entry.isSymbolicLink() && !(rel === '' && kSkippedDirs.has(entry.name))) {
          visit(full, name);
        }
        continue;
      }
      if (!stat.isFile() || kSkippedFiles.has(entry.name)) continue;
      const bytes = fs.readFileSync(full);
      if (bytes.length < 44 || bytes.toString('latin1', 0, 4) !== 'TZif') continue;
      out.push({name, bytes});
    }
  };
  visit(root, '');
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function readVersion(root) {
  try {
    const firstLine = fs.readFileSync(path.join(root, 'tzdata.zi'), 'latin1').split('\n')[0];
    const m = /^# version (\S+)/.exec(firstLine);
    if (m) return m[1];
  } catch {
    // Fall through: trees without tzdata.zi (older tzcode installs) have no recorded version.
  }
  return 'unknown';
}

// ---- Emitting C++ ----

function cString(s) {
  return `"${s.replace(/[\\"]/g, '\\$&')}"`;
}

// Comma-separated values wrapped at 100 columns, two-space indented.
function wrap(items) {
  const lines = [];
  let line = ' ';
  for (const item of items) {
    const piece = ` ${item},`;
    if (line.length + piece.length > 100) {
      lines.push(line);
      line = ' ';
    }
    line += piece;
  }
  if (line.trim()) lines.push(line);
  return lines.join('\n');
}

function main() {
  const [root, outPath] = process.argv.slice(2);
  if (!root || !outPath) fail('usage: node tools/gen_zones.mjs ZONEINFO_DIR OUT.cpp');

  const files = walk(root);
  if (files.length === 0) fail(`${root}: no TZif files found`);

  const abbrOffsets = new Map();
  let abbrPool = '';
  const typeIds = new Map();
  const types = [];
  const typeId = (t) => {
    const key = `${t.utoff}/${t.isdst}/${t.abbr}`;
    if (!typeIds.has(key)) {
      if (!abbrOffsets.has(t.abbr)) {
        abbrOffsets.set(t.abbr, abbrPool.length);
        abbrPool += `${t.abbr}\0`;
      }
      typeIds.set(key, types.length);
      types.push({...t, abbrOffset: abbrOffsets.get(t.abbr)});
    }
    return typeIds.get(key);
  };
  const footerIds = new Map();
  const footers = [];
  const footerId = (f) => {
    if (!footerIds.has(f)) {
      footerIds.set(f, footers.length);
      footers.push(f);
    }
    return footerIds.get(f);
  };

  // Types, footers and records are numbered in order of first use by the sorted names, so the
  // output depends on the tzdata only.
  const recordIds = new Map();
  const records = [];
  const transitionTimes = [];
  const transitionTypes = [];
  const names = [];
  for (const {name, bytes} of files) {
    const z = reduceZone(parseTzif(bytes, name), name);
    const key = JSON.stringify(z);
    if (!recordIds.has(key)) {
      recordIds.set(key, records.length);
      records.push({
        firstTransition: transitionTimes.length,
        transitionCount: z.kept.length,
        initialType: typeId(z.initial),
        footer: z.footer === '' ? 0xffff : footerId(z.footer),
      });
      for (const {t, type} of z.kept) {
        transitionTimes.push(t);
        transitionTypes.push(typeId(type));
      }
    }
    names.push({name, record: recordIds.get(key)});
  }
  if (types.length > 0xffff || records.length > 0xffff || abbrPool.length > 0xffff ||
      footers.length >= 0xffff || records.some((r) => r.transitionCount > 0xffff)) {
    fail('table outgrew its 16-bit indices');
  }

  const version = readVersion(root);
  const cpp = `// Generated by tools/gen_zones.mjs from tzdata ${version}. Do not edit.
#include "core/zone_data.h"

namespace loupe::zone_data {

// constinit: g++ would otherwise build the string_view arrays at startup, after other static
// initialisers might already have looked a zone up.
constinit const std::string_view kVersion = ${cString(version)};

constinit const size_t kZoneCount = ${names.length};
constinit const std::string_view kZoneNames[] = {
${names.map((n) => `  ${cString(n.name)},`).join('\n')}
};
constinit const uint16_t kZoneRecordOfName[] = {
${wrap(names.map((n) => n.record))}
};

constinit const ZoneRecord kZoneRecords[] = {
${wrap(records.map((r) =>
      `{${r.firstTransition}, ${r.transitionCount}, ${r.initialType}, ${r.footer}}`))}
};

constinit const LocalType kLocalTypes[] = {
${wrap(types.map((t) => `{${t.utoff}, ${t.isdst}, ${t.abbrOffset}}`))}
};

constinit const char kAbbreviations[] =
${abbrPool.split('\0').slice(0, -1).map((a) => `    "${a}\\0"`).join('\n')};

constinit const size_t kFooterCount = ${footers.length};
constinit const std::string_view kFooters[] = {
${footers.map((f) => `  ${cString(f)},`).join('\n')}
};

constinit const uint32_t kTransitionTimes[] = {
${wrap(transitionTimes)}
};
constinit const uint16_t kTransitionTypes[] = {
${wrap(transitionTypes)}
};

}  // namespace loupe::zone_data
`;
  fs.mkdirSync(path.dirname(path.resolve(outPath)), {recursive: true});
  // Write-then-rename so an interrupted build never leaves a half-written source behind.
  const tmp = `${outPath}.tmp`;
  fs.writeFileSync(tmp, cpp);
  fs.renameSync(tmp, outPath);
}

main();
