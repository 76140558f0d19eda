using MlDsl.Data.Splits;
using MlDsl.Data.Steps;
using MlDsl.Training;

namespace MlDsl.Data.Tuning;

/// <summary>
/// k-fold cross-validation of the training rows (scikit-learn's <c>cross_val_score</c>): the rows are
/// cut by <see cref="Folds"/>, preprocessing is refitted on each fold's training part, and a model is
/// trained and scored per fold. Give it the training rows only; the test split is scored once, by the
/// caller, after every choice is made.
/// </summary>
public static class CrossValidation
{
    private const string StepName = nameof(CrossValidation);

    /// <summary>Scores <paramref name="score"/> on every fold of <paramref name="train"/>.</summary>
    /// <param name="train">Training rows only.</param>
    /// <param name="score">Trains on a fold's training rows, scores on its validation rows.</param>
    /// <param name="options">How to cut the folds; 5-fold KFold by default.</param>
    /// <param name="prepare">Preprocessing refitted inside each fold; none when null.</param>
    /// <exception cref="DataStepException">
    /// No rows, a bad fold option, a fold score that is not a finite number (one infinite score would make
    /// the mean infinite and the deviation NaN), or a preparation that changes the number of validation
    /// rows (an oversampler or augmentation: give it to the scorer, for the fold's training rows only).
    /// </exception>
    public static CrossValidationResult Run<TRow>(IReadOnlyList<TRow> train, FoldScorer<TRow> score, FoldOptions? options = null, FitOnFold<TRow>? prepare = null)
        where TRow : IDatasetRow<TRow>
    {
        StepInput.NotEmpty(StepName, nameof(train), train);
        var scores = new List<FoldScore>();
        foreach (Fold fold in Folds.Of(train, options))
        {
            IReadOnlyList<TRow> foldTrain = fold.Train.Select(i => train[i]).ToArray();
            IReadOnlyList<TRow> foldValidation = fold.Validation.Select(i => train[i]).ToArray();
            if (prepare is not null) (foldTrain, foldValidation) = Prepare(StepName, prepare, foldTrain, foldValidation, $"fold {fold.Index}");
            scores.Add(new FoldScore(fold.Index, Checked(score(foldTrain, foldValidation), $"fold {fold.Index}"), foldTrain.Count, foldValidation.Count));
        }
        return new CrossValidationResult(scores);
    }

    /// <summary>Cross-validates <paramref name="split"/>'s training rows only (validation and test are not read).</summary>
    public static CrossValidationResult Run<TRow>(DataSplit<TRow> split, FoldScorer<TRow> score, FoldOptions? options = null, FitOnFold<TRow>? prepare = null)
        where TRow : IDatasetRow<TRow> => Run(split.Train, score, options, prepare);

    /// <summary>
    /// A scorer that trains a fresh model per fold with its generated <c>Fit</c> (no validation rows,
    /// so no early stopping on the rows it is scored on), then evaluates it on the fold's validation
    /// rows: accuracy for class and multi-label labels, negated mean absolute error for regression.
    /// The model is disposed after scoring.
    /// </summary>
    /// <param name="create">Makes an untrained model, e.g. <c>() =&gt; new TumourMlp(seed: 1)</c>.</param>
    /// <param name="options">The training options of every fold's model.</param>
    public static FoldScorer<TRow> TrainModel<TRow, TModel>(Func<TModel> create, FitOptions? options = null)
        where TRow : IDatasetRow<TRow> where TModel : ITrainableModel<TRow> =>
        (train, validation) =>
        {
            using TModel model = create();
            model.Fit(train, null, options);
            Evaluation evaluation = model.Evaluate(validation);
            return TRow.LabelKind == LabelKind.Regression ? -evaluation.MeanAbsoluteError : evaluation.Accuracy;
        };

    /// <summary>A score that can be averaged: finite. NaN or ±∞ is refused naming where it came from.</summary>
    internal static double Checked(double score, string where) =>
        double.IsFinite(score) ? score
        : throw new DataStepException(StepName, "score",
            $"the scorer returned {score.ToString(System.Globalization.CultureInfo.InvariantCulture)} on {where}; expected a finite number, higher is better");

    /// <summary>
    /// Fits <paramref name="prepare"/> on <paramref name="train"/> and applies it to both parts. The
    /// preparation must map each validation row to one row: a step that adds rows (an oversampler,
    /// augmentation) would score the model on copies and synthetic rows, so it is refused; such steps
    /// belong inside the scorer, on the fold's training rows only.
    /// </summary>
    internal static (IReadOnlyList<TRow> Train, IReadOnlyList<TRow> Validation) Prepare<TRow>(string step, FitOnFold<TRow> prepare,
        IReadOnlyList<TRow> train, IReadOnlyList<TRow> validation, string where)
    {
        Func<IReadOnlyList<TRow>, TRow[]> apply = prepare(train);
        TRow[] preparedTrain = apply(train), preparedValidation = apply(validation);
        if (preparedValidation.Length != validation.Count)
            throw new DataStepException(step, nameof(prepare),
                $"the preparation turned the {validation.Count} validation rows of {where} into {preparedValidation.Length}; expected one row per row " +
                "(a step that adds rows, such as Oversampler or augmentation, belongs in the scorer, applied to the fold's training rows only)");
        return (preparedTrain, preparedValidation);
    }
}
