namespace MlDsl;

/// <summary>
/// Marks a partial class declared like a model (layer members in order) that models and other blocks
/// use as a member: <c>ConvBlock stage1;</c>. Its in-sizes are inferred where it is used; the
/// generator makes it a TorchSharp module whose constructor takes its layers, so the state_dict keys
/// of a model follow the nesting (<c>stage1.conv.weight</c>). A member of a block may join earlier
/// members of the same block, or the block's input (<see cref="Input"/>), with <see cref="ConcatenateAttribute"/>
/// or <see cref="AddAttribute"/>: <c>[Concatenate(BlockAttribute.Input, nameof(conv))] Layer grow;</c>, and a member with
/// <see cref="FromAttribute"/> starts a parallel path from one of them (an Inception block's paths).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class BlockAttribute : Attribute
{
    /// <summary>
    /// Names the block's input in a join inside the block, as PyTorch's DenseNet layer writes
    /// <c>torch.cat([x, new_features], 1)</c> and Keras's <c>Concatenate()([x, x1])</c>, and for a path that starts
    /// from the block's input (<c>[From(BlockAttribute.Input)]</c>), as torchvision's Inception branches read <c>x</c>.
    /// </summary>
    public const string Input = "input";
}
