namespace MlDsl.Distributed;

/// <summary>
/// The ranks started by <c>mpiexec.mpich -n N</c>, over MPI.NET and MPICH. Create one per process,
/// before training, and dispose it at the end (MPI is finalized then; it cannot be started again).
/// A process started without mpiexec is a group of one. With more than one rank, each prints its
/// rank and process id to stderr at start: when a rank dies, MPICH's launcher stops the others (no
/// rank waits forever) and names the dead process by that id.
/// </summary>
public sealed class MpiRanks : IRankGroup, IDisposable
{
    private readonly MPI.Environment environment;
    private readonly MPI.Intracommunicator world;

    /// <exception cref="DllNotFoundException">MPICH is not installed (the message says how to install it).</exception>
    public MpiRanks()
    {
        MpiLibrary.Register();
        string[] arguments = [];
        environment = new MPI.Environment(ref arguments);
        world = MPI.Communicator.world;
        // When a rank dies, MPICH's launcher stops the others and names the dead process by PID only:
        // this line lets that PID be read as a rank.
        if (world.Size > 1) Console.Error.WriteLine($"MlDsl rank {world.Rank} of {world.Size} is process {System.Environment.ProcessId} on {System.Environment.MachineName}");
    }

    /// <summary>
    /// How many ranks the MPI launcher that started this process started (MPICH's hydra sets <c>PMI_SIZE</c>,
    /// Open MPI <c>OMPI_COMM_WORLD_SIZE</c>); 1 when it was not started by one.
    /// </summary>
    public static int Launched =>
        int.TryParse(System.Environment.GetEnvironmentVariable("PMI_SIZE") ?? System.Environment.GetEnvironmentVariable("OMPI_COMM_WORLD_SIZE"), out int size) && size > 0 ? size : 1;

    public int Rank => world.Rank;
    public int Size => world.Size;

    public void SumInPlace(float[] values)
    {
        float[] sum = new float[values.Length];
        world.Allreduce(values, MPI.Operation<float>.Add, ref sum);
        sum.CopyTo(values, 0);
    }

    public void SumInPlace(double[] values)
    {
        double[] sum = new double[values.Length];
        world.Allreduce(values, MPI.Operation<double>.Add, ref sum);
        sum.CopyTo(values, 0);
    }

    public void Broadcast(float[] values)
    {
        float[] received = values;
        world.Broadcast(ref received, 0);
        if (!ReferenceEquals(received, values)) received.AsSpan(0, values.Length).CopyTo(values);
    }

    /// <summary>Waits until every rank has called it.</summary>
    public void Barrier() => world.Barrier();

    public void Dispose() => environment.Dispose();
}
