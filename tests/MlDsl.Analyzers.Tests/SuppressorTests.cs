using Microsoft.CodeAnalysis.Testing;
using MlDsl.Analyzers.Tests.Infrastructure;
using static MlDsl.Analyzers.Tests.Infrastructure.Verifier;

namespace MlDsl.Analyzers.Tests;

public sealed class SuppressorTests
{
    [Fact]
    public Task Unused_field_warnings_are_suppressed_on_layer_members_only() => SuppressorAsync(
        Models.Digit + """
        [Model(typeof(Digit))]
        public sealed partial class Tiny
        {
            [Flatten, Linear(10)] Layer {|#0:head|};
            int {|#1:unrelated|};
        }
        """,
        DiagnosticResult.CompilerWarning("CS0169").WithLocation(0).WithArguments("Tiny.head").WithIsSuppressed(true),
        DiagnosticResult.CompilerWarning("CS0169").WithLocation(1).WithArguments("Tiny.unrelated").WithIsSuppressed(false));
}
