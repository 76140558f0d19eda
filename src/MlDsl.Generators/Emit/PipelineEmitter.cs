using System.Linq;
using MlDsl.Declarations.Models;

namespace MlDsl.Generators.Emit;

/// <summary>Emits a [Pipeline]'s <c>Definition</c> (the runtime pipeline its attributes describe), <c>Run</c> and <c>RunCommandLine</c>.</summary>
internal static class PipelineEmitter
{
    public static string Emit(PipelineSpec pipeline)
    {
        var writer = new CodeWriter();
        string name = pipeline.Type.Name;
        using (FileHeader.Write(writer, $"the stage attributes on {name}", pipeline.Type,
            "MlDsl.Data.Csv", "MlDsl.Data.Splits", "MlDsl.Data.Validation", "MlDsl.Deployment", "MlDsl.Pipelines", "MlDsl.Training"))
        {
            string definition = $"PipelineDefinition<{pipeline.Row}, {pipeline.Model}>";
            using (writer.Block($"partial {pipeline.Type.Keyword} {name}"))
            {
                writer.Line("/// <summary>The pipeline these attributes declare.</summary>");
                writer.Line($"public static {definition} Definition {{ get; }} =");
                writer.Line($"    new(\"{name}\", {pipeline.Ingest}, seed => new {pipeline.Model}(seed), {pipeline.Model}.Load, {pipeline.Model}.ModelName)");
                writer.Line("    {");
                writer.Line($"        Split = new SplitOptions {{ {string.Join(", ", pipeline.Split)} }},");
                if (pipeline.Validate is { } validate) writer.Line($"        Validation = new ValidationRules {{ {string.Join(", ", validate)} }},");
                if (pipeline.Transform is not null) writer.Line($"        Transform = {pipeline.Transform},");
                if (pipeline.TargetEncodings.Count > 0)
                {
                    writer.Line("        TargetEncodings = new[]");
                    writer.Line("        {");
                    foreach (string step in pipeline.TargetEncodings) writer.Line($"            {step},");
                    writer.Line("        },");
                }
                foreach (string preparation in pipeline.Preparation) writer.Line($"        {preparation},");
                writer.Line($"        Training = new FitOptions {{ {string.Join(", ", pipeline.Training)} }},");
                if (pipeline.MinSliceRows is { } minSliceRows) writer.Line($"        MinSliceRows = {minSliceRows},");
                writer.Line($"        Gate = new Gate(){string.Concat(pipeline.Gate.Select(criterion => "." + criterion))},");
                if (pipeline.Export is not null) writer.Line($"        ExportDirectory = {pipeline.Export},");
                if (pipeline.ClassNames.Count > 0) writer.Line($"        ClassNames = new[] {{ {string.Join(", ", pipeline.ClassNames)} }},");
                if (pipeline.Monitor is { } monitor) writer.Line($"        Monitoring = new DriftThresholds {{ {string.Join(", ", monitor)} }},");
                if (pipeline.ReadData is not null) writer.Line($"        ReadData = {pipeline.ReadData},");
                if (pipeline.StreamData is not null) writer.Line($"        StreamData = {pipeline.StreamData},");
                writer.Line("    };");
                writer.Line();
                writer.Line("/// <summary>Runs every stage once; the result holds each stage's outcome and time.</summary>");
                writer.Line("public static PipelineRun Run(PipelineOptions options) => PipelineRunner.Run(Definition, options);");
                writer.Line();
                writer.Line("/// <summary>Examines model, training options and training rows before a long run (see <see cref=\"global::MlDsl.Doctor.ModelDoctor\"/>).</summary>");
                writer.Line("public static global::MlDsl.Doctor.DoctorReport Doctor(global::MlDsl.Doctor.DoctorOptions? options = null) => PipelineDoctor.Run(Definition, options);");
                writer.Line();
                writer.Line("/// <summary>The pipeline's command line: run, validate, evaluate, predict, monitor, doctor.</summary>");
                writer.Line("public static int RunCommandLine(string[] args) => PipelineCommandLine.Run(Definition, args);");
            }
        }
        return writer.ToString();
    }
}
