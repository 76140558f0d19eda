using MlDsl.Declarations.Models;

namespace MlDsl.Generators.Emit;

/// <summary>
/// Emits the members of a [Pipeline] that cannot be built (its own error, or a model or dataset that
/// cannot be), each throwing with the reason, so <c>Program.cs</c> still compiles and the build
/// reports the diagnostic that says what to fix.
/// </summary>
internal static class PipelineStubEmitter
{
    public static string Emit(PipelineSpec pipeline)
    {
        var writer = new CodeWriter();
        string name = pipeline.Type.Name;
        string failure = Failure.Throw(Failure.Reason(name, pipeline.Diagnostics, "its model or its dataset has errors"));
        using (FileHeader.Write(writer, $"the stage attributes on {name}, which have errors", pipeline.Type, "MlDsl.Pipelines"))
        {
            writer.Line($"/// <summary>{name} cannot be built (see the MLDSL diagnostics); every member throws until that is fixed.</summary>");
            using (writer.Block($"partial {pipeline.Type.Keyword} {name}"))
            {
                // Definition names the model and row types, which only satisfy its constraints when both get generated members.
                if (pipeline.ModelImplemented)
                {
                    writer.Line($"public static PipelineDefinition<{pipeline.Row}, {pipeline.Model}> Definition => {failure};");
                    writer.Line();
                }
                writer.Line($"public static PipelineRun Run(PipelineOptions options) => {failure};");
                writer.Line();
                writer.Line($"public static int RunCommandLine(string[] args) => {failure};");
            }
        }
        return writer.ToString();
    }
}
