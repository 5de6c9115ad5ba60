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

/** The dashboard (docs/dashboard.md). */
export type DashboardPreset = 'developer' | 'manager' | 'product' | 'hr' | 'support' | 'sales' | 'admin' | 'custom';
export type DashboardRole = 'admin' | 'manager' | 'developer' | 'hr' | 'support' | 'sales' | 'viewer';
export type WidgetSize = 'small' | 'medium' | 'large' | 'full';

export interface PresetInfo {
  id: DashboardPreset;
  name: string;
  description: string;
  icon: string;
  color: string;
  /** The default widgets in order: the seed's list, then Loupe's additions. */
  widgets: string[];
  seed_widgets: string[];
  loupe_widgets: string[];
}

export interface WidgetInfo {
  id: string;
  name: string;
  category: string;
  personas: string[];
  default_size: WidgetSize;
  icon: string;
  /** Any of them grants the widget; empty: everyone. */
  required_permissions: string[];
  origin: 'server' | 'frontend' | 'loupe';
  /** 'available': Loupe computes it from the methods in `sources`; 'needs': `needs` names the data it lacks. */
  status: 'available' | 'needs';
  needs?: string;
  sources: string[];
  /** Only when `dashboard.widgets` was given a role. */
  accessible?: boolean;
}

export interface WidgetRegistry {
  widgets: WidgetInfo[];
  categories: { id: string; name: string; icon: string }[];
  roles: { id: DashboardRole; permissions: string[]; individuals: boolean }[];
}

export interface DashboardChecklist {
  items: { id: 'importData' | 'createTeam' | 'setSchedule' | 'generateSnapshots' | 'addAlertRule'; label: string; done: boolean; auto: boolean }[];
  dismissed: boolean;
}

/** What every dashboard mutation resolves to: the active preset as the role sees it. */
export interface DashboardPreferences {
  user: string;
  role: DashboardRole;
  /** Whether the role sees individual developers (admin, manager, hr) or team-level figures only. */
  individuals: boolean;
  preset: DashboardPreset;
  presets: DashboardPreset[];
  /** Presets with a customisation of their own (kept when switching). */
  customised: DashboardPreset[];
  /** On the 12-column grid: x, y, w, h in cells; never overlapping. */
  widgets: { id: string; name: string; category: string; x: number; y: number; w: number; h: number; size: WidgetSize;
    accessible: true; status: 'available' | 'needs'; needs?: string; sources: string[] }[];
  hidden: string[];
  /** Widgets on this dashboard the role may not see: left out, not deleted. */
  restricted: string[];
  pinned: string[];
  visits: Record<string, number>;
  checklist: DashboardChecklist;
}

type DashboardMethod<P = {}> = Method<P & { user?: string }, DashboardPreferences>;

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
    explain: Method<WindowParams & { metric: string; developer?: string; team?: string }, MetricExplanation>;
    catalog: Method<{ profile?: 'loupe' | 'aexy-compat' }>;
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
  /** Persona presets, the widget registry and each user's dashboard (docs/dashboard.md); `user` defaults to "local". */
  readonly dashboard: {
    presets: Method<{}, PresetInfo[]>;
    widgets: Method<{ role?: DashboardRole }, WidgetRegistry>;
    /** Creates (and stores) the defaults on the first read. */
    preferences: DashboardMethod;
    /** Keeps every preset's customisation: switching back restores it. */
    switchPreset: DashboardMethod<{ preset: DashboardPreset }>;
    /** Default: the active preset. */
    resetPreset: DashboardMethod<{ preset?: DashboardPreset }>;
    moveWidget: DashboardMethod<{ widget: string; x: number; y: number }>;
    resizeWidget: DashboardMethod<{ widget: string; w: number; h: number }>;
    setWidgetSize: DashboardMethod<{ widget: string; size: WidgetSize }>;
    showWidget: DashboardMethod<{ widget: string }>;
    hideWidget: DashboardMethod<{ widget: string }>;
    /** Exactly the visible widgets the role may see, in the new order. */
    reorder: DashboardMethod<{ widgets: string[] }>;
    setRole: DashboardMethod<{ role: DashboardRole }>;
    /** {path: count}; the first 50 entries, integer counts >= 1, paths cut to their first segment. */
    trackVisits: DashboardMethod<{ visits: Record<string, number> }>;
    pin: DashboardMethod<{ item: string }>;
    unpin: DashboardMethod<{ item: string }>;
    checklist: Method<{ user?: string }, DashboardChecklist>;
    completeChecklistItem: DashboardMethod<{ item: string; done?: boolean }>;
    dismissChecklist: DashboardMethod<{ dismissed?: boolean }>;
    recommendations: Method<{ user?: string }, { routes: { path: string; visits: number }[];
      widgets: { id: string; name: string; category: string; default_size: WidgetSize; sources: string[] }[] }>;
  };
  readonly sync: {
    /** GitHub sync in the engine (docs/sync.md). */
    github(params: SyncParams, options?: CallOptions): Promise<any>;
    getState: Method<{ key: string }>;
    putState: Method<{ key: string; value: Json }>;
  };
}

/** insights.explain: what a number means, over which window and population (docs/metrics.md). */
export interface MetricExplanation {
  key: string; category: string; label: string;
  unit: 'count' | 'ratio' | 'hours' | 'days' | 'lines' | 'score' | 'per_day' | 'per_week' | 'load' | 'percentile' | 'rank' | 'weight' | 'label';
  better: 'higher' | 'lower' | 'neither'; subject: 'developer' | 'team' | 'workspace'; definition: string;
  window: { rule: string; from: string; to: string; zone: string; bounds: 'half-open' | 'closed'; period_type: string };
  population: { rule: string; developers: number; developer?: { id: number; name: string }; team?: string;
                counted?: { what: string; count: number }[]; excluded?: { what: string; count: number }[] };
  exclusions: string[]; profile: 'loupe' | 'aexy-compat'; differs_in_other_profile: boolean; other_profile?: string;
}
