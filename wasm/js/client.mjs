// The public API object (`Loupe`), independent of where the engine runs: `transport.request(op,
// params, {onProgress, signal, transfer})` reaches it — a worker (index.mjs) or the same process
// (node.mjs). Every namespace method takes one params object (docs/api.md names them) and an
// optional `{onProgress, signal}`; it resolves to the parsed JSON result.
import { LoupeError } from './errors.mjs';

// namespace -> { jsName: dispatch method }. Results are parsed JSON unless listed in kText.
const kMethods = {
  workspace: { describe: 'workspace.describe', exportBundle: 'workspace.exportBundle' },
  developers: { list: 'developers.list' },
  identities: {
    list: 'identities.list', merge: 'identities.merge', split: 'identities.split', suggest: 'identities.suggest',
    importMailmap: 'identities.importMailmap', exportMailmap: 'identities.exportMailmap',
    botRules: 'identities.botRules', addBotRule: 'identities.addBotRule', removeBotRule: 'identities.removeBotRule',
  },
  teams: {
    list: 'teams.list', create: 'teams.create', delete: 'teams.delete', addMembers: 'teams.addMembers',
    removeMember: 'teams.removeMember',
  },
  insights: {
    developer: 'insights.developer', team: 'insights.team', workspace: 'insights.workspace',
    compare: 'insights.compare', leaderboard: 'insights.leaderboard', explain: 'insights.explain',
    catalog: 'insights.catalog',
  },
  snapshots: {
    generate: 'snapshots.generate', generateDue: 'snapshots.generateDue', history: 'snapshots.history',
    status: 'snapshots.status',
  },
  settings: { get: 'settings.get', set: 'settings.set' },
  schedules: { list: 'schedules.list', get: 'schedules.get', set: 'schedules.set', remove: 'schedules.remove' },
  alerts: {
    rules: 'alerts.rules', addRule: 'alerts.addRule', updateRule: 'alerts.updateRule', deleteRule: 'alerts.deleteRule',
    seedTemplates: 'alerts.seedTemplates', evaluate: 'alerts.evaluate', list: 'alerts.list',
    acknowledge: 'alerts.acknowledge', resolve: 'alerts.resolve',
  },
  privacy: { export: 'privacy.export', erase: 'privacy.erase' },
  intelligence: {
    commits: 'intelligence.commits', reviews: 'intelligence.reviews', expertise: 'intelligence.expertise',
    burnout: 'intelligence.burnout', collaboration: 'intelligence.collaboration',
    complexity: 'intelligence.complexity', technology: 'intelligence.technology',
    classifyCommit: 'intelligence.classifyCommit', classifyPullRequest: 'intelligence.classifyPullRequest',
    analyzeAll: 'intelligence.analyzeAll', settings: 'intelligence.settings', setSettings: 'intelligence.setSettings',
  },
  analytics: {
    skills: 'analytics.skills', activity: 'analytics.activity', productivity: 'analytics.productivity',
    workload: 'analytics.workload', collaboration: 'analytics.collaboration',
  },
  dashboard: {
    presets: 'dashboard.presets', widgets: 'dashboard.widgets', preferences: 'dashboard.preferences',
    switchPreset: 'dashboard.switchPreset', resetPreset: 'dashboard.resetPreset', moveWidget: 'dashboard.moveWidget',
    resizeWidget: 'dashboard.resizeWidget', setWidgetSize: 'dashboard.setWidgetSize', showWidget: 'dashboard.showWidget',
    hideWidget: 'dashboard.hideWidget', reorder: 'dashboard.reorder', setRole: 'dashboard.setRole',
    trackVisits: 'dashboard.trackVisits', pin: 'dashboard.pin', unpin: 'dashboard.unpin', checklist: 'dashboard.checklist',
    completeChecklistItem: 'dashboard.completeChecklistItem', dismissChecklist: 'dashboard.dismissChecklist',
    recommendations: 'dashboard.recommendations',
  },
  sync: { getState: 'sync.getState', putState: 'sync.putState' },
};
// Whole documents a caller saves as files: returned as JSON text, not parsed.
const kText = new Set(['workspace.exportBundle', 'privacy.export']);

const decoder = new TextDecoder();
const asText = (value) => (typeof value === 'string' ? value : decoder.decode(value));

function checkSignal(signal) {
  if (signal?.aborted) throw new LoupeError({ code: 'cancelled', message: 'cancelled before it started' });
}

// One input as {name, bytes: ArrayBuffer}: files and blobs are read as bytes, never as strings.
async function readInput(input, index) {
  if (typeof Blob !== 'undefined' && input instanceof Blob) {
    return { name: input.name || `input ${index + 1}`, bytes: await input.arrayBuffer() };
  }
  if (input instanceof ArrayBuffer) return { name: `input ${index + 1}`, bytes: input };
  if (ArrayBuffer.isView(input)) return { name: `input ${index + 1}`, bytes: copyOf(input) };
  if (input && typeof input === 'object' && 'name' in input) {
    const data = input.bytes ?? input.data;
    if (typeof Blob !== 'undefined' && data instanceof Blob) return { name: String(input.name), bytes: await data.arrayBuffer() };
    if (data instanceof ArrayBuffer) return { name: String(input.name), bytes: data };
    if (ArrayBuffer.isView(data)) return { name: String(input.name), bytes: copyOf(data) };
  }
  throw new LoupeError({ code: 'invalid_input', message: `import: input ${index + 1} is not a File, Blob, ArrayBuffer, typed array or {name, bytes}` });
}

// A typed array's bytes in an ArrayBuffer of their own (so it can be transferred).
function copyOf(view) {
  return view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength);
}

export class Loupe {
  /** @param transport {request(op, params, options): Promise<string|ArrayBuffer>, close(): Promise<void>} */
  constructor(transport, info) {
    this.transport = transport;
    this.storage = info.storage;
    this.persistent = info.persistent;
    for (const [space, methods] of Object.entries(kMethods)) {
      const target = space === 'sync' ? {} : (this[space] = {});
      for (const [name, method] of Object.entries(methods)) {
        target[name] = (params = {}, options = {}) => this.call(method, params, options);
      }
      if (space === 'sync') this.sync = Object.assign(target, { github: (p, o) => this.syncGitHub(p, o) });
    }
    this.import = {
      files: (inputs, options) => this.importFiles(inputs, options),
    };
  }

  /** Any api::Dispatch method by name (docs/api.md). */
  async call(method, params = {}, { onProgress, signal } = {}) {
    checkSignal(signal);
    const text = asText(await this.transport.request('call', { method, params }, { onProgress, signal }));
    return kText.has(method) ? text : JSON.parse(text);
  }

  /**
   * Imports files one after another, each all-or-nothing. Cancelling (signal) stops before the
   * next file; the files already imported stay. Resolves to one report per file.
   */
  async importFiles(inputs, { format = '', repo = '', pullRequest = '', onProgress, signal } = {}) {
    const list = Array.isArray(inputs) || (typeof FileList !== 'undefined' && inputs instanceof FileList)
      ? Array.from(inputs) : [inputs];
    const reports = [];
    for (let i = 0; i < list.length; ++i) {
      checkSignal(signal);
      const { name, bytes } = await readInput(list[i], i);
      const fileProgress = onProgress && ((p) => onProgress({ ...p, file: name, fileIndex: i, files: list.length }));
      const text = asText(await this.transport.request('import', { name, bytes, options: { format, repo, pullRequest } },
        { onProgress: fileProgress, signal, transfer: [bytes] }));
      reports.push(JSON.parse(text));
    }
    return reports;
  }

  /** GitHub sync (docs/sync.md): {token, repositories, apiBase?, full?}; progress and cancel. */
  async syncGitHub(params, { onProgress, signal } = {}) {
    checkSignal(signal);
    return JSON.parse(asText(await this.transport.request('sync', params, { onProgress, signal })));
  }

  /** Closes the engine (and, in the browser, releases the database for other tabs). */
  async close() {
    await this.transport.close();
  }
}
