namespace MlDsl.Analyzers.Tests;

/// <summary>More one-line mistakes (and one correct look-alike) in the set-I programs that the analysis keeps silent.</summary>
public sealed partial class FreshLeakageCasesI
{
    // Kind: statistics from rows that reach test (MLDSL0016): the scaler sees the test sales (a Concat "to use all the data").
    [Fact]
    public Task Bootstrap_program_with_a_scaler_fitted_on_train_and_test_is_reported() =>
        Expect(Program(Mutate(RegressionBootstrap, "var scaler = Standardizer.Fit(train);", "var scaler = Standardizer.Fit({|#0:train.Concat(test).ToList()|});")), "MLDSL0016");

    // Kind: statistics from rows that reach test (MLDSL0016): only the fallback for unseen months comes from every day.
    [Fact]
    public Task Climatology_fallback_from_all_days_is_reported() =>
        Expect(Program(Mutate(RiverQueue, "float overallRain = train.Average(d => d.Rain);", "float overallRain = {|#0:rows.Average(d => d.Rain)|};")), "MLDSL0016");

    // Kind: statistics from rows that reach validation (MLDSL0016): the scaler is fitted on train+validation while
    // validation still drives early stopping.
    [Fact]
    public Task Drift_program_with_a_scaler_fitted_on_train_and_validation_is_reported() =>
        Expect(Program(Mutate(DriftCheck, "var scaler = Standardizer.Fit(split.Train);", "var scaler = Standardizer.Fit({|#0:split.Train.Concat(split.Validation).ToList()|});")), "MLDSL0016");

    // Kind: the test part used to train: the refit after the feature choice trains on train+test and is then scored on test.
    // Reported as a score on rows the model trained on (MLDSL0027), as Refit_on_every_part_including_test_then_scored_on_test_is_reported
    // (set D) and Refit_that_takes_the_test_rows_in_before_the_test_score_is_reported (set F) are; MLDSL0018 at the Fit is for
    // test rows trained on that nothing is scored on (Training_on_the_train_and_test_parts_concatenated_with_no_score_after_is_reported).
    [Fact]
    public Task Permutation_refit_on_train_and_test_is_reported() =>
        Expect(Program(Mutate(Permutation, "second.Fit(train.Select(weakest.Zero).ToArray(), null,", "second.Fit(train.Concat(test).Select(weakest.Zero).ToArray(), null,")
            .Replace("second.Evaluate(test.Select(weakest.Zero).ToArray())", "second.Evaluate({|#0:test.Select(weakest.Zero).ToArray()|})")), "MLDSL0027");

    // Kind: statistics from rows that reach test (MLDSL0016): the fallback for unseen households comes from every member.
    [Fact]
    public Task Household_spend_fallback_from_all_members_is_reported() =>
        Expect(Program(Mutate(Households, "float fallback = split.Train.Average(m => m.Spend);", "float fallback = {|#0:rows.Average(m => m.Spend)|};")), "MLDSL0016");

    // Kind: same rows for training and validation (MLDSL0020), in an instance stage reading fields.
    [Fact]
    public Task Experiment_object_validating_on_its_training_field_is_reported() =>
        Expect(Program(Mutate(StagedExperiment, "return model.Fit(train, validation, new FitOptions", "return model.Fit(train, {|#0:train|}, new FitOptions")), "MLDSL0020");

    // Kind: same rows for training and validation (MLDSL0020): validation rows appended to the training rows.
    [Fact]
    public Task Threshold_model_trained_on_train_plus_validation_while_stopping_on_validation_is_reported() =>
        Expect(Program(Mutate(Threshold, "model.Fit(Ready(split.Train), validation, new FitOptions", "model.Fit(Ready(split.Train).Concat(validation).ToList(), {|#0:validation|}, new FitOptions")), "MLDSL0020");

    // Kind: same rows for training and validation (MLDSL0020): a fold scored after training on all training rows,
    // its own validation rows included (reported at the helper call).
    [Fact]
    public Task Fold_scored_after_training_on_every_training_row_is_reported() =>
        Expect(Program(Mutate(HandFolds, "double score = ScoreFold(foldTrain, foldValidation, 5);", "double score = {|#0:ScoreFold(train.ToArray(), foldValidation, 5)|};")), "MLDSL0020");

    // Correct look-alike: MinMaxScaler.Fit(split) fits on the split's training part (documented overload).
    [Fact]
    public Task River_scaler_fitted_through_the_split_overload_is_silent() =>
        Expect(Program(Mutate(RiverForecast, "MinMaxScaler scaler = MinMaxScaler.Fit(split.Train);", "MinMaxScaler scaler = MinMaxScaler.Fit(split);")));

    // Kind: scores on rows the model trained on (MLDSL0027): the bags are drawn from train+validation, members scored on validation.
    [Fact]
    public Task Bags_drawn_from_train_and_validation_then_scored_on_validation_are_reported() =>
        Expect(Program(Mutate(Bagging, "Patient[] bag = Resample(train, random);", "Patient[] bag = Resample(train.Concat(validation).ToArray(), random);")
            .Replace("validation accuracy {net.Evaluate(validation).Accuracy:P1}", "validation accuracy {net.Evaluate({|#0:validation|}).Accuracy:P1}")), "MLDSL0027");

    // ───────────── Probes that isolate what raises the false alarms above (for whoever fixes them) ─────────────

    // The Readmission error analysis without its ordering: is OrderByDescending over test errors the trigger?
    [Fact]
    public Task Readmission_error_analysis_without_ordering_is_silent() =>
        Expect(Program(Mutate(Readmission, ".OrderByDescending(g => g.Errors);", ";")));

    // The leaderboard without its (by-name) ordering: is any OrderBy over a list holding test scores the trigger?
    [Fact]
    public Task Leaderboard_without_ordering_is_silent() =>
        Expect(Program(Mutate(Leaderboard, "foreach (var (trial, accuracy) in results.OrderBy(r => r.Trial.Name))", "foreach (var (trial, accuracy) in results)")));

    // The cleaning program with Clip as a lambda in a local variable instead of a local function.
    [Fact]
    public Task Clip_as_a_lambda_variable_is_silent() =>
        Expect(Program(Mutate(RowWiseCleaning, "House[] Clip(IReadOnlyList<House> part) => part.Select(",
            "Func<IReadOnlyList<House>, House[]> Clip = part => part.Select(")));

    // The cleaning program with constant clipping bounds: if silent, the captured training statistic is what makes Clip's
    // output on validation and test look like training rows.
    [Fact]
    public Task Clip_with_constant_bounds_is_silent() =>
        Expect(Program(Mutate(RowWiseCleaning, "float low = split.Train.Select(h => h.Distance).OrderBy(d => d).ElementAt(split.Train.Count / 100);", "float low = 0.1f;")
            .Replace("float high = split.Train.Select(h => h.Distance).OrderBy(d => d).ElementAt(split.Train.Count * 99 / 100);", "float high = 80f;")));

    // Kind: statistics from rows that reach a fold's validation block (MLDSL0016): each backtest window's scaler sees the window it is scored on.
    [Fact]
    public Task Backtest_scaler_fitted_on_the_whole_history_is_reported() =>
        Expect(Program(Mutate(WalkForward, "var scaler = Standardizer.Fit(past);", "var scaler = Standardizer.Fit({|#0:history|});")), "MLDSL0016");

    // Kind: statistics from rows that reach test (MLDSL0016): the calibration program's scaler fitted on all rows.
    [Fact]
    public Task Calibration_scaler_fitted_on_all_rows_is_reported() =>
        Expect(Program(Mutate(Calibration, "var scaler = MinMaxScaler.Fit(split);", "var scaler = MinMaxScaler.Fit({|#0:rows|});")), "MLDSL0016");

    // Kind: same rows for training and validation (MLDSL0020): validation members oversampled into the training rows.
    [Fact]
    public Task Households_oversampling_train_and_validation_together_is_reported() =>
        Expect(Program(Mutate(Households, "Member[] balanced = Oversampler.Random(train, seed: config.Seed);", "Member[] balanced = Oversampler.Random(train.Concat(validation).ToList(), seed: config.Seed);")
            .Replace("FitReport report = model.Fit(scaler.Apply(balanced), scaler.Apply(validation), new FitOptions", "FitReport report = model.Fit(scaler.Apply(balanced), {|#0:scaler.Apply(validation)|}, new FitOptions")), "MLDSL0020");
}
