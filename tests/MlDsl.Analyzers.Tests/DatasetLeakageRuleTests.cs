using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MlDsl.Analyzers.Leakage;
using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

public sealed class DatasetLeakageRuleTests
{
    private static DiagnosticResult Warning(string id) => new(id, DiagnosticSeverity.Warning);

    private static Task Verify(string source, params DiagnosticResult[] expected) =>
        LeakageVerifier<DatasetLeakageAnalyzer>.AnalyzerAsync(source, expected);

    private const string Header = "using MlDsl;\n\n[Dataset]\npublic sealed partial record Patient\n{\n";

    [Fact]
    public Task A_feature_computed_from_the_label_is_label_leakage() => Verify(Header + """
            [Feature] public float Heart { get; init; }
            [Feature] public float {|#0:Risk|} => Outcome * 2 + Heart;
            [Label(Classes = 3)] public int Outcome { get; init; }
        }
        """,
        Warning("MLDSL0017").WithLocation(0).WithMessage(
            "Feature 'Risk' is computed from the label 'Outcome': the model sees the answer during training and cannot at prediction time; compute it from other inputs"));

    [Fact]
    public Task A_feature_reading_the_label_through_a_helper_is_label_leakage() => Verify(Header + """
            [Feature] public float Heart { get; init; }
            [Feature] public float {|#0:Risk|} { get { return Score(); } }
            [Label(Classes = 3)] public int Outcome { get; init; }
            private float Score() => Heart > 100 ? Outcome : 0;
        }
        """,
        Warning("MLDSL0017").WithLocation(0).WithMessage(
            "Feature 'Risk' is computed from the label 'Outcome' (through Score): the model sees the answer during training and cannot at prediction time; compute it from other inputs"));

    // Only identifiers spelled like the label or like a method of the file are bound: helpers reached by a
    // member access, through a second helper, or declared in another part of the record are still followed.
    [Fact]
    public Task A_feature_reading_the_label_through_two_helpers_in_another_part_is_label_leakage() => Verify(Header + """
            [Feature] public float Heart { get; init; }
            [Feature] public float {|#0:Risk|} => this.Score();
            [Label(Classes = 3)] public int Outcome { get; init; }
        }

        public sealed partial record Patient
        {
            private float Score() => Heart > 100 ? Scaled(2) : 0;
            private float Scaled(float factor) => Outcome * factor;
        }
        """,
        Warning("MLDSL0017").WithLocation(0).WithMessage(
            "Feature 'Risk' is computed from the label 'Outcome' (through Score): the model sees the answer during training and cannot at prediction time; compute it from other inputs"));

    [Fact]
    public Task A_feature_whose_helper_reads_only_other_features_is_silent() => Verify(Header + """
            [Feature] public float Heart { get; init; }
            [Feature] public float Risk => Score();
            [Label(Classes = 3)] public int Outcome { get; init; }
            private float Score() => Heart > 100 ? Heart : 0;
        }
        """);

    [Fact]
    public Task A_feature_computed_from_other_features_is_silent() => Verify(Header + """
            [Feature] public float Heart { get; init; }
            [Feature] public float Risk => Heart * 2;
            [Label(Classes = 3)] public int Outcome { get; init; }
        }
        """);

    [Fact]
    public Task A_feature_merely_named_like_the_label_is_silent() => Verify(Header + """
            [Feature] public float OutcomeLastYear { get; init; }
            [Label(Classes = 3)] public int Outcome { get; init; }
        }
        """);

    [Fact]
    public Task The_group_key_as_a_feature_is_an_identifier() => Verify(Header + """
            [Feature, GroupKey] public int {|#0:Hospital|} { get; init; }
            [Feature] public float Heart { get; init; }
            [Label(Classes = 3)] public int Outcome { get; init; }
        }
        """,
        Warning("MLDSL0021").WithLocation(0).WithMessage(
            "Feature 'Hospital' is also the [GroupKey]: the model learns which group a row belongs to, not what it shows, and cannot generalise to new groups; drop [Feature]"));

    [Fact]
    public Task A_row_id_feature_is_an_identifier() => Verify(Header + """
            [Feature] public long {|#0:RecordId|} { get; init; }
            [Feature] public float Heart { get; init; }
            [Label(Classes = 3)] public int Outcome { get; init; }
        }
        """,
        Warning("MLDSL0021").WithLocation(0));

    [Fact]
    public Task An_id_that_is_only_metadata_is_silent() => Verify(Header + """
            [GroupKey] public long RecordId { get; init; }
            [Feature] public float Heart { get; init; }
            [Label(Classes = 3)] public int Outcome { get; init; }
        }
        """);
}
