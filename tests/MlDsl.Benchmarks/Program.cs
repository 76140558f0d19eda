using MlDsl.Benchmarks;

// dotnet run -c Release --project tests/MlDsl.Benchmarks -- [training [steps] [epochs] [threads] | analyzers [runs] [models|script [analyzer to profile alone] | parse] | audio [clips] [runs] [threads] | streaming [steps] [runs] [copies...] | streaming csv [rows] [runs] [rounds] | onnx [runs] [busy [shell|torch] | profile | candidates]]
string mode = args.Length > 0 ? args[0] : "training";
string[] rest = args.Skip(1).ToArray();
switch (mode)
{
    case "training": TrainingBench.Run(rest); break;
    case "analyzers": await AnalyzerBench.RunAsync(rest); break;
    case "audio": return AudioBench.Run(rest);
    case "streaming": return StreamingBench.Run(rest);
    case "onnx": OnnxBench.Run(rest); break;
    default:
        Console.Error.WriteLine($"unknown mode '{mode}': use 'training', 'analyzers', 'audio', 'streaming' or 'onnx'");
        return 2;
}
return 0;
