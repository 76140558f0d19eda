namespace MlDsl;

/// <summary>
/// Base of every layer attribute. Stack several on one member to apply them in order:
/// <c>[Conv2d(32, Kernel = 3), Relu] Layer conv1;</c>
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public abstract class LayerAttribute : Attribute;
