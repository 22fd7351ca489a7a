import type { TrainingJob } from '../api';

const Steps: TrainingJob['stage'][] = ['examples', 'fitting', 'scoring', 'done'];
const StepNames: Record<string, string> = { examples: 'Examples', fitting: 'Candidates', scoring: 'Scoring', done: 'Done' };

/**
 * A training run's progress: the stages as steps, and a bar that follows the real work: the stage count until
 * profiles are being scored, then the profiles scored of all.
 */
export function TrainingProgress({ job }: { job: TrainingJob }) {
  const step = Math.max(0, Steps.indexOf(job.stage === 'failed' ? 'done' : job.stage));
  const scoring = job.stage === 'scoring' && job.total > 0;
  const value = job.stage === 'done' ? 1 : scoring ? job.done / job.total : step / Steps.length;
  return (
    <div className="training-progress" data-testid="training-progress" aria-live="polite">
      <ol className="training-steps">
        {Steps.map((s, i) => (
          <li key={s} className={i < step || job.stage === 'done' ? 'step-done' : i === step ? 'step-current' : undefined}>
            {StepNames[s]}
          </li>
        ))}
      </ol>
      <progress
        max={1}
        value={job.stage === 'failed' ? undefined : value}
        aria-label={scoring ? 'Profiles scored' : 'Training progress'}
        aria-valuetext={job.description}
      />
      <p data-testid="training-stage">{job.description}</p>
    </div>
  );
}
