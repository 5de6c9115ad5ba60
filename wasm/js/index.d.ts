// Types of the Loupe engine package (@loupe/engine). Method params and results are documented in
// docs/api.md; results are the JSON the CLI's --json prints for the same operation.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** An engine error. `file`, `record` and `field` locate input errors ("" when unknown). */
export declare class LoupeError extends Error {
  readonly code: 'invalid_input' | 'not_found' | 'already_exists' | 'failed_precondition' | 'io_error' | 'cancelled'
    | 'unsupported' | 'internal' | 'locked' | string;
  readonly file: string;
  readonly record: string;
  readonly field: string;
}

export interface Progress {
  phase: string;          // "parse", "store", "compute", …
  done: number;
  total: number;          // 0 when unknown
  unit: string;           // "bytes", "rows", "snapshots", …
  file?: string;          // imports: the file being read
  fileIndex?: number;
  files?: number;
}

export interface CallOptions {
  onProgress?: (progress: Progress) => void;
  /** Checked between steps (files, HTTP requests, batches) and at every progress report. */
  signal?: AbortSignal;
}

export type ImportInput = File | Blob | ArrayBuffer | ArrayBufferView | { name: string; bytes: ArrayBuffer | ArrayBufferView | Blob };

export interface ImportOptions extends CallOptions {
  /** "github-rest" | "gharchive" | "gitlog" | "bundle"; detected when absent. */
  format?: string;
  /** "owner/name": required for git log exports, which do not name their repository. */
  repo?: string;
  /** "owner/name#N": the input is that pull request's commit list. */
  pullRequest?: string;
}

export interface ImportReport {
  file: string;
  format: string;
  bytes: number;
  records: number;
  seconds: number;
  changed: boolean;
  added: { commits: number; pull_requests: number; reviews: number; comments: number; manifests: number; identities: number };
  updated: { commits: number; pull_requests: number; reviews: number; comments: number };
  skipped: Record<string, number>;
}

/** Window params of insights and alert evaluation (docs/api.md, "Windows"). */
export interface WindowParams {
  from?: string;
  to?: string;
  period?: 'daily' | 'weekly' | 'biweekly' | 'monthly' | 'custom';
  profile?: 'loupe' | 'aexy-compat';
}

/**
 * Whom and which window an intelligence analysis covers (docs/api.md, "intelligence"): one of
 * developer, team or developers (none: the workspace); days (each analysis' range) or from + to.
 */
export interface AnalysisParams {
  developer?: string;
  team?: string;
  developers?: string[];
  days?: number;
  from?: string;
  to?: string;
  profile?: 'loupe' | 'aexy-compat';
}

/** Every intelligence result: the analyzer's output under `result`. */
export interface AnalysisResult<R = any> {
  analysis: 'commits' | 'reviews' | 'expertise' | 'burnout' | 'collaboration' | 'complexity' | 'technology';
  subject: { kind: 'developer' | 'team' | 'developers' | 'workspace'; developer_id?: number; name?: string; team?: string; members?: number; developer_ids?: number[] };
  window: { from: string; to: string };
  profile: 'loupe' | 'aexy-compat';
  /** When it was computed: an older instant means it came from the cache. */
  computed_at: string;
  result: R;
}

export interface IntelligenceSettings {
  expertiseHalfLifeDays: number;
  burnoutHighActivityCommits: number;
  burnoutMinBreakDays: number;
  burnoutBreakLookbackDays: number;
  burnoutMinReviewsForTrend: number;
  collaborationRecencyHorizonDays: number;
  technologyCurrentDays: number;
  technologyRecentDays: number;
}

type Method<P = Record<string, Json | undefined>, R = any> = (params?: P, options?: CallOptions) => Promise<R>;

export interface SyncParams {
  token: string;
  /** "owner/name" each. */
  repositories: string[];
  /** Default https://api.github.com; the token is sent to this host only. */
  apiBase?: string;
  /** Ignore the stored cursors and read everything again. */
  full?: boolean;
}

export interface OpenOptions {
  /** Browser: 'opfs' (default; persisted, one tab at a time) or 'memory'. Node: 'memory' (default) or 'sqlite-memory'. */
  storage?: 'opfs' | 'memory' | 'sqlite-memory';
  /** The workspace's name: its database file and its Web Lock. Default "default". */
  name?: string;
  /** Where the package's files are, when not next to this module (any origin serving them with CORS). */
  workerUrl?: string | URL;
  engineUrl?: string | URL;
  wasmUrl?: string | URL;
  sqliteUrl?: string | URL;
}

export declare class Loupe {
  /** Rejects with code 'locked' when another tab holds the same workspace. */
  static open(options?: OpenOptions): Promise<Loupe>;

  readonly storage: string;
  readonly persistent: boolean;

  /** Any api::Dispatch method by name. */
  call(method: string, params?: Record<string, Json | undefined>, options?: CallOptions): Promise<any>;
  close(): Promise<void>;

  readonly import: {
    /** One file after another, each all-or-nothing; resolves to one report per file. */
    files(inputs: ImportInput | ImportInput[] | FileList, options?: ImportOptions): Promise<ImportReport[]>;
  };
  readonly workspace: { describe: Method; exportBundle: Method<{}, string> };
  readonly developers: { list: Method<{ bots?: boolean; limit?: number }> };
  readonly identities: {
    list: Method<{ bots?: boolean }>;
    merge: Method<{ a: string; b: string }>;
    split: Method<{ identity: string }>;
    suggest: Method<{ minConfidence?: number }>;
    importMailmap: Method<{ text: string; source?: string }, { added: number }>;
    exportMailmap: Method<{}, { text: string }>;
    botRules: Method;
    addBotRule: Method<{ pattern: string; human?: boolean; note?: string }>;
    removeBotRule: Method<{ pattern: string }>;
  };
  readonly teams: {
    list: Method;
    create: Method<{ name: string }>;
    delete: Method<{ name: string }>;
    addMembers: Method<{ team: string; developers: string[]; role?: 'member' | 'lead' }>;
    removeMember: Method<{ team: string; developer: string }>;
  };
  readonly insights: {
    developer: Method<WindowParams & { developer: string; comparePrevious?: boolean; health?: boolean; percentile?: boolean; gamingFlags?: boolean; forecast?: boolean }>;
    team: Method<WindowParams & { team?: string; includeInactive?: boolean; roleWeighted?: boolean }>;
    workspace: Method<WindowParams>;
    compare: Method<WindowParams & { developers: string[] }>;
    leaderboard: Method<WindowParams & { metric: string; limit?: number; team?: string }>;
  };
  readonly snapshots: {
    generate: Method<WindowParams & { developers?: string[]; team?: string }>;
    generateDue: Method;
    history: Method<{ developer: string; period?: string; limit?: number }>;
    status: Method;
  };
  readonly settings: { get: Method<{ team?: string }>; set: Method };
  readonly schedules: {
    list: Method;
    get: Method<{ developer: string }>;
    set: Method<{ developer: string; [field: string]: Json | undefined }>;
    remove: Method<{ developer: string }>;
  };
  readonly alerts: {
    rules: Method<{ all?: boolean }>;
    addRule: Method<{ name: string; category: string; metric: string; operator: 'gt' | 'lt' | 'gte' | 'lte' | 'eq' | 'change_pct'; threshold: number; scope?: 'workspace' | 'team' | 'developer'; scopeId?: string; severity?: 'info' | 'warning' | 'critical'; description?: string; active?: boolean }, { id: number }>;
    updateRule: Method<{ id: number; [field: string]: Json | undefined }>;
    deleteRule: Method<{ id: number }>;
    seedTemplates: Method<{}, { added: number }>;
    evaluate: Method<WindowParams>;
    list: Method<{ status?: 'triggered' | 'acknowledged' | 'resolved' | 'open'; limit?: number }>;
    acknowledge: Method<{ id: number; by?: string }>;
    resolve: Method<{ id: number; by?: string }>;
  };
  readonly privacy: { export: Method<{ developer: string }, string>; erase: Method<{ developer: string }> };
  readonly intelligence: {
    commits: Method<AnalysisParams, AnalysisResult>;
    reviews: Method<AnalysisParams, AnalysisResult>;
    /** A group without `skill`: its members compared in its ten most held skills. */
    expertise: Method<AnalysisParams & { skill?: string }, AnalysisResult>;
    burnout: Method<AnalysisParams, AnalysisResult>;
    collaboration: Method<AnalysisParams, AnalysisResult>;
    complexity: Method<AnalysisParams, AnalysisResult>;
    technology: Method<AnalysisParams, AnalysisResult>;
    classifyCommit: Method<{ message: string; profile?: 'loupe' | 'aexy-compat' }>;
    classifyPullRequest: Method<{ repository: string; number: number; profile?: 'loupe' | 'aexy-compat' }>;
    /** Every analysis for everyone, cached in one transaction; progress phase "analyze". */
    analyzeAll: Method<{ days?: number; from?: string; to?: string; profile?: 'loupe' | 'aexy-compat' },
      { developers: number; teams: number; analyses: number; computed: number; reused: number; seconds: number }>;
    settings: Method<{}, IntelligenceSettings>;
    setSettings: Method<Partial<IntelligenceSettings>, {}>;
  };
  /** The analytics dashboard's views (docs/analytics.md); subjects and windows as for intelligence. */
  readonly analytics: {
    skills: Method<AnalysisParams & { skills?: string[]; maxSkills?: number }>;
    activity: Method<{ developer: string; days?: number; from?: string; to?: string; profile?: 'loupe' | 'aexy-compat' }>;
    productivity: Method<AnalysisParams & { groupBy?: 'day' | 'week' | 'month' }>;
    workload: Method<{ developer?: string; team?: string; developers?: string[]; days?: number; profile?: 'loupe' | 'aexy-compat' }>;
    collaboration: Method<AnalysisParams>;
  };
  readonly sync: {
    /** GitHub sync in the engine (docs/sync.md). */
    github(params: SyncParams, options?: CallOptions): Promise<any>;
    getState: Method<{ key: string }>;
    putState: Method<{ key: string; value: Json }>;
  };
}
