namespace MlDsl;

/// <summary>
/// A gate floor on any metric of the test report, by its name in <c>IEvaluationReport.Metrics</c>
/// (scikit-learn's names: <c>balanced_accuracy</c>, <c>f1_weighted</c>, <c>precision_macro</c>,
/// <c>recall/&lt;class&gt;</c>, <c>average_precision</c>, <c>roc_auc</c>, <c>r2</c>...). Repeatable; joins
/// <see cref="GateAttribute"/>'s criteria. A name the report does not have fails the gate and lists the names it has.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class GateMinimumAttribute(string metric, double minimum) : Attribute
{
    public string Metric { get; } = metric;
    public double Minimum { get; } = minimum;
}

/// <summary>
/// A gate ceiling on any metric of the test report, by name (<c>log_loss</c>, <c>expected_calibration_error</c>,
/// <c>mae</c>, <c>rmse</c>, <c>bias_gap</c>...). Repeatable; see <see cref="GateMinimumAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class GateMaximumAttribute(string metric, double maximum) : Attribute
{
    public string Metric { get; } = metric;
    public double Maximum { get; } = maximum;
}
