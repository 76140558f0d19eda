using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace MlDsl.Tests.Fuzzing;

/// <summary>
/// Runs a parser on mutated copies of valid seed files under FsCheck and checks what a fuzzer checks:
/// only documented exception types, every case finished within a time limit, and managed allocation
/// bounded. A fixed seed keeps CI reproducible; a failure prints the case's bytes.
/// </summary>
internal static class FuzzHarness
{
    /// <param name="seeds">Valid files to mutate.</param>
    /// <param name="parse">The parser; it runs on a worker thread, so its allocation is measured alone.</param>
    /// <param name="documented">The exception types the parser documents (exact types).</param>
    /// <param name="allocationLimit">The most bytes one case may allocate, given its input length.</param>
    /// <param name="cases">How many mutated files to try.</param>
    /// <remarks>MLDSL_FUZZ_SEED and MLDSL_FUZZ_SCALE (a case multiplier) run a longer or different search locally.</remarks>
    public static void Run(byte[][] seeds, Action<byte[]> parse, Type[] documented, Func<int, long> allocationLimit, int cases)
    {
        ulong seed = ulong.TryParse(Environment.GetEnvironmentVariable("MLDSL_FUZZ_SEED"), out ulong chosen) ? chosen : 20261130;
        cases *= int.TryParse(Environment.GetEnvironmentVariable("MLDSL_FUZZ_SCALE"), out int scale) && scale > 0 ? scale : 1;
        var perCase = TimeSpan.FromSeconds(10);
        Gen<byte[]> inputs =
            from file in Gen.Elements(seeds)
            from mutations in ByteMutation.Several
            select ByteMutation.Apply(file, mutations);
        Property property = Prop.ForAll(Arb.From(inputs), input =>
        {
            (Exception? thrown, long allocated, bool finished) = RunOnce(parse, input, perCase);
            if (!finished)
                throw new TimeoutException($"the parser did not finish within {perCase.TotalSeconds} s on {Describe(input)}");
            if (thrown is not null && !documented.Contains(thrown.GetType()))
                throw new Exception($"undocumented {thrown.GetType().Name} on {Describe(input)}: {thrown.Message}", thrown);
            if (allocated > allocationLimit(input.Length))
                throw new Exception($"{allocated:N0} bytes allocated (limit {allocationLimit(input.Length):N0}) on {Describe(input)}");
        });
        Config config = Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
        Check.One(config, property);
    }

    private static (Exception? Thrown, long Allocated, bool Finished) RunOnce(Action<byte[]> parse, byte[] input, TimeSpan limit)
    {
        Exception? thrown = null;
        long allocated = 0;
        var worker = new Thread(() =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                parse(input);
            }
            catch (Exception problem)
            {
                thrown = problem;
            }
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }) { IsBackground = true };
        worker.Start();
        bool finished = worker.Join(limit);
        return (thrown, allocated, finished);
    }

    private static string Describe(byte[] input) =>
        $"{input.Length} bytes (base64 {Convert.ToBase64String(input.AsSpan(0, Math.Min(input.Length, 512)))}{(input.Length > 512 ? "..." : "")})";
}
