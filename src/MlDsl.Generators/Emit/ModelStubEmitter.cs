using MlDsl.Declarations.Models;

namespace MlDsl.Generators.Emit;

/// <summary>
/// Emits the public surface of a [Model] that cannot be built: the same members as a working model,
/// each throwing with the model's first error. Code that uses the model (its pipeline, Program.cs)
/// keeps compiling, so the build reports that one diagnostic instead of errors at every use.
/// </summary>
internal static class ModelStubEmitter
{
    public static string Emit(ModelSpec model)
    {
        var writer = new CodeWriter();
        string name = model.Type.Name;
        string row = model.Dataset.FullyQualifiedName;
        string reason = Failure.Reason(name, model.Diagnostics, $"its dataset {model.Dataset.Name} has errors");
        string failure = Failure.Throw(reason);
        using (FileHeader.Write(writer, $"the layer attributes on {name}, which have errors", model.Type, ModelEmitter.Usings))
        {
            writer.Line($"/// <summary>{name} has errors (see its MLDSL diagnostics); every member throws until they are fixed.</summary>");
            // Without its dataset's generated members the row cannot be the interface's type argument.
            string interfaces = model.RowImplemented ? ", " + ModelApiEmitter.Interface(model.LabelKind, row) : "";
            using (writer.Block($"partial {model.Type.Keyword} {name} : Module<Tensor, Tensor>{interfaces}"))
            {
                writer.Line($"public const string ModelName = \"{name}\";");
                writer.Line();
                writer.Line("/// <summary>Why the model was not generated.</summary>");
                writer.Line($"public const string SummaryTable = {Failure.Literal(reason + "\n")};");
                writer.Line();
                writer.Line("/// <summary>Not computed: the model has errors.</summary>");
                writer.Line("public const long ParameterCount = 0;");
                writer.Line();
                writer.Line($"public static IReadOnlyList<global::MlDsl.LayerShape> LayerShapes => {failure};");
                writer.Line();
                writer.Line($"public {name}(long? seed = null) : base(ModelName) => {failure};");
                writer.Line();
                writer.Line($"public override Tensor forward(Tensor input) => {failure};");
                writer.Line();
                writer.Line($"public void Summary(global::System.IO.TextWriter? writer = null) => {failure};");
                writer.Line();
                ModelApiEmitter.Write(writer, name, row, model.LabelKind, failure);
            }
        }
        return writer.ToString();
    }
}
