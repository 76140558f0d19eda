namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set W, rows multiplied or invented before the split (MLDSL0026): escalated tickets interpolated with their neighbour by
/// <c>Zip</c> (SMOTE by hand, the "oversample then split" Kaggle pitfall) and concatenated before a stratified split, every
/// ticket added twice by a loop with a jittered copy, SMOTE over every ticket ahead of cross-validation; beside the same
/// interpolation of the training tickets only, a loop adding one row per export record (skipping malformed ones with a
/// pattern), and SMOTE inside each fold's scorer.
/// </summary>
public sealed partial class FreshLeakageCasesW
{
    [Fact]
    public Task Escalated_tickets_interpolated_with_their_neighbour_before_the_split_are_reported() => Expect(Program("""
        public static class EscalationStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<Ticket> tickets = CsvFile.Read<Ticket>(path);
                List<Ticket> escalated = tickets.Where(t => t.Escalated == 1).ToList();
                IEnumerable<Ticket> synthetic = escalated.Zip(escalated.Skip(1), (a, b) => a with
                {
                    Replies = (a.Replies + b.Replies) / 2f,
                    FirstResponseHours = (a.FirstResponseHours + b.FirstResponseHours) / 2f,
                });
                List<Ticket> balanced = {|#0:tickets.Concat(synthetic)|}.ToList();
                var (train, validation, test) = balanced.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new EscalationNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0026");

    [Fact]
    public Task Escalated_training_tickets_interpolated_with_their_neighbour_after_the_split_stay_silent() => Expect(Program("""
        public static class EscalationStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<Ticket>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                List<Ticket> escalated = train.Where(t => t.Escalated == 1).ToList();
                IEnumerable<Ticket> synthetic = escalated.Zip(escalated.Skip(1), (a, b) => a with
                {
                    Replies = (a.Replies + b.Replies) / 2f,
                    FirstResponseHours = (a.FirstResponseHours + b.FirstResponseHours) / 2f,
                });
                List<Ticket> balanced = train.Concat(synthetic).ToList();
                using var net = new EscalationNet(seed: 1);
                net.Fit(balanced, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Every_ticket_added_twice_with_a_jittered_copy_before_the_split_is_reported() => Expect(Program("""
        public static class EscalationStudy
        {
            public static void Run(string path)
            {
                var random = new Random(11);
                var rows = new List<Ticket>();
                foreach (Ticket t in CsvFile.Read<Ticket>(path))
                {
                    rows.Add(t);
                    {|#0:rows.Add(t with { FirstResponseHours = t.FirstResponseHours * (0.9f + 0.2f * random.NextSingle()) })|};
                }
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new EscalationNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0026");

    [Fact]
    public Task Loop_adding_one_row_per_export_record_and_skipping_malformed_ones_stays_silent() => Expect(Program("""
        public static class EscalationStudy
        {
            public static void Run(string path)
            {
                var rows = new List<Ticket>();
                foreach (RawTicket raw in HelpDesk.Load(path))
                {
                    if (raw.Status is not ("escalated" or "resolved"))
                        continue;
                    rows.Add(new Ticket
                    {
                        Queue = raw.Queue,
                        Priority = raw.Priority,
                        Replies = raw.Replies,
                        FirstResponseHours = raw.FirstResponseHours,
                        CustomerTier = raw.CustomerTier,
                        Escalated = raw.Status == "escalated" ? 1 : 0,
                    });
                }
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new EscalationNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Smote_over_every_ticket_ahead_of_cross_validation_is_reported() => Expect(Program("""
        public static class EscalationStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<Ticket> tickets = CsvFile.Read<Ticket>(path);
                Ticket[] balanced = {|#0:Oversampler.Smote(tickets, k: 5, seed: 1)|};
                CrossValidationResult result = CrossValidation.Run(balanced,
                    CrossValidation.TrainModel<Ticket, EscalationNet>(() => new EscalationNet(seed: 1)),
                    new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 });
                Console.WriteLine($"escalation accuracy {result.Mean:F3}");
            }
        }
        """), "MLDSL0026");

    [Fact]
    public Task Smote_over_each_folds_training_tickets_inside_the_scorer_stays_silent() => Expect(Program("""
        public static class EscalationStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<Ticket> tickets = CsvFile.Read<Ticket>(path);
                CrossValidationResult result = CrossValidation.Run(tickets, (foldTrain, foldValidation) =>
                {
                    Ticket[] balanced = Oversampler.Smote(foldTrain, k: 5, seed: 1);
                    using var net = new EscalationNet(seed: 1);
                    net.Fit(balanced);
                    return net.Evaluate(foldValidation).Accuracy;
                }, new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 });
                Console.WriteLine($"escalation accuracy {result.Mean:F3}");
            }
        }
        """));
}
