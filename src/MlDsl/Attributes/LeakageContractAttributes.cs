namespace MlDsl;

/// <summary>
/// The method learns statistics (means, vocabularies, selected columns, encodings, weights) from the
/// rows passed as <see cref="Parameter"/>, and what it returns carries them. The leakage analysis
/// reads this: statistics learned from rows that later reach validation or test are leakage
/// (MLDSL0016). Put it on your own fitting helpers too, so the analysis sees inside them without
/// their source.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class LearnsFromAttribute(string parameter) : Attribute
{
    /// <summary>The name of the parameter holding the rows (or the split, whose training rows are used) learned from.</summary>
    public string Parameter { get; } = parameter;
}

/// <summary>
/// The method returns the rows of <see cref="Parameter"/> together with copies of them or rows
/// synthesised from them (oversampling, SMOTE, augmentation). Applied before a split, copies land on
/// both sides of it (MLDSL0026): call it on the training rows only.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class MultipliesRowsAttribute(string parameter) : Attribute
{
    /// <summary>The name of the parameter holding the rows that are multiplied.</summary>
    public string Parameter { get; } = parameter;

    /// <summary>
    /// The copies rebalance the classes (random oversampling, SMOTE) rather than augment every row. A split by group keeps a
    /// row's augmented copies on its side, but not balancing copies: repeated or interpolated minority rows still fill the
    /// validation and test parts, so the analysis reports them before any split (MLDSL0026).
    /// </summary>
    public bool BalancesClasses { get; set; }
}

/// <summary>When a member's value becomes known, relative to the label (the outcome being predicted).</summary>
public enum FeatureTiming
{
    /// <summary>Known before the outcome, so available when the model predicts (the default for every member).</summary>
    BeforeLabel,

    /// <summary>Recorded together with the outcome (a discharge code, a final invoice): not available at prediction time.</summary>
    WithLabel,

    /// <summary>Recorded after the outcome (a follow-up visit, a refund issued because of a fraud): not available at prediction time.</summary>
    AfterLabel,
}

/// <summary>
/// Declares when a dataset member becomes known relative to the label. A <c>[Feature]</c> known only
/// with or after the label is an error (MLDSL0029): the model would learn from something it cannot
/// have when it predicts. Keep such members as <c>[Ignore]</c> or <c>[Slice]</c> metadata instead.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class KnownAtAttribute(FeatureTiming timing) : Attribute
{
    public FeatureTiming Timing { get; } = timing;
}
