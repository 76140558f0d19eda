using MlDsl.Data.Splits;
using MlDsl.Data.Steps;

namespace MlDsl.Data.Tuning;

/// <summary>Scores candidates by cross-validation on training rows, or by training on train and scoring on validation. Never sees the test split.</summary>
internal static class Search
{
    public static SearchResult<TParams> CrossValidate<TRow, TParams>(string step, IReadOnlyList<TRow> train, IEnumerable<TParams> candidates,
        Func<TParams, FoldScorer<TRow>> scorer, FoldOptions? options, FitOnFold<TRow>? prepare) where TRow : IDatasetRow<TRow>
    {
        StepInput.NotEmpty(step, nameof(train), train);
        // The folds are cut once, so every candidate is scored on the same folds.
        IReadOnlyList<Fold> folds = Folds.Of(train, options);
        var prepared = folds.Select(fold =>
        {
            IReadOnlyList<TRow> foldTrain = fold.Train.Select(i => train[i]).ToArray(), foldValidation = fold.Validation.Select(i => train[i]).ToArray();
            if (prepare is null) return (fold.Index, Train: foldTrain, Validation: foldValidation);
            (IReadOnlyList<TRow> preparedTrain, IReadOnlyList<TRow> preparedValidation) = CrossValidation.Prepare(step, prepare, foldTrain, foldValidation, $"fold {fold.Index}");
            return (fold.Index, Train: preparedTrain, Validation: preparedValidation);
        }).ToArray();
        return Score(step, candidates, parameters =>
        {
            FoldScorer<TRow> score = scorer(parameters);
            return new CrossValidationResult(prepared.Select(fold => new FoldScore(fold.Index,
                CrossValidation.Checked(score(fold.Train, fold.Validation), $"fold {fold.Index} of {parameters}"), fold.Train.Count, fold.Validation.Count)).ToArray());
        });
    }

    public static SearchResult<TParams> OnValidation<TRow, TParams>(string step, IReadOnlyList<TRow> train, IReadOnlyList<TRow> validation,
        IEnumerable<TParams> candidates, Func<TParams, FoldScorer<TRow>> scorer, FitOnFold<TRow>? prepare) where TRow : IDatasetRow<TRow>
    {
        StepInput.NotEmpty(step, nameof(train), train);
        StepInput.NotEmpty(step, nameof(validation), validation);
        if (prepare is not null) (train, validation) = CrossValidation.Prepare(step, prepare, train, validation, "the validation split");
        return Score(step, candidates, parameters => new CrossValidationResult(new[]
        {
            new FoldScore(0, CrossValidation.Checked(scorer(parameters)(train, validation), $"the validation rows with {parameters}"), train.Count, validation.Count),
        }));
    }

    private static SearchResult<TParams> Score<TParams>(string step, IEnumerable<TParams> candidates, Func<TParams, CrossValidationResult> score)
    {
        SearchCandidate<TParams>[] scored = candidates.Select(parameters => new SearchCandidate<TParams>(parameters, score(parameters))).ToArray();
        if (scored.Length == 0) throw new DataStepException(step, "candidates", "no candidates to score; expected at least one");
        return new SearchResult<TParams>(scored);
    }
}
