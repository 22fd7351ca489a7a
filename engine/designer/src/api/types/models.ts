// Score models: versions, their holdout evaluation against the RFM baseline, drift (docs/web-api.md, "Score models").

export interface CalibrationBucket {
  from: number;
  to: number;
  customers: number;
  meanPredicted: number;
  observedRate: number;
}

export interface RocPoint {
  falsePositiveRate: number;
  truePositiveRate: number;
}

export interface BinaryMetrics {
  customers: number;
  positives: number;
  auc: number;
  threshold: number;
  precision: number;
  recall: number;
  calibration: CalibrationBucket[];
  prAuc: number;
  topDecileLift: number;
  topDecileCapture: number;
  deciles?: CalibrationBucket[] | null;
  roc?: RocPoint[] | null;
}

export interface ModelMetrics {
  model: BinaryMetrics;
  baseline?: BinaryMetrics | null;
  trainCustomers: number;
  trainCutoff: string;
  holdoutCutoff: string;
  chosen?: string | null;
  candidates?: Record<string, BinaryMetrics> | null;
  calibrationCustomers: number;
}

export interface ScoreDriftView {
  day: string;
  psi: number;
  customers: number;
  warning?: string | null;
}

export interface ScoreModelSummary {
  id: string;
  score: string;
  version: number;
  kind: string;
  active: boolean;
  createdAt: string;
  horizonDays: number;
  threshold: number;
  metrics?: ModelMetrics | null;
  features: string[];
  drift?: ScoreDriftView | null;
}

export interface FeatureDrift {
  name: string;
  trainingMean: number;
  currentMean: number;
  psi?: number | null;
}

export interface FeatureDriftReport {
  asOf: string;
  customers: number;
  features: FeatureDrift[];
}

export interface ScoreModelDetail {
  model: ScoreModelSummary;
  driftHistory: ScoreDriftView[];
  featureDrift: FeatureDriftReport;
}

export interface ModelActivation {
  id: string;
  score: string;
  version: number;
  scored: number;
  scoredAsOf: string;
}

export interface TrainingResult {
  id: string;
  score: string;
  version: number;
  active: boolean;
  metrics: ModelMetrics;
  decision: string;
  scored: number;
  scoredAsOf: string;
}

/** A background training run as it is polled: stage, its words, profiles scored of total, then result or error. */
export interface TrainingJob {
  id: string;
  target: string;
  stage: 'queued' | 'examples' | 'fitting' | 'scoring' | 'done' | 'failed';
  description: string;
  done: number;
  total: number;
  startedAt: string;
  /** The API leaves out what is null: absent while the run goes on. */
  finishedAt?: string;
  result?: TrainingResult;
  error?: string;
}
