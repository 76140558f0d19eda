using System.Globalization;
using MlDsl.Data;
using MlDsl.Training;
using TorchSharp;

namespace MlDsl.Pipelines;

/// <summary>
/// The ranges a pipeline's options must be in, checked when its command line or <see cref="PipelineRunner.Run"/> starts: a
/// [Monitor] threshold out of range used to surface only when <c>monitor</c> compared (an ArgumentOutOfRangeException, exit
/// 70), a share or count only when its stage ran. The generator refuses the same values on the attribute (MLDSL0043); this
/// catches definitions built by hand or changed with <c>with</c>.
/// </summary>
internal static class PipelineDefinitionChecks
{
    /// <exception cref="PipelineDefinitionException">An option is out of range; the message names the pipeline, the option, its value and the range.</exception>
    public static void Check<TRow, TModel>(PipelineDefinition<TRow, TModel> pipeline)
        where TRow : IDatasetRow<TRow>
        where TModel : torch.nn.Module, ITrainableModel<TRow>
    {
        void Refuse(string option, double value, string expected) =>
            throw new PipelineDefinitionException(pipeline.Name, option, $"= {value.ToString("R", CultureInfo.InvariantCulture)} is out of range; expected {expected}");
        void Share(string option, double value) { if (!(value is >= 0 and <= 1)) Refuse(option, value, "a share in [0, 1]"); }

        if (!(pipeline.Monitoring.Psi >= 0)) Refuse("Monitoring.Psi", pipeline.Monitoring.Psi, "a number of at least 0");
        Share("Monitoring.KsPValue", pipeline.Monitoring.KsPValue);
        Share("Monitoring.KsStatistic", pipeline.Monitoring.KsStatistic);
        Share("Monitoring.JensenShannon", pipeline.Monitoring.JensenShannon);

        if (!(pipeline.Split.Validation is >= 0 and < 1)) Refuse("Split.Validation", pipeline.Split.Validation, "a fraction in [0, 1)");
        if (!(pipeline.Split.Test is >= 0 and < 1)) Refuse("Split.Test", pipeline.Split.Test, "a fraction in [0, 1)");
        if (!double.IsNaN(pipeline.Validation.MaxMajorityShare)) Share("Validation.MaxMajorityShare", pipeline.Validation.MaxMajorityShare);
        if (pipeline.Validation.MinTrainRows < 0) Refuse("Validation.MinTrainRows", pipeline.Validation.MinTrainRows, "a whole number of at least 0");
        if (pipeline.MinSliceRows < 1) Refuse(nameof(pipeline.MinSliceRows), pipeline.MinSliceRows, "a whole number of at least 1");
        if (pipeline.SelectK < 0) Refuse(nameof(pipeline.SelectK), pipeline.SelectK, "a whole number of at least 0 (0 keeps every feature)");
        try
        {
            pipeline.Training.Validate();
        }
        catch (ArgumentOutOfRangeException problem)
        {
            // FitOptions names its own option; say it is the pipeline's Training that holds it.
            throw new PipelineDefinitionException(pipeline.Name, $"Training.{problem.ParamName}", $"= {problem.ActualValue}: {problem.Message.Split(" (Parameter")[0].Split(Environment.NewLine)[0]}");
        }
    }
}
