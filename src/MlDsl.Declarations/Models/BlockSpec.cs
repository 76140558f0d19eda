using System.Linq;
using MlDsl.Declarations.Diagnostics;
using MlDsl.Shapes;

namespace MlDsl.Declarations.Models;

/// <summary>
/// A [Block] class as declared: its members in order (read with its arguments' default values) and
/// its shortcut. Sizes are not known here; they come from each use, so the generated module takes
/// its layers as constructor arguments. Value-equal for the incremental pipeline.
/// </summary>
public sealed record BlockSpec(TypeIdentity Type, EquatableArray<GraphNode> Members, ShortcutMode Shortcut, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public bool CanEmit => Members.Count > 0 && !Diagnostics.Any(diagnostic => diagnostic.IsError);
}
