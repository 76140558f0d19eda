namespace MlDsl;

/// <summary>
/// Rows sharing this value belong together (a patient, a speaker, a prompt): a grouped split never
/// puts one group in two splits. Metadata, never a feature.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class GroupKeyAttribute : Attribute;
