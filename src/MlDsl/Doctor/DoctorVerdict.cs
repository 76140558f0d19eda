namespace MlDsl.Doctor;

/// <summary>What one doctor check concluded.</summary>
public enum DoctorVerdict
{
    /// <summary>Healthy.</summary>
    Pass,

    /// <summary>Works, but something deserves a look (an imbalanced class, a learning rate far below the suggestion).</summary>
    Warn,

    /// <summary>Broken: training this setup wastes the run until the cause is fixed.</summary>
    Fail,

    /// <summary>Not applicable to this label kind or model (e.g. label quality of a regression target).</summary>
    Skipped,
}
