using Microsoft.ML.OnnxRuntime;

namespace MlDsl.Serving;

/// <summary>
/// The ONNX Runtime session settings both serving paths use (this package's <c>OnnxPredictor</c> and MlDsl's
/// <c>Deploy(engine: OnnxRuntime)</c>, which compiles this same file): the whole graph optimised once when it loads,
/// operators run one after another (the graphs are chains; a parallel executor only adds hand-offs), the given
/// intra-op threads, which do not spin waiting for work (spinning steals the core from other processes on a busy machine).
/// </summary>
internal static class ServingSessionOptions
{
    /// <summary>
    /// The most intra-op threads a serving session accepts: four per logical processor, and never fewer than 64 (the bound
    /// MlDsl's --threads uses). More only wait for one another, and a count such as 100000 aborts the process natively.
    /// </summary>
    public static int MaxThreads => Math.Max(64, 4 * Environment.ProcessorCount);

    /// <param name="threads">ONNX Runtime's intra-op threads.</param>
    public static SessionOptions Create(int threads)
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return options;
    }
}
