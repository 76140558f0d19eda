namespace MlDsl;

/// <summary>
/// Marks a partial class declared like a model (layer members in order) that models and other blocks
/// use as a member: <c>ConvBlock stage1;</c>. Its in-sizes are inferred where it is used; the
/// generator makes it a TorchSharp module whose constructor takes its layers, so the state_dict keys
/// of a model follow the nesting (<c>stage1.conv.weight</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class BlockAttribute : Attribute;
