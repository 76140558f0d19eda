using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace MlDsl.Analyzers.Tests.Infrastructure;

/// <summary>What test compilations reference, resolvable offline: .NET 10 reference assemblies, MlDsl and TorchSharp from this build.</summary>
internal static class References
{
    public static IEnumerable<MetadataReference> All => Net100.References.All.Cast<MetadataReference>()
        .Append(MetadataReference.CreateFromFile(typeof(DatasetAttribute).Assembly.Location))
        .Append(MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location));

    public static void AddTo(SolutionState state)
    {
        state.AdditionalReferences.AddRange(Net100.References.All);
        state.AdditionalReferences.Add(typeof(DatasetAttribute).Assembly);
        state.AdditionalReferences.Add(typeof(TorchSharp.torch).Assembly);
    }

    /// <summary>The SDK silences these assembly-unification notices by default; so do the tests.</summary>
    public static readonly Dictionary<string, ReportDiagnostic> UnificationNoticesOff = new()
    {
        ["CS1701"] = ReportDiagnostic.Suppress,
        ["CS1702"] = ReportDiagnostic.Suppress,
    };
}
