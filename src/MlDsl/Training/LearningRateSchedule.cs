namespace MlDsl.Training;

/// <summary>The learning rate at each optimizer step, as a fraction of <see cref="FitOptions.LearningRate"/>.</summary>
public abstract record LearningRateSchedule
{
    public static LearningRateSchedule Constant { get; } = new ConstantSchedule();

    /// <summary>Multiply by <paramref name="gamma"/> every <paramref name="everyEpochs"/> epochs.</summary>
    public static LearningRateSchedule Step(int everyEpochs, double gamma = 0.1) => new StepSchedule(everyEpochs, gamma);

    /// <summary>Cosine decay from the full rate to <paramref name="floor"/> times it over the run.</summary>
    public static LearningRateSchedule Cosine(double floor = 0) => new CosineSchedule(floor);

    /// <summary>Warm up linearly for <paramref name="warmup"/> of the run to the full rate, then anneal by cosine to nearly zero.</summary>
    public static LearningRateSchedule OneCycle(double warmup = 0.3) => new OneCycleSchedule(warmup);

    /// <summary>The factor at <paramref name="step"/> of <paramref name="totalSteps"/> (zero-based), in epoch <paramref name="epoch"/> (one-based).</summary>
    public abstract double Factor(long step, long totalSteps, int epoch);

    private sealed record ConstantSchedule : LearningRateSchedule
    {
        public override double Factor(long step, long totalSteps, int epoch) => 1;
    }

    private sealed record StepSchedule(int EveryEpochs, double Gamma) : LearningRateSchedule
    {
        public override double Factor(long step, long totalSteps, int epoch) => Math.Pow(Gamma, (epoch - 1) / Math.Max(1, EveryEpochs));
    }

    private sealed record CosineSchedule(double Floor) : LearningRateSchedule
    {
        public override double Factor(long step, long totalSteps, int epoch) =>
            Floor + (1 - Floor) * 0.5 * (1 + Math.Cos(Math.PI * step / Math.Max(1, totalSteps)));
    }

    private sealed record OneCycleSchedule(double Warmup) : LearningRateSchedule
    {
        public override double Factor(long step, long totalSteps, int epoch)
        {
            double warmupSteps = Math.Max(1, Warmup * totalSteps);
            if (step < warmupSteps) return 0.04 + 0.96 * step / warmupSteps; // from 1/25 of the rate, as PyTorch's OneCycleLR
            double progress = (step - warmupSteps) / Math.Max(1, totalSteps - warmupSteps);
            return 1e-4 + (1 - 1e-4) * 0.5 * (1 + Math.Cos(Math.PI * progress));
        }
    }
}
