using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// fixK, kind 2 of MLDSL0026: rows appended again with rows of the same source (a filter of them, a <c>Take</c>, the same
/// list) before the split. Copies of a chosen subset (hand oversampling) are reported even before a grouped split: the
/// split keeps an account's copies together, but the validation and test parts are then reweighted towards the copied
/// rows, as with the library's class balancing, so their scores no longer measure the real data. Copies of every row
/// before a grouped split are excused (each row weighs the same), as for augmentation. Two different sources
/// concatenated, Union (which keeps one of each row), parts of one split, and the copies made on the training part after
/// the split are silent.
/// </summary>
public sealed partial class CopiesMadeWithLinqTests
{
    [Fact]
    public Task Churners_appended_twice_with_Concat_before_a_grouped_split_are_reported() => LeakageExpectation.Expect(Program("""
        var subscribers = CsvFile.Read<Subscriber>("subscribers.csv").ToList();
        var churners = subscribers.Where(s => s.Churned == 1).ToList();
        var balanced = {|#0:subscribers.Concat(churners).Concat(churners)|}.ToList();
        var (train, validation, test) = balanced.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = 4 });
        using var net = new ChurnNet();
        net.Fit(train, validation);
        Console.WriteLine(net.Evaluate(test).Accuracy);
        """), "MLDSL0026");

    [Fact]
    public Task Fraudulent_claims_appended_again_with_Concat_before_a_random_split_are_reported() => LeakageExpectation.Expect(Program("""
        var claims = CsvFile.Read<Claim>("claims.csv");
        var balanced = {|#0:claims.Concat(claims.Where(c => c.Fraud == 1))|}.ToList();
        """ + SplitTrainEvaluate("balanced", "ClaimNet")), "MLDSL0026");

    [Fact]
    public Task The_first_patients_appended_again_with_Concat_before_the_split_are_reported() => LeakageExpectation.Expect(Program("""
        var patients = CsvFile.Read<Patient>("patients.csv");
        var padded = {|#0:patients.Concat(patients.Take(100))|}.ToList();
        """ + SplitTrainEvaluate("padded", "PatientNet")), "MLDSL0026");

    [Fact]
    public Task Sold_listings_added_again_with_AddRange_before_the_split_are_reported() => LeakageExpectation.Expect(Program("""
        var listings = CsvFile.Read<Listing>("listings.csv").ToList();
        var sold = listings.Where(l => l.Sold == 1).ToList();
        {|#0:listings.AddRange(sold)|};
        """ + SplitTrainEvaluate("listings", "ListingNet")), "MLDSL0026");

    [Fact]
    public Task Churners_appended_again_with_Concat_on_the_training_part_after_the_split_are_silent() => LeakageExpectation.Expect(Program("""
        var subscribers = CsvFile.Read<Subscriber>("subscribers.csv").ToList();
        var (train, validation, test) = subscribers.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = 4 });
        var churners = train.Where(s => s.Churned == 1).ToList();
        var balanced = train.Concat(churners).Concat(churners).ToList();
        using var net = new ChurnNet();
        net.Fit(balanced, validation);
        Console.WriteLine(net.Evaluate(test).Accuracy);
        """));

    [Fact]
    public Task Fraudulent_claims_appended_again_on_the_training_part_after_the_split_are_silent() => LeakageExpectation.Expect(Program("""
        var claims = CsvFile.Read<Claim>("claims.csv");
        var (train, validation, test) = claims.Split(new SplitOptions { Kind = SplitKind.Random, Seed = 3 });
        var balanced = train.Concat(train.Where(c => c.Fraud == 1)).ToList();
        using var net = new ClaimNet();
        net.Fit(balanced, validation);
        Console.WriteLine(net.Evaluate(test).Accuracy);
        """));

    [Fact]
    public Task Every_subscriber_appended_twice_before_a_grouped_split_is_silent() => LeakageExpectation.Expect(Program("""
        var subscribers = CsvFile.Read<Subscriber>("subscribers.csv").ToList();
        var doubled = subscribers.Concat(subscribers).ToList();
        var (train, validation, test) = doubled.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = 4 });
        using var net = new ChurnNet();
        net.Fit(train, validation);
        Console.WriteLine(net.Evaluate(test).Accuracy);
        """));

    [Fact]
    public Task Claims_of_two_files_concatenated_before_the_split_are_silent() => LeakageExpectation.Expect(Program("""
        var claims = CsvFile.Read<Claim>("claims-2023.csv").Concat(CsvFile.Read<Claim>("claims-2024.csv")).ToList();
        """ + SplitTrainEvaluate("claims", "ClaimNet")));

    [Fact]
    public Task Patients_united_with_a_filter_of_themselves_before_the_split_are_silent() => LeakageExpectation.Expect(Program("""
        var patients = CsvFile.Read<Patient>("patients.csv");
        var all = patients.Union(patients.Where(p => p.Readmitted == 1)).ToList();
        """ + SplitTrainEvaluate("all", "PatientNet")));

    [Fact]
    public Task Training_and_validation_parts_concatenated_for_a_final_fit_are_silent_for_this_rule() => LeakageExpectation.Expect(Program("""
        var listings = CsvFile.Read<Listing>("listings.csv");
        var (train, validation, test) = listings.Split(new SplitOptions { Kind = SplitKind.Random, Seed = 3 });
        using var net = new ListingNet();
        net.Fit(train, validation);
        using var final = new ListingNet();
        final.Fit(train.Concat(validation).ToList());
        Console.WriteLine(final.Evaluate(test).Accuracy);
        """));
}
